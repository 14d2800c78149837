import { Inject, Injectable } from '@nestjs/common';
import { openStreetMapUrl, reconfirmationToAsk } from '@sportello/domain';
import { icsOrganizer } from '../booking/appointment-ics';
import { manageTokenHash, newManageToken } from '../booking/manage-token';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import type { AppointmentNotificationKind } from './notification.entity';
import { AppointmentContext, ClaimedNotification, NotificationRepository } from './notification.repository';
import type { MessageContext, MessageLanguage } from './notification.templates';

/**
 * What every channel says about an appointment, in one language: the facts, the links (a
 * manage link minted for this message alone) and the reconfirmation question. Each channel
 * renders it its own way (HTML e-mail, IO markdown…).
 */
@Injectable()
export class NotificationComposer {
  constructor(
    private readonly repository: NotificationRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async context(
    row: ClaimedNotification,
    kind: AppointmentNotificationKind,
    a: AppointmentContext,
    now: Date,
    language: MessageLanguage = a.language,
  ): Promise<MessageContext> {
    const it = language === 'it';
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
    return {
      kind,
      language,
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
  }

  /** A link with a token minted for this message: no plain token is ever stored. */
  async newManageUrl(appointmentId: string): Promise<string> {
    const token = newManageToken();
    await this.repository.insertManageToken(appointmentId, manageTokenHash(token));
    return `${this.config.publicUrl}/gestisci/${token}`;
  }

  /** The booking page of a service, where a citizen books again or from the waitlist. */
  bookUrl(serviceCode: string): string {
    return `${this.config.publicUrl}/prenota/${encodeURIComponent(serviceCode)}`;
  }
}
