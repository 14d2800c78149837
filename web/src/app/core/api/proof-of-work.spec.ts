import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CitizenDto } from '@sportello/contracts';
import { firstValueFrom } from 'rxjs';
import { CITIZEN } from '../../testing/fixtures';
import { CitizenAuth } from '../auth/citizen-auth';
import { ProofOfWork, ProofOfWorkSolver, proofOfWorkInterceptor, secondsLeft } from './proof-of-work';

/** A widget whose every solve is a new payload, expiring `lifetime` seconds from now. */
function fakeWidget(lifetime = 300): ProofOfWorkSolver & { solves: number; resets: number } {
  const widget = {
    solves: 0,
    resets: 0,
    reset: () => void widget.resets++,
    verify: async () => {
      widget.solves++;
      const challenge = { parameters: { expiresAt: Date.now() / 1000 + lifetime }, signature: `s${widget.solves}` };
      return { payload: btoa(JSON.stringify({ challenge, solution: { counter: widget.solves, derivedKey: 'ab' } })) };
    },
  };
  return widget;
}

const signature = (payload: string | null) => (payload ? JSON.parse(atob(payload)).challenge.signature : null);

describe('ProofOfWork', () => {
  it('solves as soon as the widget appears, gives each solution once and solves the next behind it', async () => {
    const pow = TestBed.runInInjectionContext(() => new ProofOfWork());
    const widget = fakeWidget();
    pow.attach(widget);
    const [first, second] = await Promise.all([pow.payload(), pow.payload()]);
    expect([signature(first), signature(second)]).toEqual(['s1', 's2']);
    expect(signature(await pow.payload())).toBe('s3');
    expect(widget.solves).toBe(4); // one more ready for the next request
  });

  it('solves again rather than send a solution about to expire', async () => {
    const pow = TestBed.runInInjectionContext(() => new ProofOfWork());
    const widget = fakeWidget(30);
    pow.attach(widget);
    const payload = await pow.payload();
    expect(signature(payload)).toBe('s2');
    expect(secondsLeft(payload as string)).toBeGreaterThan(20);
  });

  it('waits for the widget of the step; without one (and no workers to solve invisibly, as in jsdom) it sends none', async () => {
    jest.useFakeTimers();
    try {
      const pow = TestBed.runInInjectionContext(() => new ProofOfWork());
      const waiting = pow.payload();
      pow.attach(fakeWidget());
      expect(signature(await waiting)).toBe('s1');
      const lonely = TestBed.runInInjectionContext(() => new ProofOfWork());
      const none = lonely.payload();
      await jest.advanceTimersByTimeAsync(1500);
      expect(await none).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('proofOfWorkInterceptor', () => {
  it('adds X-Altcha to POST /api/holds, /api/appointments and /api/waitlist only', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([proofOfWorkInterceptor])), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpClient);
    const controller = TestBed.inject(HttpTestingController);
    TestBed.inject(ProofOfWork).attach(fakeWidget());
    for (const url of ['/api/holds', '/api/appointments', '/api/waitlist', '/api/appointments/manage/x/cancel', '/api/auth/login']) {
      const sent = firstValueFrom(http.post(url, {}));
      await new Promise((resolve) => setTimeout(resolve));
      const request = controller.expectOne(url);
      expect([url, request.request.headers.has('X-Altcha')]).toEqual([url, !url.includes('manage') && !url.includes('auth')]);
      request.flush({});
      await sent;
    }
    const read = firstValueFrom(http.get('/api/holds'));
    const get = controller.expectOne('/api/holds');
    expect(get.request.headers.has('X-Altcha')).toBe(false);
    get.flush({});
    await read;
    controller.verify();
  });
});

describe('proofOfWorkInterceptor for a citizen signed in with SPID/CIE', () => {
  let client: HttpClient;
  let controller: HttpTestingController;
  let payload: jest.Mock<Promise<string | null>, []>;
  const citizen = signal<CitizenDto | null>(CITIZEN);

  beforeEach(() => {
    citizen.set(CITIZEN);
    payload = jest.fn(() => Promise.resolve('solved'));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([proofOfWorkInterceptor])),
        provideHttpClientTesting(),
        { provide: CitizenAuth, useValue: { citizen } },
        { provide: ProofOfWork, useValue: { payload } },
      ],
    });
    client = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  it('holds and bookings go without X-Altcha, and without asking for a proof of work', async () => {
    for (const url of ['/api/holds', '/api/appointments']) {
      const sent = firstValueFrom(client.post(url, {}));
      // Nothing to wait for: the request leaves at once.
      const request = controller.expectOne(url);
      expect([url, request.request.headers.has('X-Altcha')]).toEqual([url, false]);
      request.flush({});
      await sent;
    }
    expect(payload).not.toHaveBeenCalled();
  });

  it('the recovery and the waiting list still carry one', async () => {
    for (const url of ['/api/appointments/recover', '/api/waitlist']) {
      payload.mockClear();
      const sent = firstValueFrom(client.post(url, {}));
      expect(payload).toHaveBeenCalledTimes(1);
      // The request leaves once the solution (already resolved) has been handed over.
      await payload.mock.results[0].value;
      const request = controller.expectOne(url);
      expect([url, request.request.headers.get('X-Altcha')]).toEqual([url, 'solved']);
      request.flush({});
      await sent;
    }
  });

  it('signed out again: holds ask for a proof of work once more', async () => {
    citizen.set(null);
    const sent = firstValueFrom(client.post('/api/holds', {}));
    expect(payload).toHaveBeenCalledTimes(1);
    await payload.mock.results[0].value;
    const request = controller.expectOne('/api/holds');
    expect(request.request.headers.get('X-Altcha')).toBe('solved');
    request.flush({});
    await sent;
  });
});
