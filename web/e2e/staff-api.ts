import { BASE_URL } from './browser';

/** The api as a demo staff account, outside the browser (cookies and the CSRF header by hand). */
export interface StaffApi {
  /** The session's cookies, for a browser context (`context.addCookies`). */
  cookies: Array<{ name: string; value: string; url: string }>;
  get(path: string): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const sessions = new Map<string, Promise<StaffApi>>();

/**
 * One session per account for the whole test file: logins are limited per client address
 * (LOGIN_THROTTLE_LIMIT a minute), and every browser test logs in from the same one.
 */
export function staffApi(username: string): Promise<StaffApi> {
  let session = sessions.get(username);
  if (!session) sessions.set(username, (session = openSession(username)));
  return session;
}

async function openSession(username: string): Promise<StaffApi> {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'sportello-demo' }),
  });
  if (login.status !== 200) throw new Error(`login of ${username} answered ${login.status}`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))?.slice('XSRF-TOKEN='.length) ?? '';
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${BASE_URL}${path}`, {
      method,
      headers: { cookie: cookies.join('; '), 'x-xsrf-token': xsrf, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const jar = cookies.map((c) => {
    const at = c.indexOf('=');
    return { name: c.slice(0, at), value: c.slice(at + 1), url: BASE_URL };
  });
  return { cookies: jar, get: (path) => request('GET', path), send: request };
}

/**
 * The demo office open around the clock while a test needs walk-in tickets (the kiosk
 * refuses them outside the opening hours); `restore()` puts its week back. Today must not
 * be a public holiday, when the office is closed whatever its hours.
 */
export async function openAroundTheClock(officeId: string): Promise<{ restore(): Promise<void> }> {
  const admin = await staffApi('admin');
  const url = `/api/admin/offices/${officeId}/opening-hours`;
  const before = (await admin.get(url)).body.office as Array<{ weekday: number; start: string; end: string }>;
  const all = Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, start: '00:00', end: '23:59' }));
  const opened = await admin.send('PUT', url, { intervals: all, confirm: true });
  if (opened.status !== 200) throw new Error(`opening the office answered ${opened.status}: ${JSON.stringify(opened.body)}`);
  return {
    async restore() {
      const restored = await admin.send('PUT', url, { intervals: before, confirm: true });
      if (restored.status !== 200) throw new Error(`restoring the hours answered ${restored.status}`);
    },
  };
}
