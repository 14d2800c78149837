import type { SchedulerRegistry } from '@nestjs/schedule';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { ChannelSenders } from './channels/channel';
import { EmailChannel } from './channels/email.channel';
import { NotificationComposer } from './notification.composer';
import { NotificationOutbox } from './notification.outbox';
import type { AppointmentContext, ClaimedNotification, NewNotification, NotificationRepository } from './notification.repository';
import type { MailTransport, OutgoingMail } from './notification.transport';
import { NotificationWorker } from './notification.worker';

/** Time moves only when the test says so. */
class TestClock extends Clock {
  constructor(private instant: Date) {
    super();
  }
  now(): Date {
    return new Date(this.instant);
  }
  set(iso: string): void {
    this.instant = new Date(iso);
  }
}

type Row = NewNotification & { id: string; attempts: number; sentAt: Date | null };

/** The outbox table in memory: due rows are claimed by `due_at <= now`, like the SQL. */
class MemoryRepository {
  readonly rows: Row[] = [];
  constructor(private readonly appointment: AppointmentContext) {}
  async insertChannels() {
    // e-mail only here
  }
  async insert(_tx: EntityManager, rows: NewNotification[]) {
    for (const row of rows)
      if (!this.rows.some((r) => r.dedupeKey === row.dedupeKey)) this.rows.push({ ...row, id: `n${this.rows.length + 1}`, attempts: 0, sentAt: null });
  }
  async skipPending() {
    // not exercised: nothing is cancelled or moved here
  }
  async claim(now: Date): Promise<ClaimedNotification[]> {
    return this.rows
      .filter((r) => r.status === 'PENDING' && r.dueAt.getTime() <= now.getTime())
      .map((r) => ({
        id: r.id,
        appointmentId: r.appointmentId,
        waitlistEntryId: null,
        kind: r.kind,
        channel: r.channel,
        sequence: r.sequence,
        attempts: r.attempts,
        payload: null,
      }));
  }
  async appointmentContext() {
    return this.appointment;
  }
  async markSent(id: string, now: Date) {
    const row = this.rows.find((r) => r.id === id) as Row;
    row.status = 'SENT' as Row['status'];
    row.sentAt = now;
  }
  async markSkipped(id: string) {
    (this.rows.find((r) => r.id === id) as Row).status = 'SKIPPED';
  }
  async markRetry(_id: string, _attempts: number, _due: Date, error: string) {
    throw new Error(`unexpected retry: ${error}`);
  }
  async markReconfirmRequested() {
    // reconfirmation is off for this appointment
  }
  async markFailed(_id: string, _attempts: number, error: string) {
    throw new Error(`unexpected failure: ${error}`);
  }
  async release() {
    // claims are not modelled in memory
  }
  async insertManageToken() {
    // the link's token is not checked here
  }
}

const config = {
  publicUrl: 'https://prenota.example.it',
  mail: { reminderHoursBefore: 48, pollSeconds: 5, maxAttempts: 5, from: 'Sportello <noreply@prenota.example.it>' },
  booking: { reconfirmDeadlineHours: 12 },
} as unknown as AppConfig;

function appointment(startAt: string): AppointmentContext {
  const start = new Date(startAt);
  return {
    id: '7d2f4c1e-9a55-4c57-8f0e-1f2a3b4c5d6e',
    code: 'CIE-7K3P9Q',
    status: 'BOOKED',
    cancelReason: null,
    confirmedAt: null,
    reconfirmRequired: false,
    serviceCode: 'CIE',
    sequence: 0,
    startAt: start,
    endAt: new Date(start.getTime() + 30 * 60_000),
    email: 'maria@example.org',
    fiscalCode: 'RSSMRA85T50A944X',
    firstName: 'Maria',
    lastName: 'Rossi',
    language: 'it',
    anonymised: false,
    officeName: 'URP Calderara',
    officeAddress: 'Piazza Marconi 7',
    officeCity: 'Calderara di Reno',
    officePhone: null,
    officeEmail: null,
    officeLatitude: null,
    officeLongitude: null,
    timeZone: 'Europe/Rome',
    nameIt: "Carta d'identità elettronica",
    nameEn: 'Electronic identity card',
    documentsIt: [],
    documentsEn: [],
    feeCents: 2221,
    feeNoteIt: null,
    feeNoteEn: null,
  };
}

function setUp(startAt: string, bookedAt: string) {
  const clock = new TestClock(new Date(bookedAt));
  const repository = new MemoryRepository(appointment(startAt));
  const sent: OutgoingMail[] = [];
  const transport = { send: async (mail: OutgoingMail) => void sent.push(mail), describe: () => 'memory' } as unknown as MailTransport;
  const repo = repository as unknown as NotificationRepository;
  const outbox = new NotificationOutbox(repo, clock, config);
  const email = new EmailChannel(new NotificationComposer(repo, config), repo, transport, config);
  const senders = { get: (channel: string) => (channel === 'EMAIL' ? email : undefined), all: () => [email] } as unknown as ChannelSenders;
  const worker = new NotificationWorker(repo, senders, email, clock, {} as SchedulerRegistry, config);
  const reminders = () => sent.filter((m) => m.subject.startsWith('Promemoria'));
  return { clock, repository, outbox, worker, reminders, sent };
}

describe('reminders across the DST change (time driven by the injectable Clock)', () => {
  // REMINDER_HOURS_BEFORE counts elapsed hours; 48 h make the reminder cross the change.
  it.each([
    // Spring: clocks go 02:00 → 03:00 on Sunday 29 March 2026. Monday 09:00 CEST = 07:00Z;
    // 48 h earlier is Saturday 07:00Z, i.e. 08:00 CET (not 09:00 by the wall clock).
    ['spring forward', '2026-03-30T07:00:00Z', '2026-03-28T07:00:00Z', 'lunedì 30 marzo 2026, 09:00 (ora italiana, CEST)'],
    // Autumn: clocks go 03:00 → 02:00 on Sunday 25 October 2026. Monday 09:00 CET = 08:00Z;
    // 48 h earlier is Saturday 08:00Z, i.e. 10:00 CEST.
    ['fall back', '2026-10-26T08:00:00Z', '2026-10-24T08:00:00Z', 'lunedì 26 ottobre 2026, 09:00 (ora italiana, CET)'],
  ])(
    '%s: sent exactly at start − 48 h, showing the local time with the right zone',
    async (_name, startAt, dueAt, localTime) => {
      const { clock, repository, outbox, worker, reminders, sent } = setUp(startAt, '2026-03-01T10:00:00Z');
      const a = appointment(startAt);
      await outbox.booked({} as EntityManager, { appointmentId: a.id, officeId: 'office', startAt: a.startAt, sequence: 0 });
      expect(repository.rows.find((r) => r.kind === 'REMINDER')?.dueAt.toISOString()).toBe(new Date(dueAt).toISOString());

      await worker.runOnce(); // the confirmation goes at once
      expect(sent.map((m) => m.subject.split(' ')[0])).toEqual(['Prenotazione']);

      clock.set(new Date(new Date(dueAt).getTime() - 1000).toISOString());
      expect(await worker.runOnce()).toEqual([]);
      expect(reminders()).toHaveLength(0);

      clock.set(dueAt);
      expect(await worker.runOnce()).toEqual(['SENT']);
      expect(reminders()).toHaveLength(1);
      expect(reminders()[0].text).toContain(localTime);

      clock.set(startAt);
      expect(await worker.runOnce()).toEqual([]);
      expect(reminders()).toHaveLength(1);
      // Each message renders its QR code PNG: seconds on a busy 2-core machine, not 5.
    },
    30_000,
  );
});
