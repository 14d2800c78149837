import { UNDO_SECONDS } from '@sportello/contracts';
import { ApiError } from '../../src/app/common/api-error';
import { UNDO_GRACE_SECONDS } from '../../src/app/frontdesk/desk-work.service';
import { at, nextWeekday } from '../support/booking';
import { insertDesks, setQueueService } from '../support/frontdesk';
import { openWorld, staff, World } from './support/world';

describe('front desk services against PostgreSQL (wired by hand, time set by the test)', () => {
  let world: World;
  const monday = nextWeekday(1);

  beforeAll(async () => {
    world = await openWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  /** An office of its own with one desk serving its CIE service (prefix C), and an operator. */
  const queueOffice = async () => {
    const office = await world.newOffice();
    await setQueueService(world.db.sql, office.serviceId, 'C');
    const [deskId] = await insertDesks(world.db.sql, office.officeId, [{ number: 1, serviceIds: [office.serviceId] }]);
    return { ...office, deskId: deskId ?? '', operator: await staff(world, [office.officeId]) };
  };
  const refusal = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  };

  it('walk-ins are numbered in order and the desk calls the first in line, then the next', async () => {
    world.clock.set(at(monday, '10:00'));
    const office = await queueOffice();
    const walkIn = () =>
      world.services.tickets.issueWalkIn(office.operator, office.officeId, { serviceId: office.serviceId, priority: false, name: null, force: false });
    const first = await walkIn();
    world.clock.set(at(monday, '10:01'));
    const second = await walkIn();
    expect([first.number, second.number]).toEqual(['C001', 'C002']);
    // People ahead in the queue.
    expect([first.position, second.position]).toEqual([0, 1]);
    const called = await world.services.desks.callNext(office.operator, office.deskId);
    expect([called?.number, called?.status, called?.deskName]).toEqual(['C001', 'CALLED', 'Sportello 1']);
    // A desk with someone at it calls nobody else.
    expect((await refusal(world.services.desks.callNext(office.operator, office.deskId))).code).toBe('DESK_BUSY');
    await world.services.desks.complete(office.operator, office.deskId, 'INFO_ONLY');
    expect((await world.services.desks.callNext(office.operator, office.deskId))?.number).toBe('C002');
  });

  it('"Concludi" can be undone within the undo window, and not once the window has passed', async () => {
    world.clock.set(at(monday, '10:00'));
    const office = await queueOffice();
    const ticket = await world.services.tickets.issueWalkIn(office.operator, office.officeId, {
      serviceId: office.serviceId,
      priority: false,
      name: null,
      force: false,
    });
    await world.services.desks.callNext(office.operator, office.deskId);
    const done = await world.services.desks.complete(office.operator, office.deskId, 'INFO_ONLY');
    expect(done.status).toBe('DONE');
    world.clock.set(new Date(new Date(at(monday, '10:00')).getTime() + UNDO_SECONDS * 1000));
    const reopened = await world.services.desks.undo(office.operator, office.deskId, ticket.id);
    expect(reopened.status).toBe('CALLED');
    await world.services.desks.complete(office.operator, office.deskId, 'INFO_ONLY');
    world.clock.set(new Date(new Date(at(monday, '10:00')).getTime() + (2 * UNDO_SECONDS + UNDO_GRACE_SECONDS + 1) * 1000));
    expect((await refusal(world.services.desks.undo(office.operator, office.deskId, ticket.id))).code).toBe('UNDO_EXPIRED');
    const { rows } = await world.db.sql.query(`SELECT type FROM ticket_event WHERE ticket_id = $1 ORDER BY id`, [ticket.id]);
    expect(rows.map((r) => r.type)).toEqual(['ISSUED', 'CALLED', 'COMPLETED', 'REOPENED', 'COMPLETED']);
  });

  it('outside opening hours the kiosk is refused; staff may issue the ticket on purpose', async () => {
    // Monday 13:00: between the morning (08:30–12:30) and the afternoon (14:30–16:00).
    world.clock.set(at(monday, '13:00'));
    const office = await queueOffice();
    const kiosk = await staff(world, [office.officeId], 'kiosk');
    const ask = (who: typeof kiosk, force: boolean) =>
      world.services.tickets.issueWalkIn(who, office.officeId, { serviceId: office.serviceId, priority: false, name: null, force });
    const closed = await refusal(ask(kiosk, true));
    expect([closed.statusCode, closed.code]).toEqual([409, 'OFFICE_CLOSED']);
    expect((await refusal(ask(office.operator, false))).code).toBe('OFFICE_CLOSED');
    expect((await ask(office.operator, true)).number).toBe('C001');
  });
});
