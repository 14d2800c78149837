import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
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
  let api: Record<'offices' | 'services' | 'availability' | 'hold' | 'releaseHold' | 'book', jest.Mock>;
  let now: Date;
  let store: BookingStore;
  let ids: number;

  beforeEach(() => {
    now = NOW;
    ids = 0;
    api = {
      offices: jest.fn(() => of([OFFICE])),
      services: jest.fn(() => of([CIE])),
      availability: jest.fn(() => of(AVAILABILITY)),
      hold: jest.fn(() => of(HOLD)),
      releaseHold: jest.fn(() => of(undefined)),
      book: jest.fn(() => of(CREATED)),
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
    store.start('cie');
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

    store.start('SPID');
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
    // The hold given up is released (after the new one is taken).
    expect(api.releaseHold).toHaveBeenLastCalledWith(HOLD.holdId);
    expect(store.hold()?.start).toBe(OTHER.start);
    expect(store.selectedDate()).toBe('2027-03-31');
    expect(store.month()).toBe('2027-03');
  });

  it('keeps the last good hold when a new one fails, and reloads the calendar on SLOT_UNAVAILABLE', async () => {
    await store.holdSlot(SLOT);
    api.hold.mockReturnValueOnce(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { statusCode: 409, code: 'SLOT_UNAVAILABLE', message: 'x', alternatives: [OTHER] },
          }),
      ),
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
      .mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 0 })))
      .mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 504 })))
      .mockReturnValueOnce(
        throwError(
          () => new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'LIMIT_REACHED', message: 'x' } }),
        ),
      );
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
    api.book.mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 0 })));
    await store.submit();
    store.updateApplicant({ phone: '051 123456' });
    await store.submit();
    expect(api.book.mock.calls.map((call) => call[1])).toEqual(['key-1', 'key-2']);
  });

  it('keeps the api’s field errors until their field is edited', async () => {
    await store.holdSlot(SLOT);
    store.updateApplicant(FORM);
    api.book.mockReturnValueOnce(
      throwError(
        () =>
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
      ),
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
    expect(store.booking()).toBeNull();
    expect(store.hold()).toBeNull();
    expect(store.applicant().fiscalCode).toBe('');
    expect(store.context()?.service.code).toBe('CIE');
  });
});
