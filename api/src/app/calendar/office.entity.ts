import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('office')
@Check(
  'ck_office_location',
  '("latitude" IS NULL) = ("longitude" IS NULL) AND ("latitude" IS NULL OR ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180))',
)
export class Office {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Short stable code, e.g. "URP-CALDERARA". */
  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 300 })
  address: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  /** WGS84 degrees of the entrance (both or neither): a pin on the map link; without them the address is searched. */
  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Europe/Rome' })
  timeZone: string;

  /** The comune's patron saint's day, a local holiday (month 1–12, day 1–31). */
  @Column({ name: 'patron_saint_month', type: 'smallint', nullable: true })
  patronSaintMonth: number | null;

  @Column({ name: 'patron_saint_day', type: 'smallint', nullable: true })
  patronSaintDay: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
