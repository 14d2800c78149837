import type { CreateWaitlistEntryRequestSchema } from '@sportello/contracts/schemas';
import type * as z from 'zod';

export type WaitlistInput = z.output<typeof CreateWaitlistEntryRequestSchema>;
