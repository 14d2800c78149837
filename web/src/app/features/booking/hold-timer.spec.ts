import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CLOCK } from '../../core/clock';
import { HoldTimer } from './hold-timer';

describe('HoldTimer', () => {
  let now: Date;
  let fixture: ComponentFixture<HoldTimer>;
  let el: HTMLElement;

  const text = (selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  /** Moves the injected clock and lets the component's one-second tick read it. */
  async function advance(seconds: number): Promise<void> {
    now = new Date(now.getTime() + seconds * 1000);
    jest.advanceTimersByTime(1000);
    await fixture.whenStable();
  }

  beforeEach(async () => {
    // Only setInterval is faked (Angular's own scheduling keeps the real timers); the
    // time itself comes from the injected clock.
    jest.useFakeTimers({
      doNotFake: [
        'Date',
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
      ],
    });
    localStorage.clear();
    now = new Date('2027-03-20T09:00:00Z');
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: CLOCK, useValue: () => now }],
    });
    fixture = TestBed.createComponent(HoldTimer);
    // 10 minutes after "now": 10:10 in Rome.
    fixture.componentRef.setInput('expiresAt', '2027-03-20T09:10:00Z');
    fixture.componentRef.setInput('repickPath', ['/prenota', 'CIE']);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    fixture.destroy();
    jest.useRealTimers();
  });

  it('shows mm:ss in a timer and until when the time is reserved, Rome time', () => {
    expect(text('[role="timer"]')).toBe('10:00');
    expect(text('[data-testid="hold-timer"]')).toContain('fino alle 10:10');
    expect(text('[data-testid="hold-announcer"]')).toBe('');
  });

  it('ticks every second from the injected clock', async () => {
    await advance(1);
    expect(text('[role="timer"]')).toBe('09:59');
    await advance(61);
    expect(text('[role="timer"]')).toBe('08:58');
  });

  it('announces only at the milestones, not every second', async () => {
    const announced: string[] = [];
    for (let i = 0; i < 600; i++) {
      await advance(1);
      const message = text('[data-testid="hold-announcer"]');
      if (message !== (announced[announced.length - 1] ?? '')) announced.push(message);
    }
    expect(announced).toEqual([
      'Restano 5 minuti per completare la prenotazione.',
      'Restano 2 minuti per completare la prenotazione.',
      'Resta 1 minuto per completare la prenotazione.',
      'Restano 30 secondi per completare la prenotazione.',
      '',
    ]);
  });

  it('says when the hold has expired and offers to choose the time again', async () => {
    expect(el.querySelector('[data-testid="hold-expired"]')).toBeNull();
    await advance(600);
    expect(el.querySelector('[role="timer"]')).toBeNull();
    expect(text('[role="alert"]')).toContain('è scaduto');
    expect(el.querySelector('[data-testid="hold-repick"]')?.getAttribute('href')).toBe('/prenota/CIE');
  });
});
