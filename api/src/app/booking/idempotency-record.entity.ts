import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first successful answer to a POST carrying an Idempotency-Key. The row is written
 * in the booking's transaction, so a concurrent repeat waits on the key and then
 * replays the answer.
 */
@Entity('idempotency_record')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  /** SHA-256 of the request body: the same key with another body is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'response_status', type: 'smallint' })
  responseStatus: number;

  // json, not jsonb: a replay returns the body byte for byte, keys in their order.
  @Column({ name: 'response_body', type: 'json' })
  responseBody: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
