import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CLOCK } from '../../core/clock';
import { formatTime, OFFICE_TIME_ZONE } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { BookingText } from './booking-text';
import { countdownMilestone, formatCountdown, secondsLeft } from './hold-countdown';

/**
 * How long the chosen time stays reserved: a visible mm:ss countdown (role="timer", which
 * screen readers do not read out by itself), a polite announcement at a few milestones,
 * and once expired an alert with a way back to the choice of the time.
 */
@Component({
  selector: 'sp-hold-timer',
  imports: [RouterLink],
  template: `
    <div class="sp-hold" data-testid="hold-timer" [class.sp-hold-expired]="expired()">
      @if (!expired()) {
        <p class="mb-0">
          {{ i18n.t('hold.reserved', { until: until() }) }}
          <span class="sp-hold-left">
            {{ i18n.t('hold.left') }}
            <strong role="timer" data-testid="countdown">{{ countdown() }}</strong>
          </span>
        </p>
      }
      <div class="visually-hidden" aria-live="polite" data-testid="hold-announcer">{{ announcement() }}</div>
      <div role="alert">
        @if (expired()) {
          <p class="mb-2 fw-semibold" data-testid="hold-expired">{{ i18n.t('hold.expired') }}</p>
          <a [routerLink]="repickPath()" class="btn btn-outline-primary btn-sm" data-testid="hold-repick">
            {{ i18n.t('hold.repick') }}
          </a>
        }
      </div>
    </div>
  `,
  styles: `
    .sp-hold {
      margin-bottom: 1.5rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid #0066cc;
      background: #f2f7fc;
    }
    .sp-hold-expired {
      border-left-color: #d9364f;
      background: #fbeef0;
    }
    .sp-hold-left {
      white-space: nowrap;
    }
    [role='timer'] {
      font-variant-numeric: tabular-nums;
      font-size: 1.125rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HoldTimer {
  /** When the hold ends (ISO instant from the api). */
  readonly expiresAt = input.required<string>();
  readonly timeZone = input<string>(OFFICE_TIME_ZONE);
  /** Router commands of the step where another time can be chosen. */
  readonly repickPath = input.required<readonly string[]>();

  protected readonly i18n = inject(I18n);
  private readonly text = inject(BookingText);
  private readonly clock = inject(CLOCK);
  private readonly now = signal(this.clock());

  protected readonly seconds = computed(() => secondsLeft(this.expiresAt(), this.now()));
  protected readonly countdown = computed(() => formatCountdown(this.seconds()));
  protected readonly expired = computed(() => this.seconds() === 0);
  protected readonly until = computed(() => formatTime(this.expiresAt(), this.i18n.locale(), this.timeZone()));

  /** Changes only at milestones, so the live region speaks only then. */
  protected readonly announcement = computed(() => {
    const milestone = countdownMilestone(this.seconds());
    if (milestone === null || milestone === 0) return '';
    return milestone >= 60 ? this.text.plural('hold.announce.minutes', milestone / 60) : this.text.plural('hold.announce.seconds', milestone);
  });

  constructor() {
    const timer = setInterval(() => this.tick(), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  /** Reads the clock again (every second). */
  tick(): void {
    this.now.set(this.clock());
  }
}
