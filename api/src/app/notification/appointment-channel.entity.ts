import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationChannel } from '@sportello/contracts';

/**
 * A channel besides e-mail that a booking opted into: each of its messages also goes there.
 * `target` is where (a Telegram chat id, a WhatsApp phone number): personal data, removed by
 * retention with the booking. NULL for IO, which addresses the citizen by codice fiscale.
 */
@Entity('appointment_channel')
@Check('ck_appointment_channel_channel', `"channel" IN ('IO', 'TELEGRAM', 'WHATSAPP')`)
export class AppointmentChannel {
  @PrimaryColumn({ name: 'appointment_id', type: 'uuid' })
  appointmentId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel: Exclude<NotificationChannel, 'EMAIL'>;

  @Column({ type: 'varchar', length: 200, nullable: true })
  target: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
