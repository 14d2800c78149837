import type { Language, OfficeDto, OpeningIntervalDto, ServiceDto } from '@sportello/contracts';
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

export function toOfficeDto(office: Office, hours: OpeningHours[], retentionDays: number): OfficeDto {
  return {
    id: office.id,
    code: office.code,
    name: office.name,
    address: office.address,
    city: office.city,
    phone: office.phone,
    email: office.email,
    timeZone: office.timeZone,
    retentionDays,
    openingHours: hours.filter((h) => h.officeId === office.id && h.serviceId === null).map(toOpeningInterval),
  };
}

export function toServiceDto(service: Service, language: Language): ServiceDto {
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
  };
}
