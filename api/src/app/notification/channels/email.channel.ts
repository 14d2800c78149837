import { Inject, Injectable } from '@nestjs/common';
import { toBuffer } from 'qrcode';
import { openStreetMapUrl } from '@sportello/domain';
import { manageTokenHash, newManageToken } from '../../booking/manage-token';
import { APP_CONFIG } from '../../config/config';
import type { AppConfig } from '../../config/config';
import { NotificationComposer } from '../notification.composer';
import type { AppointmentNotificationKind } from '../notification.entity';
import { RETRY_BASE_MS } from '../notification.policy';
import { AppointmentContext, ClaimedNotification, NotificationRepository, WaitlistContext } from '../notification.repository';
import { QR_CID, renderMessage, renderWaitlistMessage } from '../notification.templates';
import { MailTransport, OutgoingMail } from '../notification.transport';
import type { ChannelRules, ChannelSender, Delivery } from './channel';

/** E-mail: the HTML message with its QR code and .ics, over SMTP (or .eml files). Every booking has it. */
@Injectable()
export class EmailChannel implements ChannelSender {
  readonly channel = 'EMAIL' as const;
  readonly rules: ChannelRules;

  constructor(
    private readonly composer: NotificationComposer,
    private readonly repository: NotificationRepository,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.rules = { maxAttempts: config.mail.maxAttempts, retryBaseMs: RETRY_BASE_MS, limiter: null };
  }

  describe(): string {
    return `e-mail ${this.transport.describe()}`;
  }

  async deliver(row: ClaimedNotification, kind: AppointmentNotificationKind, a: AppointmentContext, now: Date): Promise<Delivery> {
    const context = await this.composer.context(row, kind, a, now);
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
    await this.transport.send(
      { to: a.email, subject: message.subject, text: message.text, html: message.html, messageId: `<${row.id}@sportello>`, attachments },
      { id: row.id, kind: row.kind, code: a.code },
    );
    return { outcome: 'SENT', askedReconfirmation: context.reconfirm != null };
  }

  /** The one notice to a waitlisted citizen (e-mail only), with its own unsubscribe link. */
  async deliverWaitlist(row: ClaimedNotification, entry: WaitlistContext): Promise<void> {
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
      bookUrl: this.composer.bookUrl(entry.serviceCode),
      unsubscribeUrl: `${this.config.publicUrl}/lista-attesa/annulla/${token}`,
    });
    // The label names the service, never the address.
    await this.transport.send(
      { to: entry.email, subject: message.subject, text: message.text, html: message.html, messageId: `<${row.id}@sportello>`, attachments: [] },
      { id: row.id, kind: row.kind, code: entry.serviceCode },
    );
  }
}
