import { BodyReader } from '../common/body';

export interface WaitlistInput {
  officeId: string;
  serviceId: string;
  email: string;
  language: 'it' | 'en';
}

export function readWaitlistRequest(body: unknown): WaitlistInput {
  const reader = new BodyReader(body);
  const input = {
    officeId: reader.uuid('officeId'),
    serviceId: reader.uuid('serviceId'),
    email: reader.email('email'),
    language: reader.oneOf('language', ['it', 'en'], 'field.language'),
  };
  reader.isTrue('privacyAccepted', 'field.privacyWaitlist');
  reader.done();
  return input;
}
