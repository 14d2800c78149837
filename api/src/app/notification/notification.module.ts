import { Module } from '@nestjs/common';
import { NotificationController } from './notification.controller';
import { NotificationOutbox } from './notification.outbox';
import { NotificationRepository } from './notification.repository';
import { MailTransport } from './notification.transport';
import { NotificationWorker } from './notification.worker';

/** E-mail to citizens: the outbox (written by booking), its worker, the transport, the staff list. */
@Module({
  controllers: [NotificationController],
  providers: [NotificationRepository, NotificationOutbox, MailTransport, NotificationWorker],
  exports: [NotificationOutbox, NotificationWorker],
})
export class NotificationModule {}
