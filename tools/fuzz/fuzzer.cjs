// A reproducible HTTP fuzzer driven by the api's own OpenAPI document (/api/docs-json):
// every operation is called with values drawn from a seeded generator — mostly wrong ones
// (dates out of range, malformed ids, wrong types, long and odd texts, repeated query
// parameters, bodies that are not JSON) and some right ones (ids seen in earlier answers),
// anonymously and as a logged-in admin. Any 5xx or a dropped connection is a finding.
// Plain CommonJS, so that the CLI (tools/fuzz/run.mjs) and the integration test
// (api/test/fuzz.int-spec.ts) share it.
'use strict';

const { fiscalCode } = require('../../libs/domain/testing/fiscal-codes.cjs');

/** Deterministic PRNG (mulberry32): the same seed gives the same requests. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const CODE = /\b[A-Z][A-Z0-9]{0,9}-[23456789BCDFGHJKMNPQRSTVWXYZ]{6}\b/g;
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;
const NASTY_TEXT = [
  '',
  ' ',
  'x',
  'null',
  'undefined',
  '0',
  '-1',
  '1e309',
  'NaN',
  'true',
  '[]',
  '{}',
  '%',
  '%00',
  '%zz',
  "'; DROP TABLE appointment; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '"<script>"@example.org',
  '../../etc/passwd',
  '\u0000',
  '\uD800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ àèìòù',
  'A'.repeat(300),
  'ü'.repeat(5000),
  '2027-02-30',
  '9999-12-31',
  '1893-06-01',
  '0000-00-00',
  '2027-13-01',
  '275760-09-13',
  '2027-03-29T08:30:00+02:00',
  '9999-12-31T23:59:59Z',
  '1893-06-01T00:00:00+01:00',
  '2027-03-29T25:61:00Z',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  'RSSMRA85T10A562S',
  'FMMHPGVPHMUARRSK',
  'CIE-ZZZZZZ',
  '2027-00',
  '2100-12',
  '1999-12',
  '99999',
  '-99999',
  '2147483648',
  '9007199254740993',
  '1.5',
];

const NASTY_VALUES = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2147483648,
  1e308,
  -0,
  [],
  [null],
  {},
  { $gt: '' },
  'x',
  '',
  'A'.repeat(10_000),
  [1, 2, 3],
  { a: { b: { c: {} } } },
];

/** encodeURIComponent that survives lone surrogates (sent as the replacement character). */
function encode(text) {
  return encodeURIComponent(String(text).toWellFormed ? String(text).toWellFormed() : String(text).replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
}

/** Builds the generator for one run. */
function createFuzzer({ seed = 1, baseUrl }) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const pool = { uuid: new Set(), code: new Set(), instant: new Set(), office: [], service: [] };
  // About one request in three is meant to get through (valid shapes, known ids), so that the
  // paths behind validation (bookings, closures, changes) are fuzzed too.
  let sane = false;
  let serial = 0;

  function harvest(text) {
    if (typeof text !== 'string' || text.length > 2_000_000) return;
    for (const m of text.matchAll(UUID)) if (pool.uuid.size < 2000) pool.uuid.add(m[0].toLowerCase());
    for (const m of text.matchAll(CODE)) if (pool.code.size < 500) pool.code.add(m[0]);
    for (const m of text.matchAll(INSTANT)) if (pool.instant.size < 2000) pool.instant.add(m[0]);
  }

  const knownUuid = () => (pool.uuid.size > 0 ? pick([...pool.uuid]) : '00000000-0000-4000-8000-000000000000');
  const knownCode = () => (pool.code.size > 0 ? pick([...pool.code]) : 'CIE-ZZZZZZ');

  /** A string for a parameter or a member, good or bad. */
  function text(name, schema) {
    const lower = String(name).toLowerCase();
    if (sane) {
      if (schema?.enum) return pick(schema.enum);
      if (lower === 'officeid' && pool.office.length > 0) return pick(pool.office);
      if (lower === 'serviceid' && pool.service.length > 0) return pick(pool.service);
      if (lower === 'idempotency-key') return `fuzz-key-${++serial}`;
      if (lower.endsWith('id') || schema?.format === 'uuid') return knownUuid();
      if (lower === 'fiscalcode') return fiscalCode(++serial);
      if (lower.includes('email')) return `fuzz${++serial}@example.org`;
      if (lower === 'start' && pool.instant.size > 0) return pick([...pool.instant]);
      if (lower.endsWith('time')) return pick(['09:00', '10:30', '14:30', '16:00']);
      if (lower === 'language') return pick(['it', 'en']);
      if (['from', 'to', 'date', 'mandatestart', 'mandateend'].includes(lower))
        return new Date(Date.now() + Math.floor(random() * 60) * 86_400_000).toISOString().slice(0, 10);
      if (lower.includes('name') || lower === 'reason') return pick(['Maria', 'Rossi', "D'Amico", 'Chiusura per formazione']);
    }
    if (chance(0.45)) return pick(NASTY_TEXT);
    if (lower.endsWith('id') || schema?.format === 'uuid')
      return chance(0.85) ? knownUuid() : pick(['not-a-uuid', knownUuid().toUpperCase(), `${knownUuid()}x`]);
    if (lower.includes('code')) return chance(0.7) ? knownCode() : pick(['cie-zzzzzz', 'CIE 7K3P9Q', knownCode().toLowerCase()]);
    if (lower === 'from' || lower === 'to' || lower === 'date' || lower.endsWith('start') || lower.endsWith('end') || schema?.format === 'date') {
      const year = pick([1893, 1999, 2000, 2027, 2100, 2101, 9999]);
      const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(random() * 31)).padStart(2, '0');
      return pick([
        `${year}-${month}-${day}`,
        `${year}-${month}`,
        `${year}-${month}-${day}T09:00:00+01:00`,
        new Date(Date.now() + Math.floor(random() * 90) * 86_400_000).toISOString().slice(0, 10),
      ]);
    }
    if (lower.includes('email')) return pick(['maria@example.org', 'a+b@example.org', '"x"@example.org', 'x@y', 'MARIA@EXAMPLE.ORG']);
    if (schema?.enum) return pick(schema.enum);
    return pick(['CIE', 'mario', 'it', 'en', 'csv', 'json', '1', '14:30', 'BOOKED', 'admin']);
  }

  /** A value for a JSON schema, with mutations. */
  function value(name, schema, depth = 0) {
    if (!sane && chance(0.12)) return pick(NASTY_VALUES);
    const type = schema?.type ?? (schema?.properties ? 'object' : 'string');
    if (schema?.enum && chance(0.7)) return pick(schema.enum);
    switch (type) {
      case 'object': {
        if (depth > 3) return {};
        const out = {};
        for (const [key, member] of Object.entries(schema?.properties ?? {})) {
          if (!sane && chance(0.1)) continue; // a member left out
          out[key] = value(key, member, depth + 1);
        }
        if (sane && 'privacyAccepted' in out) out.privacyAccepted = true;
        if (!sane && chance(0.1)) out[pick(['extra', '__proto__', 'constructor', 'confirm'])] = pick(NASTY_VALUES);
        return out;
      }
      case 'array':
        return Array.from({ length: sane ? pick([0, 1, 2]) : pick([0, 1, 2, 3, 60]) }, () => value(name, schema.items ?? {}, depth + 1));
      case 'integer':
      case 'number':
        return pick([0, 1, 5, 30, 59, 60, 120, -1, 1.5, 100000, 2 ** 31, Number.MAX_SAFE_INTEGER]);
      case 'boolean':
        return chance(0.8) ? chance(0.5) : pick(['true', 1, null]);
      default:
        return text(name, schema);
    }
  }

  /** The schema of a $ref (components/schemas/…), followed once. */
  function resolve(document, schema) {
    if (schema?.$ref) return document.components?.schemas?.[schema.$ref.split('/').pop()] ?? {};
    if (schema?.allOf) return Object.assign({}, ...schema.allOf.map((s) => resolve(document, s)));
    return schema ?? {};
  }

  function resolveDeep(document, schema, depth = 0) {
    const s = resolve(document, schema);
    if (depth > 4) return s;
    if (s.properties) return { ...s, properties: Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolveDeep(document, v, depth + 1)])) };
    if (s.items) return { ...s, items: resolveDeep(document, s.items, depth + 1) };
    return s;
  }

  /** Every operation of the document: method, path template, parameters, body schema. */
  function operations(document) {
    const list = [];
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const operation = item[method];
        if (!operation) continue;
        const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => ({ ...p, schema: resolve(document, p.schema) }));
        const json = operation.requestBody?.content?.['application/json']?.schema;
        const csv = operation.requestBody?.content?.['text/csv'];
        list.push({ method: method.toUpperCase(), path, parameters, body: json ? resolveDeep(document, json) : null, csv: !!csv });
      }
    }
    return list;
  }

  /** One request for an operation: URL, headers and body, mostly wrong. */
  function request(operation, session) {
    sane = chance(0.33);
    let path = operation.path.replace(/\{(\w+)\}/g, (_, name) => {
      const raw = text(name, operation.parameters.find((p) => p.name === name)?.schema);
      return chance(0.1) ? String(raw).replace(/[\uD800-\uDFFF]/g, '') : encode(raw);
    });
    const query = [];
    for (const p of operation.parameters.filter((x) => x.in === 'query')) {
      if (!p.required && chance(0.3)) continue;
      const v = String(value(p.name, p.schema) ?? '');
      query.push(`${encode(p.name)}=${encode(v)}`);
      if (chance(0.05)) query.push(`${encode(p.name)}=${encode(text(p.name, p.schema))}`);
    }
    if (chance(0.05)) query.push(`${pick(['from', 'to', 'q', 'page', 'x'])}=${encode(pick(NASTY_TEXT))}`);
    if (query.length > 0) path += `?${query.join('&')}`;
    const headers = {
      accept: pick(['application/json', '*/*', 'text/csv', 'text/html']),
      'accept-language': pick(['it', 'en', 'de', '*', 'en-GB,en;q=0.9', '']),
    };
    for (const p of operation.parameters.filter((x) => x.in === 'header'))
      if (chance(0.7)) headers[p.name.toLowerCase()] = String(text(p.name, p.schema)).replace(/[^\x20-\x7e]/g, '');
    if (chance(0.05)) headers['x-forwarded-for'] = pick(['203.0.113.9', 'garbage', '1.2.3.4, 5.6.7.8']);
    if (chance(0.05))
      headers['x-altcha'] = pick(['nonsense', 'e30=', Buffer.from('{"challenge":{"parameters":{},"signature":"x"},"solution":{}}').toString('base64')]);
    if (session) {
      headers.cookie = session.cookie;
      if (sane || chance(0.95)) headers['x-xsrf-token'] = session.xsrf;
    }
    let body;
    if (operation.method !== 'GET' && operation.method !== 'DELETE') {
      const roll = sane ? 1 : random();
      if (operation.csv && roll < 0.6) {
        headers['content-type'] = 'text/csv';
        body = pick([
          'month,metric,value\n2023-01,appointments_attended,10\n',
          'month,metric,value\n9999-12,walk_ins,1\n',
          'garbage',
          '',
          'month,metric,value\n' + '2023-01,walk_ins,1\n'.repeat(50),
          'month,metric,value\n"2023-01,walk_ins,1\n',
        ]);
      } else if (roll < 0.08) {
        headers['content-type'] = 'application/json';
        body = pick(['{', '[]', 'null', '"x"', '{"a":', '\u0000', '{"__proto__":{"x":1}}', '1'.repeat(200_000)]);
      } else if (roll < 0.12) {
        headers['content-type'] = pick(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/xml']);
        body = 'a=1&b=2';
      } else {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(
          operation.body
            ? value('body', operation.body)
            : chance(0.5)
              ? {}
              : value('body', { type: 'object', properties: { force: { type: 'boolean' }, confirm: { type: 'boolean' } } }),
        );
      }
    }
    return { method: operation.method, url: `${baseUrl}${path}`, headers, body };
  }

  /** The offices and their services, for requests meant to get through. */
  function known(offices, services) {
    pool.office.push(...offices);
    pool.service.push(...services);
  }

  return { harvest, known, operations, request, random, pick, chance };
}

