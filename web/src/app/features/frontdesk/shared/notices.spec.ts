import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CLOCK } from '../../../core/clock';
import { FD_NOW, notice, noticesAnswer } from '../../../testing/frontdesk-fixtures';
import { FrontDeskApi } from './frontdesk-api';
import { officeNotices, OfficeNotices } from './notices';

describe('officeNotices: the notices showing now, refetched at the next boundary (no polling)', () => {
  let api: { notices: jest.Mock };
  let now: Date;
  let board: OfficeNotices;
  const officeId = signal<string | null>('office-1');

  async function settle(): Promise<void> {
    TestBed.tick();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }

  beforeEach(() => {
    jest.useFakeTimers();
    now = FD_NOW;
    officeId.set('office-1');
    api = { notices: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        { provide: FrontDeskApi, useValue: api },
        { provide: CLOCK, useValue: () => now },
      ],
    });
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('loads once, then again only when nextChangeAt passes', async () => {
    const ends = new Date(FD_NOW.getTime() + 10 * 60_000).toISOString();
    api.notices.mockResolvedValueOnce(noticesAnswer([notice({ end: ends })], ends)).mockResolvedValue(noticesAnswer([], null));
    board = TestBed.runInInjectionContext(() => officeNotices(() => officeId()));
    await settle();
    expect(api.notices).toHaveBeenCalledTimes(1);
    expect(board.all().map((n) => n.id)).toEqual(['n-1']);

    // Nine minutes on: no request in between.
    jest.advanceTimersByTime(9 * 60_000);
    await settle();
    expect(api.notices).toHaveBeenCalledTimes(1);

    jest.advanceTimersByTime(60_000 + 1_000);
    await settle();
    expect(api.notices).toHaveBeenCalledTimes(2);
    expect(board.all()).toEqual([]);
    // Nothing more is due: no timer left.
    jest.advanceTimersByTime(7 * 24 * 60 * 60_000);
    await settle();
    expect(api.notices).toHaveBeenCalledTimes(2);
  });

  it('the first alert is the alert; the others are the band; events about notices (and reconnections) refetch, others do not', async () => {
    const alert = notice({ id: 'a', priority: 'ALERT' });
    const info = notice({ id: 'i' });
    api.notices.mockResolvedValue(noticesAnswer([alert, info]));
    board = TestBed.runInInjectionContext(() => officeNotices(() => officeId()));
    await settle();
    expect(board.alert()?.id).toBe('a');
    expect(board.band().map((n) => n.id)).toEqual(['i']);

    board.onEvent({ type: 'ticket', officeId: 'office-1' });
    await settle();
    expect(api.notices).toHaveBeenCalledTimes(1);
    board.onEvent({ type: 'notice', officeId: 'office-1', noticeId: 'a' });
    await settle();
    board.onEvent(null);
    await settle();
    board.onEvent({ type: 'resync', officeId: '' });
    await settle();
    expect(api.notices).toHaveBeenCalledTimes(4);
  });
});
