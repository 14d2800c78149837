import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Office } from './office.entity';

/**
 * A counter per office that database triggers bump on every change of what makes its
 * calendar (office, settings, services, opening hours, closures). Each api instance keeps
 * the office's rules in memory and reloads them when the counter moved: one tiny query
 * instead of six, and never stale — whoever changed the rows (admin pages, SQL, another
 * replica).
 */
@Entity('office_config_version')
export class OfficeConfigVersion {
  @PrimaryColumn({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @OneToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id' })
  office?: Office;

  @Column({ type: 'bigint', default: 1 })
  version: string;
}