/** Logs a demo-style account in; returns the cookies and the CSRF token for later requests. */
async function login(baseUrl, username, password) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login of ${username} answered ${response.status}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))?.slice('XSRF-TOKEN='.length) ?? '';
  return { cookie: cookies.join('; '), xsrf };
}

/**
 * Runs `requests` fuzzed requests (one at a time, so a seed replays exactly) against a
 * running api. `accounts`: [{ username, password }] logged in first; about two requests in
 * three use one of their sessions. Operations matching `skip` are left out (e.g. logout,
 * which would end the sessions). Returns the count per status and every finding.
 */
async function fuzz({ baseUrl, seed = 1, requests = 1000, accounts = [], skip = [/^POST \/api\/auth\/logout$/], log = () => undefined }) {
  const fuzzer = createFuzzer({ seed, baseUrl, log });
  const document = await (await fetch(`${baseUrl}/api/docs-json`)).json();
  const operations = fuzzer.operations(document).filter((o) => !skip.some((s) => s.test(`${o.method} ${o.path}`)));
  const sessions = [];
  for (const account of accounts) sessions.push(await login(baseUrl, account.username, account.password));
  // Ids to start from: the public offices and services, the admin's lists.
  for (const url of ['/api/offices', '/api/admin/offices', '/api/admin/staff-users']) {
    const response = await fetch(`${baseUrl}${url}`, { headers: sessions[0] ? { cookie: sessions[0].cookie } : {} });
    fuzzer.harvest(await response.text());
  }
  const offices = (await (await fetch(`${baseUrl}/api/offices`)).json()).map((o) => o.id);
  const services = [];
  for (const office of offices) services.push(...(await (await fetch(`${baseUrl}/api/services?officeId=${office}`)).json()).map((x) => x.id));
  fuzzer.known(offices, services);
  for (const office of offices.slice(0, 1)) {
    for (const service of services) {
      const today = new Date().toISOString().slice(0, 10);
      const later = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
      fuzzer.harvest(await (await fetch(`${baseUrl}/api/availability?officeId=${office}&serviceId=${service}&from=${today}&to=${later}`)).text());
    }
  }
  const statuses = {};
  const findings = [];
  const operationsSeen = new Set();
  const slow = [];
  for (let i = 0; i < requests; i++) {
    const operation = fuzzer.pick(operations);
    operationsSeen.add(`${operation.method} ${operation.path}`);
    const session = sessions.length > 0 && fuzzer.chance(0.67) ? fuzzer.pick(sessions) : null;
    const request = fuzzer.request(operation, session);
    let status;
    let text = '';
    const sent = Date.now();
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      text = response.headers.get('content-type')?.includes('text/event-stream') ? '' : await response.text();
      if (response.body && !response.bodyUsed) await response.body.cancel();
    } catch (error) {
      status = `network: ${error?.cause?.code ?? error?.name ?? error}`;
    }
    const ms = Date.now() - sent;
    if (ms > 2000) slow.push({ operation: `${operation.method} ${operation.path}`, ms });
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (typeof status !== 'number' || status >= 500)
      findings.push({
        request: i,
        seed,
        operation: `${operation.method} ${operation.path}`,
        status,
        url: request.url.slice(0, 300),
        body: String(request.body ?? '').slice(0, 300),
        answer: text.slice(0, 300),
      });
    else fuzzer.harvest(text);
    if ((i + 1) % 500 === 0) log(`${i + 1} requests, ${findings.length} findings`);
  }
  return { requests, seed, operations: operations.length, operationsCalled: operationsSeen.size, statuses, findings, slow: slow.slice(0, 20) };
}

module.exports = { fuzz, createFuzzer, prng };
