import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Random keys the api makes for itself on first use and every replica shares: signing the
 * staff device cookies and the proof-of-work challenges. Never in the repository, never in
 * a log; a new key (deleting the row) only makes existing cookies and challenges invalid.
 */
@Entity('server_secret')
export class ServerSecret {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'bytea' })
  value: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
