import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Office } from '../calendar/office.entity';
import { Service } from '../calendar/service.entity';

/** A counter of the office where an operator receives people ("Sportello 2"). */
@Entity('desk')
@Index('uq_desk_office_number', ['officeId', 'number'], { unique: true })
export class Desk {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @ManyToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id' })
  office?: Office;

  /** The number the display shows and the voice speaks. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** A paused desk calls nobody and does not count for estimated waits. */
  @Column({ type: 'boolean', default: false })
  paused: boolean;
}

/** Which services a desk serves (its "skills"). */
@Entity('desk_service')
export class DeskService {
  @PrimaryColumn({ name: 'desk_id', type: 'uuid' })
  deskId: string;

  @PrimaryColumn({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Desk, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'desk_id' })
  desk?: Desk;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: Service;
}
