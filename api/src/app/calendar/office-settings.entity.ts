import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Office } from './office.entity';

/**
 * Booking rules of one office, editable by its managers (admin pages). The nullable rules
 * fall back to the installation's environment variables (HOLD_MINUTES, CANCEL_CUTOFF_HOURS,
 * REMINDER_HOURS_BEFORE, MAX_ACTIVE_PER_CF, RETENTION_DAYS): null means "the default".
 */
@Entity('office_settings')
@Check('ck_office_settings_horizon', '"booking_horizon_days" BETWEEN 1 AND 730')
@Check('ck_office_settings_notice', '"min_notice_minutes" >= 0')
@Check('ck_office_settings_hold', '"hold_minutes" IS NULL OR "hold_minutes" BETWEEN 1 AND 120')
@Check('ck_office_settings_cutoff', '"cancel_cutoff_hours" IS NULL OR "cancel_cutoff_hours" BETWEEN 0 AND 720')
@Check('ck_office_settings_reminder', '"reminder_hours_before" IS NULL OR "reminder_hours_before" BETWEEN 1 AND 720')
@Check('ck_office_settings_per_cf', '"max_active_per_cf" IS NULL OR "max_active_per_cf" BETWEEN 1 AND 50')
@Check('ck_office_settings_retention', '"retention_days" IS NULL OR "retention_days" BETWEEN 1 AND 3650')
@Check('ck_office_settings_mandate', '"mandate_start" IS NULL OR "mandate_end" IS NULL OR "mandate_end" > "mandate_start"')
export class OfficeSettings {
  @PrimaryColumn({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @OneToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id' })
  office?: Office;

  /** How many days ahead citizens may book. */
  @Column({ name: 'booking_horizon_days', type: 'integer', default: 60 })
  bookingHorizonDays: number;

  /** How long before a slot's start booking closes. */
  @Column({ name: 'min_notice_minutes', type: 'integer', default: 120 })
  minNoticeMinutes: number;

  /**
   * The reminder asks the citizen to confirm attendance with one click; appointments
   * still unconfirmed RECONFIRM_DEADLINE_HOURS before the start are released.
   */
  @Column({ name: 'reconfirm_required', type: 'boolean', default: false })
  reconfirmRequired: boolean;

  /** How long a hold keeps a slot; null: HOLD_MINUTES. */
  @Column({ name: 'hold_minutes', type: 'integer', nullable: true })
  holdMinutes: number | null;

  /** Citizens may cancel or move online until this long before the start; null: CANCEL_CUTOFF_HOURS. */
  @Column({ name: 'cancel_cutoff_hours', type: 'integer', nullable: true })
  cancelCutoffHours: number | null;

  /** The reminder goes out this long before the start; null: REMINDER_HOURS_BEFORE. */
  @Column({ name: 'reminder_hours_before', type: 'integer', nullable: true })
  reminderHoursBefore: number | null;

  /** Active appointments one codice fiscale may have per service; null: MAX_ACTIVE_PER_CF. */
  @Column({ name: 'max_active_per_cf', type: 'integer', nullable: true })
  maxActivePerFiscalCode: number | null;

  /** Days after an appointment when the citizen's data are anonymised; null: RETENTION_DAYS. */
  @Column({ name: 'retention_days', type: 'integer', nullable: true })
  retentionDays: number | null;

  /** The administration's mandate (first and last day), the statistics' "mandate" period. */
  @Column({ name: 'mandate_start', type: 'date', nullable: true })
  mandateStart: string | null;

  @Column({ name: 'mandate_end', type: 'date', nullable: true })
  mandateEnd: string | null;

  // -- The privacy notice (GDPR art. 13) and the accessibility page. Null texts: the public
  // pages say Sportello's standard text (what the software itself does with the data).

  /** The data controller (titolare del trattamento): name and address. */
  @Column({ name: 'privacy_controller', type: 'varchar', length: 300, nullable: true })
  privacyController: string | null;

  @Column({ name: 'privacy_controller_email', type: 'varchar', length: 200, nullable: true })
  privacyControllerEmail: string | null;

  /** The data protection officer (RPD/DPO), a duty of every public body (GDPR art. 37). */
  @Column({ name: 'privacy_dpo_name', type: 'varchar', length: 200, nullable: true })
  privacyDpoName: string | null;

  @Column({ name: 'privacy_dpo_email', type: 'varchar', length: 200, nullable: true })
  privacyDpoEmail: string | null;

  @Column({ name: 'privacy_purposes_it', type: 'text', nullable: true })
  privacyPurposesIt: string | null;

  @Column({ name: 'privacy_purposes_en', type: 'text', nullable: true })
  privacyPurposesEn: string | null;

  @Column({ name: 'privacy_legal_basis_it', type: 'text', nullable: true })
  privacyLegalBasisIt: string | null;

  @Column({ name: 'privacy_legal_basis_en', type: 'text', nullable: true })
  privacyLegalBasisEn: string | null;

  @Column({ name: 'privacy_recipients_it', type: 'text', nullable: true })
  privacyRecipientsIt: string | null;

  @Column({ name: 'privacy_recipients_en', type: 'text', nullable: true })
  privacyRecipientsEn: string | null;

  /** The comune's accessibility declaration, published on form.agid.gov.it. */
  @Column({ name: 'accessibility_declaration_url', type: 'varchar', length: 500, nullable: true })
  accessibilityDeclarationUrl: string | null;

  /** Where citizens report accessibility problems; null: the office's e-mail. */
  @Column({ name: 'accessibility_feedback_email', type: 'varchar', length: 200, nullable: true })
  accessibilityFeedbackEmail: string | null;

  /** The office's own App IO API key (its own IO service); null: IO_API_KEY. A secret: never returned by the api. */
  @Column({ name: 'io_api_key', type: 'varchar', length: 200, nullable: true })
  ioApiKey: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
