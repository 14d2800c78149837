import { Inject, Injectable } from '@nestjs/common';
import type { AdminOfficeDto, OfficeInput, OfficeSettingsDto, OfficeSettingsInput } from '@sportello/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuditActor } from '../audit/audit.service';
import { changedFields } from '../audit/audit-details';
import { canAccessOffice } from '../auth/staff-access';
import type { StaffPrincipal } from '../auth/auth.repository';
import { DEFAULT_HORIZON_DAYS, DEFAULT_MIN_NOTICE_MINUTES, ruleDefaults } from '../calendar/calendar.service';
import { OfficeSettings } from '../calendar/office-settings.entity';
import type { Office } from '../calendar/office.entity';
import { ApiError } from '../common/api-error';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { AdminRepository, isUniqueViolation } from './admin.repository';

export function toAdminOffice(o: Office): AdminOfficeDto {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    address: o.address,
    city: o.city,
    phone: o.phone,
    email: o.email,
    latitude: o.latitude,
    longitude: o.longitude,
    timeZone: o.timeZone,
  };
}

/** A text of the notice as saved in both languages; null when neither is. */
function pair(it: string | null | undefined, en: string | null | undefined): { it: string; en: string } | null {
  return it || en ? { it: it ?? '', en: en ?? '' } : null;
}

