import { Injectable } from '@nestjs/common';
import type { NotificationChannel } from '../notification.entity';
import { ChannelSender, ChannelSenders } from './channel';
import { EmailChannel } from './email.channel';
import { IoChannel } from './io.channel';

/** E-mail and App IO; Telegram and WhatsApp plug in here (their rows are SKIPPED until then). */
@Injectable()
export class ConfiguredChannelSenders extends ChannelSenders {
  private readonly senders: Map<NotificationChannel, ChannelSender>;

  constructor(email: EmailChannel, io: IoChannel) {
    super();
    this.senders = new Map<NotificationChannel, ChannelSender>([email, io].map((s) => [s.channel, s]));
  }

  get(channel: NotificationChannel): ChannelSender | undefined {
    return this.senders.get(channel);
  }

  all(): ChannelSender[] {
    return [...this.senders.values()];
  }
}
