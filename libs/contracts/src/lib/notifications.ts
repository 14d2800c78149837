/** The kinds and statuses of a message of the outbox (the api's notification entity uses them). */
export const NOTIFICATION_KINDS = ['CONFIRMATION', 'REMINDER', 'CANCELLATION', 'RESCHEDULE', 'RELEASED', 'CLOSURE', 'OFFICE_CHANGE', 'WAITLIST'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
/**
 * The ways a message reaches a citizen: every appointment has EMAIL, and each channel the
 * booking opted into. TELEGRAM and WHATSAPP are reserved (the database accepts them).
 */
export const NOTIFICATION_CHANNELS = ['EMAIL', 'IO', 'TELEGRAM', 'WHATSAPP'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
