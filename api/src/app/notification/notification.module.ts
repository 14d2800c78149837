import { Module } from '@nestjs/common';
import { ChannelSenders } from './channels/channel';
import { ConfiguredChannelSenders } from './channels/channel-senders';
import { EmailChannel } from './channels/email.channel';
import { IoAvailability, ioClientProvider } from './channels/io.client';
import { IoChannel } from './channels/io.channel';
import { NotificationComposer } from './notification.composer';
import { NotificationController } from './notification.controller';
import { NotificationOutbox } from './notification.outbox';
import { NotificationRepository } from './notification.repository';
import { MailTransport } from './notification.transport';
import { NotificationWorker } from './notification.worker';

/** Messages to citizens: the outbox (written by booking), its worker, the channels (e-mail, App IO), the staff list. */
@Module({
  controllers: [NotificationController],
  providers: [
    NotificationRepository,
    NotificationOutbox,
    NotificationComposer,
    MailTransport,
    EmailChannel,
    ioClientProvider,
    IoAvailability,
    IoChannel,
    { provide: ChannelSenders, useClass: ConfiguredChannelSenders },
    NotificationWorker,
  ],
  exports: [NotificationOutbox, NotificationWorker, IoAvailability],
})
export class NotificationModule {}
