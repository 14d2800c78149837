import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The SHA-256 of one manage token of an appointment (see manage-token.ts). */
@Entity('manage_token')
@Index('ix_manage_token_appointment', ['appointmentId'])
export class ManageToken {
  @PrimaryColumn({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Column({ name: 'appointment_id', type: 'uuid' })
  appointmentId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
