import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ApiClient } from '../../core/api/api-client';
import { CLOCK } from '../../core/clock';
import { NEW_ID } from '../../core/ids';
import { AVAILABILITY, CIE, CREATED, HOLD, NOW, OFFICE } from '../../testing/fixtures';
import { BookingStore } from './booking-store';

const SLOT = { start: '2027-03-29T08:30:00+02:00', end: '2027-03-29T09:00:00+02:00' };
const OTHER = { start: '2027-03-31T14:30:00+02:00', end: '2027-03-31T15:00:00+02:00' };
const FORM = {
  firstName: 'Maria',
  lastName: 'Rossi',
  fiscalCode: 'RSSMRA85T10A562S',
  email: 'maria@example.org',
  privacyAccepted: true,
};

describe('BookingStore', () => {
  let api: Record<'offices' | 'services' | 'availability' | 'hold' | 'releaseHold' | 'releaseHoldOnExit' | 'book', jest.Mock>;
  let now: Date;
  let store: BookingStore;
  let ids: number;

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    now = NOW;
    ids = 0;
    api = {
      offices: jest.fn(() => Promise.resolve([OFFICE])),
      services: jest.fn(() => Promise.resolve([CIE])),
      availability: jest.fn(() => Promise.resolve(AVAILABILITY)),
      hold: jest.fn(() => Promise.resolve(HOLD)),
      releaseHold: jest.fn(() => Promise.resolve(undefined)),
      releaseHoldOnExit: jest.fn(),
      book: jest.fn(() => Promise.resolve(CREATED)),
    };
    TestBed.configureTestingModule({
      providers: [
        BookingStore,
        { provide: ApiClient, useValue: api },
        { provide: CLOCK, useValue: () => now },
        { provide: NEW_ID, useValue: () => `key-${++ids}` },
      ],
    });
    store = TestBed.inject(BookingStore);
    await store.whenReady('cie');
  });

  it('loads the office, the service of the URL (any case) and its free times', () => {
    expect(store.serviceCode()).toBe('CIE');
    expect(store.context()?.service.id).toBe('svc-cie');
    expect(store.month()).toBe('2027-03');
    expect(store.pathTo('applicant')).toEqual(['/prenota', 'CIE', 'richiedente']);
    expect(store.pathTo('datetime')).toEqual(['/prenota', 'CIE']);
  });

  it('keeps everything when the same service is started again (back and forth), drops it for another', async () => {
    await store.holdSlot(SLOT);
    store.updateApplicant({ firstName: 'Maria', notes: 'nota' });
    store.start('CIE');
    expect(api.offices).toHaveBeenCalledTimes(1);
    expect(store.hold()?.holdId).toBe(HOLD.holdId);
    expect(store.applicant().firstName).toBe('Maria');
    expect(store.selectedDate()).toBe('2027-03-29');

    await store.whenReady('SPID');
    expect(store.hold()).toBeNull();
    expect(store.applicant().firstName).toBe('');
  });

  it('lets a step in only when what it needs is there', async () => {
    expect(store.canEnter('applicant', 'CIE')).toBe(false);
    await store.holdSlot(SLOT);
    expect(store.canEnter('applicant', 'cie')).toBe(true);
    expect(store.canEnter('applicant', 'SPID')).toBe(false);
    expect(store.canEnter('summary', 'CIE')).toBe(false);
    store.updateApplicant(FORM);
    expect(store.canEnter('summary', 'CIE')).toBe(true);
    expect(store.canEnter('confirm', 'CIE')).toBe(false);
    await store.submit();
    expect(store.canEnter('confirm', 'CIE')).toBe(true);
    expect(store.canEnter('summary', 'CIE')).toBe(false);
  });

  it('reuses a hold for the same instant unless it is about to expire; another time gets a new hold', async () => {
    await store.holdSlot(SLOT);
    await store.holdSlot({ start: '2027-03-29T06:30:00Z', end: '2027-03-29T07:00:00Z' });
    expect(api.hold).toHaveBeenCalledTimes(1);
    expect(api.releaseHold).not.toHaveBeenCalled();

    now = new Date('2027-03-20T09:09:30Z'); // 30 s left
    await store.holdSlot(SLOT);
    expect(api.hold).toHaveBeenCalledTimes(2);

    await store.holdSlot(OTHER);
    expect(api.hold).toHaveBeenCalledTimes(3);
    // The hold given up is replaced: the api releases it in the same step.
    expect(api.hold).toHaveBeenLastCalledWith({ officeId: 'office-1', serviceId: 'svc-cie', start: OTHER.start, replacesHoldId: HOLD.holdId });
    expect(api.releaseHold).not.toHaveBeenCalled();
    expect(store.hold()?.start).toBe(OTHER.start);
    expect(store.selectedDate()).toBe('2027-03-31');
    expect(store.month()).toBe('2027-03');
  });

  it('keeps the last good hold when a new one fails, and reloads the calendar on SLOT_UNAVAILABLE', async () => {
    await store.holdSlot(SLOT);
    api.hold.mockRejectedValueOnce(
      new HttpErrorResponse({
        status: 409,
        error: { statusCode: 409, code: 'SLOT_UNAVAILABLE', message: 'x', alternatives: [OTHER] },
      }),
    );
    const result = await store.holdSlot(OTHER);
    expect(result).toEqual({ ok: false, failure: expect.objectContaining({ code: 'SLOT_UNAVAILABLE', alternatives: [OTHER] }) });
    expect(store.hold()?.start).toBe(SLOT.start);
    expect(api.availability).toHaveBeenCalledTimes(2);
    expect(store.load().status).toBe('ready');
  });

  it('one Idempotency-Key per request: the same after a network failure, a new one otherwise', async () => {
    await store.holdSlot(SLOT);
    store.updateApplicant(FORM);
    api.book
      .mockRejectedValueOnce(new HttpErrorResponse({ status: 0 }))
      .mockRejectedValueOnce(new HttpErrorResponse({ status: 504 }))
      .mockRejectedValueOnce(new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'LIMIT_REACHED', message: 'x' } }));
    await store.submit();
    expect(store.pendingKey()).toBe('key-1');
    await store.submit();
    await store.submit(); // LIMIT_REACHED: an answer, the attempt is over
    expect(store.pendingKey()).toBeNull();
    await store.submit();
    expect(api.book.mock.calls.map((call) => call[1])).toEqual(['key-1', 'key-1', 'key-1', 'key-2']);
    expect(store.booking()?.code).toBe('CIE-7K3P9Q');
  });

  it('a changed request after a network failure gets a new key (the api would refuse the old one)', async () => {
    await store.holdSlot(SLOT);
    store.updateApplicant(FORM);
    api.book.mockRejectedValueOnce(new HttpErrorResponse({ status: 0 }));
    await store.submit();
    store.updateApplicant({ phone: '051 123456' });
    await store.submit();
    expect(api.book.mock.calls.map((call) => call[1])).toEqual(['key-1', 'key-2']);
  });

  it('keeps the api’s field errors until their field is edited', async () => {
    await store.holdSlot(SLOT);
    store.updateApplicant(FORM);
    api.book.mockRejectedValueOnce(
      new HttpErrorResponse({
        status: 400,
        error: {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Dati non validi',
          errors: [
            { field: 'citizen.email', message: 'E-mail rifiutata' },
            { field: 'citizen.phone', message: 'Telefono rifiutato' },
          ],
        },
      }),
    );
    const result = await store.submit();
    expect(result.ok).toBe(false);
    expect(store.serverErrors()).toEqual({ email: 'E-mail rifiutata', phone: 'Telefono rifiutato' });
    expect(store.applicantValid()).toBe(false);
    store.updateApplicant({ email: 'altra@example.org' });
    expect(store.serverErrors()).toEqual({ phone: 'Telefono rifiutato' });
    store.updateApplicant({ phone: '' });
    expect(store.applicantValid()).toBe(true);
  });

  it('starts over after a booking: nothing of the last one is kept', async () => {
    await store.holdSlot(SLOT);
    store.updateApplicant(FORM);
    await store.submit();
    store.startOver();
    await store.whenReady('CIE');
    expect(store.booking()).toBeNull();
    expect(store.hold()).toBeNull();
    expect(store.applicant().fiscalCode).toBe('');
    expect(store.context()?.service.code).toBe('CIE');
  });

  describe('a reload keeps the booking (sessionStorage)', () => {
    /** A new store, as a reloaded page makes it (the old one went away with the page). */
    const reloaded = () => TestBed.runInInjectionContext(() => new BookingStore());
    const saved = () => JSON.parse(sessionStorage.getItem('sportello.booking') ?? 'null');

    it('keeps the time, the data typed and the hold, taking it again in place of the old one', async () => {
      await store.holdSlot(SLOT);
      store.updateApplicant({ firstName: 'Maria', notes: 'Arrivo in sedia a rotelle' });
      TestBed.tick();
      expect(saved()).toMatchObject({ serviceCode: 'CIE', hold: { holdId: HOLD.holdId }, applicant: { firstName: 'Maria' } });

      api.hold.mockResolvedValue({ holdId: 'hold-after-reload', expiresAt: '2027-03-20T09:12:00.000Z' });
      const again = reloaded();
      await again.whenReady('cie');
      expect(api.hold).toHaveBeenLastCalledWith({ officeId: 'office-1', serviceId: 'svc-cie', start: SLOT.start, replacesHoldId: HOLD.holdId });
      expect(again.hold()).toMatchObject({ holdId: 'hold-after-reload', start: SLOT.start });
      expect(again.applicant()).toMatchObject({ firstName: 'Maria', notes: 'Arrivo in sedia a rotelle' });
      expect(again.selectedSlot()).toEqual(SLOT);
      expect(again.canEnter('applicant', 'CIE')).toBe(true);
      // Held again before the free times were read: its own old hold cannot hide the time.
      expect(api.hold.mock.invocationCallOrder.at(-1)).toBeLessThan(api.availability.mock.invocationCallOrder.at(-1) as number);
    });

    it('a time taken meanwhile: says so, keeps the data typed, back to choosing', async () => {
      await store.holdSlot(SLOT);
      store.updateApplicant(FORM);
      TestBed.tick();
      api.hold.mockRejectedValue(new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'SLOT_UNAVAILABLE', message: 'x', alternatives: [] } }));
      const again = reloaded();
      await again.whenReady('CIE');
      expect(again.restoreLost()).toBe(true);
      expect(again.hold()).toBeNull();
      expect(again.canEnter('applicant', 'CIE')).toBe(false);
      expect(again.applicant().fiscalCode).toBe(FORM.fiscalCode);
    });

    it('leaving the page releases the hold with a keepalive request; a booking made is left alone', async () => {
      await store.holdSlot(SLOT);
      window.dispatchEvent(new Event('pagehide'));
      expect(api.releaseHoldOnExit).toHaveBeenCalledWith(HOLD.holdId);
      store.updateApplicant(FORM);
      await store.submit();
      api.releaseHoldOnExit.mockClear();
      window.dispatchEvent(new Event('pagehide'));
      expect(api.releaseHoldOnExit).not.toHaveBeenCalled();
    });

    it('once booked only the confirmation is kept; a reload shows it; starting over clears it', async () => {
      await store.holdSlot(SLOT);
      store.updateApplicant(FORM);
      await store.submit();
      TestBed.tick();
      expect(sessionStorage.getItem('sportello.booking')).not.toContain(FORM.fiscalCode);
      expect(saved()).toMatchObject({ booking: { code: CREATED.code }, hold: null, applicant: { email: FORM.email, firstName: '' } });
      const again = reloaded();
      await again.whenReady('CIE');
      expect(again.canEnter('confirm', 'CIE')).toBe(true);
      again.startOver();
      TestBed.tick();
      expect(saved()?.booking ?? null).toBeNull();
    });

    it('a request whose answer was lost keeps its Idempotency-Key across the reload: it books once', async () => {
      await store.holdSlot(SLOT);
      store.updateApplicant(FORM);
      api.book.mockRejectedValueOnce(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }));
      await store.submit();
      const key = store.pendingKey();
      TestBed.tick();
      // The hold comes back the same after the reload, so the request is the same one.
      api.hold.mockResolvedValue(HOLD);
      const again = reloaded();
      await again.whenReady('CIE');
      await again.submit();
      expect(api.book).toHaveBeenLastCalledWith(expect.anything(), key);
    });

    it('another service starts afresh and releases the hold of the first', async () => {
      await store.holdSlot(SLOT);
      TestBed.tick();
      await store.whenReady('SPID');
      expect(api.releaseHold).toHaveBeenCalledWith(HOLD.holdId);
      const again = reloaded();
      await again.whenReady('CIE');
      expect(again.hold()).toBeNull();
    });
  });
});
