/** Schemas of the comune's notices: the managers' request, their answers and the screens' answer. */
import * as z from 'zod';
import { NOTICE_MAX_DAYS, NOTICE_PRIORITIES, NOTICE_TEXT_MAX_LENGTH } from '../notices';
import type { NoticePriority } from '../notices';
import { body, field, instant, nullableText, text } from './fields';

const DAY_MS = 24 * 60 * 60 * 1000;

const priority = () =>
  field<NoticePriority, NoticePriority>({ type: 'string', enum: NOTICE_PRIORITIES }, (raw, fail) => {
    if (raw === undefined || raw === null || raw === '') return fail('field.required');
    if (!NOTICE_PRIORITIES.includes(raw as NoticePriority)) return fail('field.oneOf', { allowed: NOTICE_PRIORITIES.join(', ') });
    return raw as NoticePriority;
  });

/** A notice: its priority, its text (Italian; English optional) and when it shows, [start, end). */
export const NoticeRequestSchema = body(
  {
    priority: priority(),
    textIt: text(NOTICE_TEXT_MAX_LENGTH, { example: 'Allerta meteo arancione: uffici aperti fino alle 12.' }),
    textEn: nullableText(NOTICE_TEXT_MAX_LENGTH, { description: 'English text (default: the Italian one)' }),
    start: instant({ description: 'shows from this instant' }),
    end: instant({ description: 'until this instant (excluded); at most 366 days after start' }),
  },
  (value, check) => {
    const { start, end } = value;
    if (start && end && !check.has('start') && !check.has('end')) {
      if (end.getTime() <= start.getTime()) check.add('end', 'notice.endAfterStart');
      else if (end.getTime() - start.getTime() > NOTICE_MAX_DAYS * DAY_MS) check.add('end', 'range.tooLong', { max: NOTICE_MAX_DAYS });
    }
    return {
      priority: value.priority as NoticePriority,
      textIt: value.textIt ?? '',
      textEn: value.textEn ?? null,
      start: value.start as Date,
      end: value.end as Date,
    };
  },
).meta({ id: 'NoticeRequest' });

export const AdminNoticeDtoSchema = z
  .object({
    id: z.string(),
    officeId: z.string(),
    priority: z.enum(NOTICE_PRIORITIES),
    textIt: z.string(),
    textEn: z.string().nullable(),
    start: z.string(),
    end: z.string(),
    createdBy: z.string().nullable().meta({ description: 'username of the staff member who posted it' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminNoticeDto' });

export const PublicNoticeDtoSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['NOTICE', 'CLOSURE']),
    priority: z.enum(NOTICE_PRIORITIES),
    text: z
      .object({ it: z.string(), en: z.string().nullable() })
      .nullable()
      .meta({ description: "A notice's text; a closure's reason (Italian only), or null" }),
    start: z.string(),
    end: z.string(),
    service: z
      .object({ it: z.string(), en: z.string() })
      .nullable()
      .meta({ description: 'A closure of one service: its name; null for the whole office and for notices' }),
  })
  .meta({ id: 'PublicNoticeDto' });

export const PublicNoticesDtoSchema = z
  .object({
    officeId: z.string(),
    notices: z.array(PublicNoticeDtoSchema).meta({ description: 'Alerts first, then closures, then information, soonest first' }),
    nextChangeAt: z.string().nullable().meta({ description: 'The next instant the list changes by itself (a start or an end): refetch then' }),
  })
  .meta({ id: 'PublicNoticesDto' });
