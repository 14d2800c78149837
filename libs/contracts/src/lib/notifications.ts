/** The kinds and statuses of a message of the outbox (the api's notification entity uses them). */
export const NOTIFICATION_KINDS = ['CONFIRMATION', 'REMINDER', 'CANCELLATION', 'RESCHEDULE', 'RELEASED', 'CLOSURE', 'OFFICE_CHANGE', 'WAITLIST'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
