export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

// Tests walk arbitrary JSON answers; `any` keeps them short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function getJson<T = any>(url: string, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
}
