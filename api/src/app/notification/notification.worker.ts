import { Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { toBuffer } from 'qrcode';
import { openStreetMapUrl, reconfirmationToAsk } from '@sportello/domain';
import { icsOrganizer } from '../booking/appointment-ics';
import { manageTokenHash, newManageToken } from '../booking/manage-token';
import { Clock } from '../common/clock';
import { PollingJob } from '../common/polling-job';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import type { AppointmentNotificationKind } from './notification.entity';
import { BATCH_SIZE, CLAIM_MS, SEND_CONCURRENCY, cleanError, retryDelayMs, skipReason, waitlistSkipReason } from './notification.policy';
import { AppointmentContext, ClaimedNotification, NotificationRepository, WaitlistContext } from './notification.repository';
import { MessageContext, QR_CID, renderMessage, renderWaitlistMessage } from './notification.templates';
import { MailTransport, OutgoingMail } from './notification.transport';

const INTERVAL = 'notification-outbox';

export type Outcome = 'SENT' | 'SKIPPED' | 'RETRY' | 'FAILED';

/**
 * Sends the outbox. Every api instance runs it every MAIL_POLL_SECONDS; rows are claimed
 * with FOR UPDATE SKIP LOCKED, so instances share the work and never send a row twice.
 * "Now" comes from the injectable Clock.
 */
@Injectable()
export class NotificationWorker extends PollingJob<Outcome[]> {
  protected readonly logger = new Logger('Notifications');

  constructor(
    private readonly repository: NotificationRepository,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(INTERVAL, scheduler, config.mail.pollSeconds);
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    this.logger.log(`outbox worker every ${this.config.mail.pollSeconds} s, ${this.transport.describe()}`);
  }

  /**
   * Claims due rows batch after batch while batches come back full (a backlog drains in one
   * poll), sending up to SEND_CONCURRENCY messages at a time over pooled SMTP connections.
   */
  protected async run(): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const started = Date.now();
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.repository.claim(now, new Date(now.getTime() + CLAIM_MS), BATCH_SIZE);
      let next = 0;
      const sendNext = async (): Promise<void> => {
        for (let i = next++; i < claimed.length; i = next++) {
          // Stay well inside the claim: what is left goes back for the next poll.
          if (this.stopped || Date.now() - started > CLAIM_MS / 2) {
            await this.repository.release([claimed[i].id]);
            continue;
          }
          outcomes.push(await this.deliver(claimed[i]));
        }
      };
      await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, claimed.length) }, sendNext));
      if (claimed.length < BATCH_SIZE || this.stopped || Date.now() - started > CLAIM_MS / 2) return outcomes;
    }
  }

  private async deliver(row: ClaimedNotification): Promise<Outcome> {
    return row.kind === 'WAITLIST' ? this.deliverWaitlist(row) : this.deliverAppointment(row, row.kind);
  }

  private async deliverAppointment(row: ClaimedNotification, kind: AppointmentNotificationKind): Promise<Outcome> {
    let label = { id: row.id, kind: row.kind, code: '-' };
    try {
      const appointment = row.appointmentId ? await this.repository.appointmentContext(row.appointmentId) : null;
      const now = this.clock.now();
      const skip = skipReason(kind, row.sequence, appointment, now);
      if (skip || !appointment) {
        await this.repository.markSkipped(row.id, skip ?? 'appointment not found');
        return 'SKIPPED';
      }
      label = { ...label, code: appointment.code };
      const { mail, askedReconfirmation } = await this.compose(row, kind, appointment, now);
      await this.transport.send(mail, label);
      // Only once the question has gone out can an unanswered appointment be released.
      if (askedReconfirmation) await this.repository.markReconfirmRequested(appointment.id, row.sequence, this.clock.now());
    } catch (error) {
      return this.failed(row, label, error);
    }
    await this.repository.markSent(row.id, this.clock.now());
    return 'SENT';
  }

  private async deliverWaitlist(row: ClaimedNotification): Promise<Outcome> {
    const label = { id: row.id, kind: row.kind, code: '-' };
    try {
      const entry = row.waitlistEntryId ? await this.repository.waitlistContext(row.waitlistEntryId) : null;
      const skip = waitlistSkipReason(entry, this.clock.now());
      if (skip || !entry) {
        await this.repository.markSkipped(row.id, skip ?? 'waitlist entry gone');
        return 'SKIPPED';
      }
      // The label names the service, never the address.
      label.code = entry.serviceCode;
      await this.transport.send(await this.composeWaitlist(row, entry), label);
    } catch (error) {
      return this.failed(row, label, error);
    }
    await this.repository.markSent(row.id, this.clock.now());
    return 'SENT';
  }

  private async failed(row: ClaimedNotification, label: { kind: string; code: string }, error: unknown): Promise<Outcome> {
    const attempts = row.attempts + 1;
    const message = cleanError(error);
    if (attempts >= this.config.mail.maxAttempts) {
      await this.repository.markFailed(row.id, attempts, message);
      this.logger.error(`${label.kind} ${label.code} failed for good after ${attempts} attempt(s): ${message}`);
      return 'FAILED';
    }
    const delay = retryDelayMs(row.attempts);
    await this.repository.markRetry(row.id, attempts, new Date(this.clock.now().getTime() + delay), message);
    this.logger.warn(`${label.kind} ${label.code} attempt ${attempts} failed, retry in ${Math.round(delay / 1000)} s: ${message}`);
    return 'RETRY';
  }

  /** A link with a token minted for this e-mail: no plain token is ever stored. */
  private async newManageUrl(appointmentId: string): Promise<string> {
    const token = newManageToken();
    await this.repository.insertManageToken(appointmentId, manageTokenHash(token));
    return `${this.config.publicUrl}/gestisci/${token}`;
  }

  /** The booking page of a service, where a citizen books again or from the waitlist. */
  private bookUrl(serviceCode: string): string {
    return `${this.config.publicUrl}/prenota/${encodeURIComponent(serviceCode)}`;
  }

  private async composeWaitlist(row: ClaimedNotification, entry: WaitlistContext): Promise<OutgoingMail> {
    const token = newManageToken();
    await this.repository.setUnsubscribeToken(entry.id, manageTokenHash(token));
    const message = renderWaitlistMessage({
      language: entry.language,
      officeName: entry.officeName,
      officeAddress: `${entry.officeAddress}, ${entry.officeCity}`,
      officePhone: entry.officePhone,
      officeEmail: entry.officeEmail,
      officeMapUrl: openStreetMapUrl({
        address: entry.officeAddress,
        city: entry.officeCity,
        latitude: entry.officeLatitude,
        longitude: entry.officeLongitude,
      }),
      serviceName: entry.language === 'it' ? entry.nameIt : entry.nameEn,
      bookUrl: this.bookUrl(entry.serviceCode),
      unsubscribeUrl: `${this.config.publicUrl}/lista-attesa/annulla/${token}`,
    });
    return { to: entry.email, subject: message.subject, text: message.text, html: message.html, messageId: `<${row.id}@sportello>`, attachments: [] };
  }

  private async compose(
    row: ClaimedNotification,
    kind: AppointmentNotificationKind,
    a: AppointmentContext,
    now: Date,
  ): Promise<{ mail: OutgoingMail; askedReconfirmation: boolean }> {
    const it = a.language === 'it';
    const cancelled = kind === 'CANCELLATION' || kind === 'RELEASED' || kind === 'CLOSURE' || kind === 'OFFICE_CHANGE';
    const withdrawn = kind === 'OFFICE_CHANGE' && row.payload?.serviceWithdrawn === true;
    const manageUrl = cancelled ? null : await this.newManageUrl(a.id);
    const deadline =
      kind === 'REMINDER' && manageUrl
        ? reconfirmationToAsk(
            { required: a.reconfirmRequired, confirmedAt: a.confirmedAt, startAt: a.startAt, deadlineHours: this.config.booking.reconfirmDeadlineHours },
            now,
          )
        : null;
    const context: MessageContext = {
      kind,
      language: a.language,
      appointmentId: a.id,
      sequence: a.sequence,
      code: a.code,
      startAt: a.startAt,
      endAt: a.endAt,
      timeZone: a.timeZone,
      citizenName: `${a.firstName} ${a.lastName}`,
      officeName: a.officeName,
      officeAddress: `${a.officeAddress}, ${a.officeCity}`,
      officePhone: a.officePhone,
      officeEmail: a.officeEmail,
      officeMapUrl: openStreetMapUrl({ address: a.officeAddress, city: a.officeCity, latitude: a.officeLatitude, longitude: a.officeLongitude }),
      organizer: icsOrganizer({ name: a.officeName, email: a.officeEmail }, this.config.mail.from),
      serviceName: it ? a.nameIt : a.nameEn,
      documents: (it ? a.documentsIt : a.documentsEn) ?? [],
      feeCents: a.feeCents,
      feeNote: it ? a.feeNoteIt : a.feeNoteEn,
      manageUrl,
      // A withdrawn service has no booking page any more: the home page lists what there is.
      bookUrl: withdrawn ? `${this.config.publicUrl}/` : this.bookUrl(a.serviceCode),
      // The confirm page of the manage link: it POSTs the confirmation (a GET never confirms).
      reconfirm: deadline && manageUrl ? { url: `${manageUrl}/conferma`, deadline } : null,
      closureReason: row.payload?.closureReason ?? null,
      serviceWithdrawn: withdrawn,
    };
    const message = renderMessage(context, now);
    const attachments: OutgoingMail['attachments'] = [];
    if (message.withQr) {
      attachments.push({
        filename: `${a.code}.png`,
        content: await toBuffer(a.code, { type: 'png', width: 240, margin: 2 }),
        contentType: 'image/png',
        cid: QR_CID,
        contentDisposition: 'inline',
      });
    }
    if (message.ics) {
      attachments.push({
        filename: message.ics.filename,
        content: message.ics.content,
        contentType: `text/calendar; charset=utf-8; method=${message.ics.method}`,
      });
    }
    return {
      mail: { to: a.email, subject: message.subject, text: message.text, html: message.html, messageId: `<${row.id}@sportello>`, attachments },
      askedReconfirmation: context.reconfirm !== null,
    };
  }
}
