import type { BookingInput } from '../../src/app/booking/booking.validation';
import { ApiError } from '../../src/app/common/api-error';
import { at, nextWeekday } from '../support/booking';
import { checkCharacter, fiscalCode } from '../../../libs/domain/testing/fiscal-codes.cjs';
import { openWorld, World } from './support/world';

const OMOCODIA = 'LMNPQRSTUV';

/** The same codice fiscale with its last digit written as an omocodia letter. */
function omocodia(code: string): string {
  const first15 = code.slice(0, 14) + OMOCODIA[Number(code[14])];
  return first15 + checkCharacter(first15);
}

describe('BookingService against PostgreSQL (services wired by hand, no HTTP)', () => {
  let world: World;
  let person = 50_000;
  const monday = nextWeekday(1);

  beforeAll(async () => {
    world = await openWorld({ MAX_ACTIVE_PER_CF: '1' });
  });

  afterAll(async () => {
    await world?.close();
  });

  const input = (officeId: string, serviceId: string, start: string, fiscal = fiscalCode(person)): BookingInput => {
    const n = person++;
    return {
      officeId,
      serviceId,
      start: new Date(start),
      citizen: { firstName: 'Maria', lastName: 'Rossi', fiscalCode: fiscal, email: `persona${n}@example.it`, phone: null },
      notes: null,
      language: 'it',
      privacyAccepted: true,
      channels: { io: false },
    };
  };
  const refusal = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  };

  it('a slot of capacity 2 takes two bookings; the third is refused with the nearest free times', async () => {
    const office = await world.newOffice();
    const start = at(monday, '08:30');
    const first = await world.services.booking.book(input(office.officeId, office.serviceId, start), null);
    const second = await world.services.booking.book(input(office.officeId, office.serviceId, start), null);
    expect([first.body.status, second.body.status]).toEqual(['BOOKED', 'BOOKED']);
    const third = await refusal(world.services.booking.book(input(office.officeId, office.serviceId, start), null));
    expect([third.statusCode, third.code]).toEqual([409, 'SLOT_UNAVAILABLE']);
    expect((third.extra['alternatives'] as Array<{ start: string }>).map((a) => a.start)).toEqual(
      ['09:00', '09:30', '10:00', '10:30', '11:00'].map((t) => at(monday, t)),
    );
    const { rows } = await world.db.sql.query('SELECT count(*)::int AS n FROM appointment WHERE office_id = $1', [office.officeId]);
    expect(rows[0].n).toBe(2);
  });

  it('the per-person limit counts the person: an omocodia spelling of the same codice fiscale is refused', async () => {
    const office = await world.newOffice();
    const code = fiscalCode(person);
    await world.services.booking.book(input(office.officeId, office.serviceId, at(monday, '09:00'), code), null);
    const again = await refusal(world.services.booking.book(input(office.officeId, office.serviceId, at(monday, '10:00'), omocodia(code)), null));
    expect([again.statusCode, again.code]).toEqual([409, 'LIMIT_REACHED']);
    // The other service of the office has a limit of its own.
    const other = await world.services.booking.book(input(office.officeId, office.otherServiceId, at(monday, '08:30'), omocodia(code)), null);
    expect(other.body.status).toBe('BOOKED');
  });

  it('a booking queues its confirmation and its reminder in the same transaction', async () => {
    const office = await world.newOffice();
    const booked = await world.services.booking.book(input(office.officeId, office.serviceId, at(monday, '11:30')), null);
    const { rows } = await world.db.sql.query(`SELECT kind FROM notification n JOIN appointment a ON a.id = n.appointment_id WHERE a.code = $1 ORDER BY kind`, [
      booked.body.code,
    ]);
    expect(rows.map((r) => r.kind)).toEqual(['CONFIRMATION', 'REMINDER']);
  });
});
