import { CreateAppointmentRequestSchema, CreateWaitlistEntryRequestSchema } from '@sportello/contracts/schemas';
import { ApiError } from './api-error';
import { parse } from './validation';

function problems(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof ApiError) return error.fieldProblems.map((p) => `${p.field}:${p.key}`);
    throw error;
  }
  return [];
}

describe('the validation pipe', () => {
  it('lists every missing field of an empty booking, nested ones included, in order', () => {
    expect(problems(() => parse(CreateAppointmentRequestSchema, {}))).toEqual([
      'officeId:field.required',
      'serviceId:field.required',
      'start:field.required',
      'citizen:field.object',
      'citizen.firstName:field.required',
      'citizen.lastName:field.required',
      'citizen.fiscalCode:field.required',
      'citizen.email:field.required',
      'language:field.required',
      'privacyAccepted:field.privacy',
    ]);
    expect(problems(() => parse(CreateWaitlistEntryRequestSchema, { officeId: 'nope', email: 'x', language: 'fr' }))).toEqual([
      'officeId:field.uuid',
      'serviceId:field.required',
      'email:field.email',
      'language:field.language',
      'privacyAccepted:field.privacyWaitlist',
    ]);
  });
});
