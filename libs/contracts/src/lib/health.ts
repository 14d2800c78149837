import type * as z from 'zod';
import type { HealthDtoSchema } from './schema/answers';
export type HealthDto = z.infer<typeof HealthDtoSchema>;
