import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config';
import type { AppConfig } from '../../config/config';
import { NotificationComposer } from '../notification.composer';
import type { AppointmentNotificationKind } from '../notification.entity';
import { AppointmentContext, ClaimedNotification, NotificationRepository } from '../notification.repository';
import type { ChannelRules, ChannelSender, Delivery } from './channel';
import { IoAvailability, IoClient } from './io.client';
import { ioLanguage, renderIoMessage } from './io.message';
import { RateLimiter } from './rate-limiter';

/**
 * App IO, by codice fiscale: first the profile (no profile, or the citizen blocked the
 * service → SKIPPED), then the message in the profile's language. The key is the office's
 * own or IO_API_KEY. At most IO_MAX_PER_5S messages per 5 s per api instance.
 */
@Injectable()
export class IoChannel implements ChannelSender {
  readonly channel = 'IO' as const;
  readonly rules: ChannelRules;

  constructor(
    private readonly composer: NotificationComposer,
    private readonly repository: NotificationRepository,
    private readonly client: IoClient,
    private readonly availability: IoAvailability,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = { maxAttempts: config.io.maxAttempts, retryBaseMs: config.io.retryBaseSeconds * 1000, limiter: new RateLimiter(config.io.maxPer5s, 5000) };
  }

  describe(): string {
    return this.client.describe();
  }

  async deliver(row: ClaimedNotification, kind: AppointmentNotificationKind, a: AppointmentContext, now: Date): Promise<Delivery> {
    const key = this.availability.keyFor(await this.repository.officeIoApiKey(a.id));
    if (!key) return { outcome: 'SKIPPED', reason: 'App IO is not configured for this office' };
    const profile = await this.client.profile(a.fiscalCode, key);
    if (!profile) return { outcome: 'SKIPPED', reason: 'no App IO profile for this citizen' };
    if (!profile.sender_allowed) return { outcome: 'SKIPPED', reason: 'the citizen does not accept messages from this service on App IO' };
    const context = await this.composer.context(row, kind, a, now, ioLanguage(profile.preferred_languages, a.language));
    await this.client.submit(a.fiscalCode, renderIoMessage(context), key, { id: row.id, kind: row.kind, code: a.code });
    return { outcome: 'SENT', askedReconfirmation: context.reconfirm != null };
  }
}
