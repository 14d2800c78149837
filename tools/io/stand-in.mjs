// A stand-in of the App IO API (io-functions-services, openapi/index.yaml) on loopback, for
// the tests and a local trial: POST /profiles and POST /messages as the spec describes them,
// plus /_test/* controls. Written from the public specification; no code of IO's.
//   node tools/io/stand-in.mjs '{"port":0,"keys":["k"],"profiles":{"RSSMRA85T50A944X":{"sender_allowed":true,"preferred_languages":["en_GB"]}}}'
// Prints one line {"url":"http://127.0.0.1:PORT/api/v1"} when listening.
import http from 'node:http';
import { randomBytes } from 'node:crypto';

const options = JSON.parse(process.argv[2] ?? '{}');
const keys = new Set(options.keys ?? ['test-io-key']);
/** fiscal code → LimitedProfile (sender_allowed, preferred_languages); absent → 404. */
let profiles = { ...(options.profiles ?? {}) };
/** Every accepted message: { id, key, body, at }. */
const messages = [];
/** Every call to /profiles and /messages, accepted or not: { route, status, key, fiscal_code }. */
const calls = [];
/** The next `count` calls to `route` answer `status` (with Retry-After when given). */
let faults = [];

const FISCAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const BASE = '/api/v1';

function problem(res, status, title, detail, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      try {
        resolve(raw ? JSON.parse(raw) : {});
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** What the spec's NewMessage and MessageContentBase require; the first problem, or null. */
function messageProblem(body) {
  if (!body || typeof body !== 'object') return 'the body is not a JSON object';
  if (typeof body.fiscal_code !== 'string' || !FISCAL_CODE.test(body.fiscal_code)) return 'fiscal_code is not a valid FiscalCode';
  const content = body.content;
  if (!content || typeof content !== 'object') return 'content is required';
  if (typeof content.subject !== 'string' || content.subject.length < 10 || content.subject.length > 120) return 'content.subject must be 10..120 characters';
  if (typeof content.markdown !== 'string' || content.markdown.length < 80 || content.markdown.length > 10000)
    return 'content.markdown must be 80..10000 characters';
  if (content.due_date !== undefined && (typeof content.due_date !== 'string' || Number.isNaN(Date.parse(content.due_date))))
    return 'content.due_date must be an ISO-8601 timestamp';
  return null;
}

function takeFault(route) {
  const fault = faults.find((f) => (f.route ?? 'messages') === route && f.count > 0);
  if (!fault) return null;
  fault.count -= 1;
  return fault;
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const body = req.method === 'POST' ? await readBody(req) : undefined;

  if (url.pathname.startsWith('/_test/')) {
    if (url.pathname === '/_test/messages' && req.method === 'GET') return json(res, 200, messages);
    if (url.pathname === '/_test/calls' && req.method === 'GET') return json(res, 200, calls);
    if (url.pathname === '/_test/fault' && req.method === 'POST') {
      faults.push({ route: body.route ?? 'messages', status: body.status, count: body.count ?? 1, retryAfter: body.retryAfter ?? null });
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_test/profiles' && req.method === 'POST') {
      profiles = { ...profiles, ...body };
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_test/reset' && req.method === 'POST') {
      messages.length = 0;
      calls.length = 0;
      faults = [];
      return json(res, 200, { ok: true });
    }
    return problem(res, 404, 'Not found', url.pathname);
  }

  const route = url.pathname === `${BASE}/profiles` ? 'profiles' : url.pathname === `${BASE}/messages` ? 'messages' : null;
  if (!route || req.method !== 'POST') return problem(res, 404, 'Not found', url.pathname);
  const key = req.headers['ocp-apim-subscription-key'];
  const record = (status) => calls.push({ route, status, key: typeof key === 'string' ? key : null, fiscal_code: body?.fiscal_code ?? null });
  if (typeof key !== 'string' || !keys.has(key)) {
    record(401);
    return problem(res, 401, 'Unauthorized', 'missing or unknown subscription key');
  }
  const fault = takeFault(route);
  if (fault) {
    record(fault.status);
    return problem(res, fault.status, 'Fault', 'told to fail by the test', fault.retryAfter !== null ? { 'retry-after': String(fault.retryAfter) } : {});
  }

  if (route === 'profiles') {
    if (!body || typeof body.fiscal_code !== 'string' || !FISCAL_CODE.test(body.fiscal_code)) {
      record(400);
      return problem(res, 400, 'Invalid payload', 'fiscal_code is not a valid FiscalCode');
    }
    const profile = profiles[body.fiscal_code];
    if (!profile) {
      record(404);
      return problem(res, 404, 'Profile not found', 'No user found for the provided fiscal code');
    }
    record(200);
    return json(res, 200, profile);
  }

  const wrong = messageProblem(body);
  if (wrong) {
    record(400);
    return problem(res, 400, 'Invalid payload', wrong);
  }
  const id = randomBytes(13).toString('hex').toUpperCase();
  messages.push({ id, key, body, at: new Date().toISOString() });
  record(201);
  return json(res, 201, { id }, { location: `${BASE}/messages/${body.fiscal_code}/${id}` });
});

server.listen(options.port ?? 0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}${BASE}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
