// The site's Content-Security-Policy allows no eval, and zod probes for it (new Function) when
// its first object schema is defined: Chromium reports even the caught attempt as a CSP
// violation. Imported before the schemas (features/booking/applicant-form), so that zod skips it.
import { config } from 'zod';

config({ jitless: true });
