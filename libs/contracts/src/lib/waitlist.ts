/** Shapes of the waitlist API (`/api/waitlist`). */
import type { WaitlistEntryCreatedDtoSchema, WaitlistUnsubscribedDtoSchema } from './schema/answers';
import type * as z from 'zod';
import type { CreateWaitlistEntryRequestSchema } from './schema/booking';

/** Join the waitlist of a service that has no free slot within the booking horizon. */
export type CreateWaitlistEntryRequest = z.input<typeof CreateWaitlistEntryRequestSchema>;

/** 201 answer: the same for a new address and one already waiting (which keeps its place). */
export type WaitlistEntryCreatedDto = z.infer<typeof WaitlistEntryCreatedDtoSchema>;

/** 200 answer to an unsubscribe, whatever the token: the address is not on the list any more. */
export type WaitlistUnsubscribedDto = z.infer<typeof WaitlistUnsubscribedDtoSchema>;
