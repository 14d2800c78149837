/** The comune's notices on its screens: the waiting-room display and the kiosk. */
import type * as z from 'zod';
import type { AdminNoticeDtoSchema, PublicNoticeDtoSchema, PublicNoticesDtoSchema } from './schema/notices';
import type { NoticeRequestSchema } from './schema/notices';

/** `INFO`: a line in the band; `ALERT` (civil protection…): takes over an idle display, prominent on the kiosk. */
export const NOTICE_PRIORITIES = ['INFO', 'ALERT'] as const;
export type NoticePriority = (typeof NOTICE_PRIORITIES)[number];

/** At most this many characters of text, in each language. */
export const NOTICE_TEXT_MAX_LENGTH = 500;

/** A notice shows for at most this many days (end − start). */
export const NOTICE_MAX_DAYS = 366;

/** A closure shows on the screens from this many days before it starts until it ends. */
export const CLOSURE_NOTICE_DAYS = 7;

/** `NOTICE`: posted by a manager; `CLOSURE`: derived from a closure of the office (no copy stored). */
export type NoticeKind = 'NOTICE' | 'CLOSURE';

/** A notice as managers see and edit it (`/api/admin/offices/{officeId}/notices`). */
export type AdminNoticeDto = z.infer<typeof AdminNoticeDtoSchema>;

/** The body of a create or an update. */
export type NoticeInput = z.input<typeof NoticeRequestSchema>;

/** One notice showing now, as the screens get it: no personal data. */
export type PublicNoticeDto = z.infer<typeof PublicNoticeDtoSchema>;

/** `GET /api/offices/{officeId}/notices`. */
export type PublicNoticesDto = z.infer<typeof PublicNoticesDtoSchema>;
