// E-mail run: N appointments booked through the HTTP API of two api instances sharing one
// database, each causing a confirmation and a reminder (2N messages), delivered through a
// real local SMTP server (smtp-server) that counts every message by its Message-ID.
// Reminders are made due right after the bookings (their due_at moved to now: the clock
// reaching the reminder time). Prints total time, messages per second, duplicates, lost.
//   node tools/bench/mail-run.mjs [--appointments 500] [--instances 2]
import { SMTPServer } from 'smtp-server';
import { freePort } from '../db/embedded.mjs';
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { arg, seedBenchOffice, startBenchApi, startBenchDatabase } from './harness.mjs';

const APPOINTMENTS = arg('appointments', 500);
const INSTANCES = arg('instances', 2);
const EXPECTED = APPOINTMENTS * 2;

const received = new Map(); // Message-ID → times received
let firstAt = 0;
let lastAt = 0;
let onMessage = () => undefined;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk) => {
      if (head.length < 4096) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const id = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? 'missing';
      received.set(id, (received.get(id) ?? 0) + 1);
      lastAt = performance.now();
      firstAt ||= lastAt;
      onMessage();
      callback();
    });
  },
});
const smtpPort = await freePort();
await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));

const bench = await startBenchDatabase(10);
const apis = [];
try {
  const { db } = bench;
  const { officeId, service } = await seedBenchOffice(db, 100);
  const serviceId = await service('MAIL');
  const env = { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'URP <urp@example.it>', MAIL_POLL_SECONDS: '1', MAX_ACTIVE_PER_CF: '5' };
  for (let i = 0; i < INSTANCES; i++) apis.push(await startBenchApi(bench.url, env));

  // Slots more than 25 h ahead, so that every reminder is scheduled (not folded into the confirmation).
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const availability = await (await fetch(`${apis[0].base}/availability?officeId=${officeId}&serviceId=${serviceId}&from=${from}&to=${to}`)).json();
  const starts = availability.days.flatMap((d) => d.slots.map((s) => s.start)).slice(0, APPOINTMENTS);
  if (starts.length < APPOINTMENTS) throw new Error(`only ${starts.length} free slots`);

  const started = performance.now();
  const statuses = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async (_, worker) => {
      for (let i = next++; i < APPOINTMENTS; i = next++) {
        const response = await fetch(`${apis[(worker + i) % apis.length].base}/appointments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            officeId,
            serviceId,
            start: starts[i],
            citizen: { firstName: 'Anna', lastName: 'Bianchi', fiscalCode: fiscalCode(i), email: `c${i}@example.it` },
            language: i % 5 === 0 ? 'en' : 'it',
            privacyAccepted: true,
          }),
        });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
    }),
  );
  const booked = performance.now();
  await db.query(`UPDATE notification SET due_at = now() WHERE kind = 'REMINDER' AND status = 'PENDING'`);

  // Wait for all messages (or 60 s without progress), then three more poll intervals to catch strays.
  await new Promise((resolve) => {
    let idle;
    const check = () => {
      clearTimeout(idle);
      if (received.size >= EXPECTED) return resolve();
      idle = setTimeout(resolve, 60_000);
    };
    onMessage = check;
    check();
  });
  const delivered = lastAt;
  await new Promise((r) => setTimeout(r, 3000));

  const total = [...received.values()].reduce((a, b) => a + b, 0);
  const { rows } = await db.query(`SELECT kind, status, count(*)::int AS n FROM notification GROUP BY kind, status ORDER BY kind, status`);
  const result = {
    appointments: APPOINTMENTS,
    instances: INSTANCES,
    bookingStatuses: statuses,
    expectedMessages: EXPECTED,
    receivedMessages: total,
    uniqueMessages: received.size,
    duplicates: total - received.size,
    lost: EXPECTED - received.size,
    bookingSeconds: +((booked - started) / 1000).toFixed(2),
    totalSeconds: +((delivered - started) / 1000).toFixed(2),
    sendingSeconds: +((delivered - firstAt) / 1000).toFixed(2),
    messagesPerSecond: Math.round(received.size / ((delivered - firstAt) / 1000)),
    outbox: rows,
  };
  console.log(JSON.stringify(result, null, 2));
  const ok = statuses[201] === APPOINTMENTS && result.duplicates === 0 && result.lost === 0;
  console.log(ok ? `OK: ${EXPECTED} messages, duplicates 0, lost 0` : 'FAILED: see above');
  process.exitCode = ok ? 0 : 1;
} finally {
  for (const api of apis) await api.stop();
  await bench.stop();
  await new Promise((r) => smtp.close(r));
}
