import type { ApiHeaderOptions } from '@nestjs/swagger';

/** The X-Altcha header of an anonymous write, for the OpenAPI document. */
export const ALTCHA_HEADER_DOC: ApiHeaderOptions = {
  name: 'X-Altcha',
  required: false,
  description: 'The ALTCHA widget\'s base64 payload solving a challenge of GET /api/challenge (one per request). Required unless BOOKING_CHALLENGE=off: 400 CHALLENGE_REQUIRED without it, CHALLENGE_INVALID when wrong, expired or used.',
};
