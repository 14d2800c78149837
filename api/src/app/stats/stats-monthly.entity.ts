import type { MonthlyFigureSource, StatsMetric } from '@sportello/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Office } from '../calendar/office.entity';

/**
 * A figure of one office and month that is not (or was not) recorded event by event:
 * history imported from before Sportello, and the counters managers enter (phone calls,
 * online residency applications). One row per office, month and metric: importing or
 * entering the same again replaces it.
 */
@Entity('stats_monthly')
@Check('ck_stats_monthly_month', `"month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check(
  'ck_stats_monthly_metric',
  `"metric" IN ('appointments_attended', 'walk_ins', 'phone_calls', 'residency_online', 'residency_desk', 'cie_issued', 'spid_issued')`,
)
@Check('ck_stats_monthly_value', '"value" >= 0')
@Check('ck_stats_monthly_source', `"source" IN ('import', 'manual')`)
export class StatsMonthly {
  @PrimaryColumn({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @ManyToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id' })
  office?: Office;

  /** YYYY-MM. */
  @PrimaryColumn({ type: 'char', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  metric: StatsMetric;

  @Column({ type: 'integer' })
  value: number;

  @Column({ type: 'varchar', length: 8 })
  source: MonthlyFigureSource;

  /** Who imported or entered it (no foreign key: the figure outlives the account). */
  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
