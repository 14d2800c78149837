import type { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { ChannelError, ChannelSender, ChannelSenders, Delivery } from './channels/channel';
import type { EmailChannel } from './channels/email.channel';
import type { NotificationChannel } from './notification.entity';
import type { AppointmentContext, ClaimedNotification, NotificationRepository } from './notification.repository';
import { NotificationWorker } from './notification.worker';

const NOW = new Date('2027-03-25T10:00:00Z');

class FixedClock extends Clock {
  now(): Date {
    return new Date(NOW);
  }
}

interface Marked {
  id: string;
  status: 'SENT' | 'SKIPPED' | 'RETRY' | 'FAILED';
  attempts?: number;
  dueAt?: Date;
  note?: string;
}

/** One claimed row per test; the marks are recorded. */
function repositoryWith(row: ClaimedNotification) {
  const marks: Marked[] = [];
  let claimed = false;
  const repo = {
    claim: async () => (claimed ? [] : ((claimed = true), [row])),
    appointmentContext: async () =>
      ({
        id: 'a1',
        code: 'CIE-7K3P9Q',
        status: 'BOOKED',
        cancelReason: null,
        sequence: 0,
        startAt: new Date('2027-03-29T06:30:00Z'),
        anonymised: false,
      }) as AppointmentContext,
    markSent: async (id: string) => void marks.push({ id, status: 'SENT' }),
    markSkipped: async (id: string, note: string) => void marks.push({ id, status: 'SKIPPED', note }),
    markRetry: async (id: string, attempts: number, dueAt: Date, note: string) => void marks.push({ id, status: 'RETRY', attempts, dueAt, note }),
    markFailed: async (id: string, attempts: number, note: string) => void marks.push({ id, status: 'FAILED', attempts, note }),
    markReconfirmRequested: async () => undefined,
    release: async () => undefined,
  };
  return { repo: repo as unknown as NotificationRepository, marks };
}

function row(channel: NotificationChannel, attempts = 0): ClaimedNotification {
  return { id: 'n1', appointmentId: 'a1', waitlistEntryId: null, kind: 'CONFIRMATION', channel, sequence: 0, attempts, payload: null };
}

function sender(channel: NotificationChannel, deliver: () => Promise<Delivery>, maxAttempts = 5): ChannelSender {
  return { channel, rules: { maxAttempts, retryBaseMs: 10_000, limiter: null }, describe: () => channel, deliver };
}

async function runWith(r: ClaimedNotification, senders: ChannelSender[]) {
  const { repo, marks } = repositoryWith(r);
  const registry: ChannelSenders = { get: (c: NotificationChannel) => senders.find((s) => s.channel === c), all: () => senders };
  const config = { mail: { pollSeconds: 5, maxAttempts: 5 } } as unknown as AppConfig;
  const worker = new NotificationWorker(repo, registry, {} as EmailChannel, new FixedClock(), {} as SchedulerRegistry, config);
  const outcomes = await worker.runOnce();
  return { outcomes, marks };
}

describe('the worker dispatches each row to its channel, with that channel’s rules', () => {
  it('a channel without a sender (Telegram, WhatsApp for now): SKIPPED, nothing tried', async () => {
    const { outcomes, marks } = await runWith(row('TELEGRAM'), [sender('IO', () => Promise.reject(new Error('not this one')))]);
    expect(outcomes).toEqual(['SKIPPED']);
    expect(marks).toEqual([{ id: 'n1', status: 'SKIPPED', note: 'channel TELEGRAM is not configured' }]);
  });

  it('the channel declines (no IO profile): SKIPPED with its reason', async () => {
    const { marks } = await runWith(row('IO'), [sender('IO', () => Promise.resolve({ outcome: 'SKIPPED', reason: 'no App IO profile for this citizen' }))]);
    expect(marks).toEqual([{ id: 'n1', status: 'SKIPPED', note: 'no App IO profile for this citizen' }]);
  });

  it('a permanent error (a 4xx): FAILED at the first attempt, though attempts are left', async () => {
    const { outcomes, marks } = await runWith(row('IO'), [sender('IO', () => Promise.reject(new ChannelError('IO messages: HTTP 400 Invalid payload', true)))]);
    expect(outcomes).toEqual(['FAILED']);
    expect(marks).toEqual([{ id: 'n1', status: 'FAILED', attempts: 1, note: 'IO messages: HTTP 400 Invalid payload' }]);
  });

  it('a retryable error: the channel’s own backoff (10 s × 2^attempts), or Retry-After when longer', async () => {
    const plain = await runWith(row('IO', 2), [sender('IO', () => Promise.reject(new ChannelError('IO messages: HTTP 503')))]);
    expect(plain.marks).toEqual([{ id: 'n1', status: 'RETRY', attempts: 3, dueAt: new Date(NOW.getTime() + 40_000), note: 'IO messages: HTTP 503' }]);
    const told = await runWith(row('IO', 0), [sender('IO', () => Promise.reject(new ChannelError('IO messages: HTTP 429', false, 600_000)))]);
    expect(told.marks[0]).toMatchObject({ status: 'RETRY', attempts: 1, dueAt: new Date(NOW.getTime() + 600_000) });
  });

  it('a retryable error at the channel’s last attempt: FAILED', async () => {
    const { marks } = await runWith(row('IO', 4), [sender('IO', () => Promise.reject(new ChannelError('IO profiles: ECONNREFUSED')), 5)]);
    expect(marks).toEqual([{ id: 'n1', status: 'FAILED', attempts: 5, note: 'IO profiles: ECONNREFUSED' }]);
  });

  it('sent: SENT', async () => {
    const { outcomes } = await runWith(row('IO'), [sender('IO', () => Promise.resolve({ outcome: 'SENT', askedReconfirmation: false }))]);
    expect(outcomes).toEqual(['SENT']);
  });
});
