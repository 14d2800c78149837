import type { LegalNotesDto, Language, NotificationChannel, OfficeDto, OpeningIntervalDto, ServiceDto, ServiceSuspensionDto } from '@sportello/contracts';
import { openStreetMapUrl } from '@sportello/domain';
import type { OfficeSettings } from './office-settings.entity';
import type { Office } from './office.entity';
import type { OpeningHours } from './opening-hours.entity';
import type { Service } from './service.entity';

/** "08:30:00" (PostgreSQL time) → "08:30". */
export function hhmm(time: string): string {
  return time.slice(0, 5);
}

export function toOpeningInterval(row: OpeningHours): OpeningIntervalDto {
  return { weekday: row.weekday, start: hhmm(row.startTime), end: hhmm(row.endTime) };
}

export function toOfficeDto(office: Office, hours: OpeningHours[], rules: { retentionDays: number; cancelCutoffHours: number }): OfficeDto {
  return {
    id: office.id,
    code: office.code,
    name: office.name,
    address: office.address,
    city: office.city,
    phone: office.phone,
    email: office.email,
    location: office.latitude !== null && office.longitude !== null ? { latitude: office.latitude, longitude: office.longitude } : null,
    mapUrl: openStreetMapUrl(office),
    timeZone: office.timeZone,
    retentionDays: rules.retentionDays,
    cancelCutoffHours: rules.cancelCutoffHours,
    openingHours: hours.filter((h) => h.officeId === office.id && h.serviceId === null).map(toOpeningInterval),
  };
}

export function toServiceDto(service: Service, language: Language, suspension: ServiceSuspensionDto | null = null): ServiceDto {
  const names = { it: service.nameIt, en: service.nameEn };
  const documentsByLanguage = { it: service.documentsIt, en: service.documentsEn };
  return {
    id: service.id,
    officeId: service.officeId,
    code: service.code,
    name: names[language],
    names,
    description: { it: service.descriptionIt, en: service.descriptionEn },
    durationMinutes: service.durationMinutes,
    capacity: service.capacity,
    documents: documentsByLanguage[language],
    documentsByLanguage,
    feeCents: service.feeCents,
    feeNote: service.feeNoteIt !== null || service.feeNoteEn !== null ? { it: service.feeNoteIt ?? '', en: service.feeNoteEn ?? '' } : null,
    onlineAlternative: service.onlineUrl
      ? { url: service.onlineUrl, description: { it: service.onlineDescriptionIt ?? '', en: service.onlineDescriptionEn ?? '' } }
      : null,
    suspension,
    signInRequired: service.signInRequired,
  };
}

const localized = (it: string | null, en: string | null) =>
  it?.trim() || en?.trim() ? { it: it?.trim() || (en ?? '').trim(), en: en?.trim() || (it ?? '').trim() } : null;

/** The privacy notice and accessibility page of an office, from its settings (none saved: all standard). */
export function toLegalNotes(office: Office, settings: OfficeSettings | null, retentionDays: number, channels: NotificationChannel[]): LegalNotesDto {
  const s = settings;
  return {
    officeId: office.id,
    officeName: office.name,
    privacy: {
      controller: s?.privacyController ?? null,
      controllerEmail: s?.privacyControllerEmail ?? null,
      dpoName: s?.privacyDpoName ?? null,
      dpoEmail: s?.privacyDpoEmail ?? null,
      purposes: localized(s?.privacyPurposesIt ?? null, s?.privacyPurposesEn ?? null),
      legalBasis: localized(s?.privacyLegalBasisIt ?? null, s?.privacyLegalBasisEn ?? null),
      recipients: localized(s?.privacyRecipientsIt ?? null, s?.privacyRecipientsEn ?? null),
      retentionDays,
      contactEmail: office.email,
      contactPhone: office.phone,
      channels,
    },
    accessibility: {
      declarationUrl: s?.accessibilityDeclarationUrl ?? null,
      feedbackEmail: s?.accessibilityFeedbackEmail ?? office.email,
    },
  };
}
