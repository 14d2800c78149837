import http from 'node:http';

export interface AddressedReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * An HTTP request whose socket is bound to a chosen loopback address (127.0.0.5, …): the
 * api sees it as another client, as it would see two citizens or two offices' browsers.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<AddressedReply> {
  const target = new URL(url);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        localAddress,
        agent: false,
        headers: { accept: 'application/json', ...(payload !== undefined && { 'content-type': 'application/json' }), ...options.headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text && /json/.test(String(response.headers['content-type'])) ? JSON.parse(text) : text,
          }),
        );
      },
    );
    request.on('error', reject);
    if (payload !== undefined) request.write(payload);
    request.end();
  });
}

/** The `name=value` pairs of an answer's Set-Cookie headers. */
export function cookiesOf(reply: AddressedReply): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of reply.headers['set-cookie'] ?? []) {
    const pair = line.split(';')[0];
    const index = pair.indexOf('=');
    cookies.set(pair.slice(0, index), pair.slice(index + 1));
  }
  return cookies;
}