/** Offices (admins create and delete them; their managers edit them) and their settings. */
@Injectable()
export class OfficeAdminService {
  constructor(
    private readonly repository: AdminRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The offices the account works for (an admin: all). */
  async list(staff: StaffPrincipal): Promise<AdminOfficeDto[]> {
    const offices = await this.repository.listOffices(staff.role === 'admin' ? null : staff.officeIds);
    return offices.filter((o) => canAccessOffice(staff, o.id)).map(toAdminOffice);
  }

  async get(officeId: string): Promise<AdminOfficeDto> {
    return toAdminOffice(await this.require(officeId));
  }

  async create(actor: AuditActor, input: OfficeInput): Promise<AdminOfficeDto> {
    try {
      return await this.repository.transaction(async (tx) => {
        const office = await this.repository.insertOffice(tx, {
          code: input.code,
          name: input.name,
          address: input.address,
          city: input.city,
          phone: input.phone ?? null,
          email: input.email ?? null,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          timeZone: input.timeZone ?? 'Europe/Rome',
        });
        // Horizon and notice get the built-in defaults; the other rules follow the environment until set.
        await this.repository.insertSettings(tx, {
          officeId: office.id,
          bookingHorizonDays: DEFAULT_HORIZON_DAYS,
          minNoticeMinutes: DEFAULT_MIN_NOTICE_MINUTES,
          reconfirmRequired: false,
        });
        const dto = toAdminOffice(office);
        await this.audit.record(actor, { action: 'CREATE', entity: 'office', entityId: office.id, officeId: office.id, details: { after: dto } }, tx);
        return dto;
      });
    } catch (error) {
      throw this.codeTaken(error);
    }
  }

  async update(actor: AuditActor, officeId: string, input: OfficeInput): Promise<AdminOfficeDto> {
    try {
      return await this.repository.transaction(async (tx) => {
        await this.repository.lockOffice(tx, officeId);
        const office = await this.repository.findOffice(officeId, tx);
        if (!office) throw ApiError.notFound('office.notFound', 'officeId');
        const before = toAdminOffice(office);
        Object.assign(office, {
          code: input.code,
          name: input.name,
          address: input.address,
          city: input.city,
          phone: input.phone ?? null,
          email: input.email ?? null,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
        });
        await this.repository.saveOffice(tx, office);
        const after = toAdminOffice(office);
        const changes = changedFields({ ...before }, { ...after });
        if (Object.keys(changes).length > 0)
          await this.audit.record(actor, { action: 'UPDATE', entity: 'office', entityId: officeId, officeId, details: { changes } }, tx);
        return after;
      });
    } catch (error) {
      throw this.codeTaken(error);
    }
  }

  /** Only an office never used (no appointment, no ticket): its history belongs to the statistics. */
  async remove(actor: AuditActor, officeId: string): Promise<void> {
    await this.repository.transaction(async (tx) => {
      await this.repository.lockOffice(tx, officeId);
      const office = await this.repository.findOffice(officeId, tx);
      if (!office) throw ApiError.notFound('office.notFound', 'officeId');
      if (await this.repository.officeInUse(tx, officeId)) throw new ApiError(409, 'IN_USE', 'office.inUse');
      await this.repository.deleteOffice(tx, officeId);
      await this.audit.record(actor, { action: 'DELETE', entity: 'office', entityId: officeId, officeId, details: { before: toAdminOffice(office) } }, tx);
    });
  }

  async settings(officeId: string): Promise<OfficeSettingsDto> {
    const office = await this.require(officeId);
    return this.settingsDto(office, await this.repository.findSettings(officeId));
  }

  /**
   * Saves the office's rules. A new reminder lead moves the pending reminders of booked
   * appointments whose new reminder time is still ahead; the others keep theirs.
   */
  async updateSettings(actor: AuditActor, officeId: string, input: OfficeSettingsInput): Promise<OfficeSettingsDto> {
    return this.repository.transaction(async (tx) => {
      await this.repository.lockOffice(tx, officeId);
      const office = await this.repository.findOffice(officeId, tx);
      if (!office) throw ApiError.notFound('office.notFound', 'officeId');
      const current = await this.repository.findSettings(officeId, tx);
      const before = this.settingsDto(office, current);
      const settings = current ?? Object.assign(new OfficeSettings(), { officeId });
      Object.assign(settings, {
        bookingHorizonDays: input.bookingHorizonDays,
        minNoticeMinutes: input.minNoticeMinutes,
        reconfirmRequired: input.reconfirmRequired,
        holdMinutes: input.holdMinutes,
        cancelCutoffHours: input.cancelCutoffHours,
        reminderHoursBefore: input.reminderHoursBefore,
        maxActivePerFiscalCode: input.maxActivePerFiscalCode,
        retentionDays: input.retentionDays,
        mandateStart: input.mandateStart,
        mandateEnd: input.mandateEnd,
        ...(input.privacy && {
          privacyController: input.privacy.controller,
          privacyControllerEmail: input.privacy.controllerEmail,
          privacyDpoName: input.privacy.dpoName,
          privacyDpoEmail: input.privacy.dpoEmail,
          privacyPurposesIt: input.privacy.purposes?.it || null,
          privacyPurposesEn: input.privacy.purposes?.en || null,
          privacyLegalBasisIt: input.privacy.legalBasis?.it || null,
          privacyLegalBasisEn: input.privacy.legalBasis?.en || null,
          privacyRecipientsIt: input.privacy.recipients?.it || null,
          privacyRecipientsEn: input.privacy.recipients?.en || null,
        }),
        ...(input.accessibility && {
          accessibilityDeclarationUrl: input.accessibility.declarationUrl,
          accessibilityFeedbackEmail: input.accessibility.feedbackEmail,
        }),
        // Write-only: absent keeps the saved key; the audit records only whether one is set.
        ...(input.ioApiKey !== undefined && { ioApiKey: input.ioApiKey }),
      });
      await this.repository.saveSettings(tx, settings);
      office.patronSaintMonth = input.patronSaint?.month ?? null;
      office.patronSaintDay = input.patronSaint?.day ?? null;
      await this.repository.saveOffice(tx, office);
      const after = this.settingsDto(office, settings);
      const defaults = ruleDefaults(this.config);
      const leadBefore = before.reminderHoursBefore ?? defaults.reminderHoursBefore;
      const leadAfter = after.reminderHoursBefore ?? defaults.reminderHoursBefore;
      const movedReminders = leadBefore !== leadAfter ? await this.repository.moveReminders(tx, officeId, leadAfter) : 0;
      const changes = changedFields({ ...before }, { ...after }, ['defaults', 'reconfirmDeadlineHours']);
      if (Object.keys(changes).length > 0) {
        await this.audit.record(
          actor,
          { action: 'UPDATE', entity: 'office_settings', entityId: officeId, officeId, details: { changes, ...(movedReminders > 0 && { movedReminders }) } },
          tx,
        );
      }
      return after;
    });
  }

  private settingsDto(office: Office, s: OfficeSettings | null): OfficeSettingsDto {
    return {
      officeId: office.id,
      bookingHorizonDays: s?.bookingHorizonDays ?? DEFAULT_HORIZON_DAYS,
      minNoticeMinutes: s?.minNoticeMinutes ?? DEFAULT_MIN_NOTICE_MINUTES,
      reconfirmRequired: s?.reconfirmRequired ?? false,
      holdMinutes: s?.holdMinutes ?? null,
      cancelCutoffHours: s?.cancelCutoffHours ?? null,
      reminderHoursBefore: s?.reminderHoursBefore ?? null,
      maxActivePerFiscalCode: s?.maxActivePerFiscalCode ?? null,
      retentionDays: s?.retentionDays ?? null,
      mandateStart: s?.mandateStart ?? null,
      mandateEnd: s?.mandateEnd ?? null,
      patronSaint: office.patronSaintMonth !== null && office.patronSaintDay !== null ? { month: office.patronSaintMonth, day: office.patronSaintDay } : null,
      privacy: {
        controller: s?.privacyController ?? null,
        controllerEmail: s?.privacyControllerEmail ?? null,
        dpoName: s?.privacyDpoName ?? null,
        dpoEmail: s?.privacyDpoEmail ?? null,
        purposes: pair(s?.privacyPurposesIt, s?.privacyPurposesEn),
        legalBasis: pair(s?.privacyLegalBasisIt, s?.privacyLegalBasisEn),
        recipients: pair(s?.privacyRecipientsIt, s?.privacyRecipientsEn),
      },
      accessibility: { declarationUrl: s?.accessibilityDeclarationUrl ?? null, feedbackEmail: s?.accessibilityFeedbackEmail ?? null },
      defaults: ruleDefaults(this.config),
      reconfirmDeadlineHours: this.config.booking.reconfirmDeadlineHours,
      // The key itself never leaves the database.
      io: { apiKeySet: Boolean(s?.ioApiKey), installationKeySet: this.config.io.apiKey !== null },
    };
  }

  private async require(officeId: string): Promise<Office> {
    const office = await this.repository.findOffice(officeId);
    if (!office) throw ApiError.notFound('office.notFound', 'officeId');
    return office;
  }

  private codeTaken(error: unknown): unknown {
    return isUniqueViolation(error) ? ApiError.validation([{ field: 'code', key: 'office.codeTaken' }]) : error;
  }
}
