import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, passwordProblem } from '@sportello/domain';
import type { PasswordProblem } from '@sportello/domain';
import { AdminKey, AdminText } from './admin-text';

type Scorer = (password: string, owner: { username: string; displayName: string }) => number;

let scorer: Promise<Scorer> | null = null;

/** The strength checker, loaded the first time a password is typed (its dictionaries are large). */
function loadScorer(): Promise<Scorer> {
  scorer ??= import('./password-strength').then((m) => m.passwordScore);
  return scorer;
}

const LEVELS: AdminKey[] = ['admin.staff.strength.0', 'admin.staff.strength.1', 'admin.staff.strength.2', 'admin.staff.strength.3', 'admin.staff.strength.4'];
const PROBLEMS: Record<PasswordProblem, AdminKey> = {
  TOO_SHORT: 'admin.staff.strength.TOO_SHORT',
  TOO_LONG: 'admin.staff.strength.TOO_LONG',
  CONTAINS_NAME: 'admin.staff.strength.CONTAINS_NAME',
  WEAK: 'admin.staff.strength.WEAK',
};

/**
 * The strength of a new staff password as it is typed: the api's own policy (libs/domain:
 * length, not the username or the display name, zxcvbn score ≥ 3), a bar of five steps and
 * a sentence, announced politely to screen readers. The api decides; this only tells early.
 */
@Component({
  selector: 'sp-password-meter',
  template: `
    @if (password()) {
      <div class="sp-password-meter" data-testid="password-meter" [attr.data-score]="score()" [attr.data-ok]="problem() === null">
        <div class="sp-password-meter-bar" aria-hidden="true">
          @for (step of steps; track step) {
            <span [class.sp-on]="score() !== null && step <= (score() ?? 0)" [class.sp-good]="problem() === null"></span>
          }
        </div>
      </div>
    }
    <p class="sp-password-meter-text small" [id]="textId()" aria-live="polite" data-testid="password-meter-text">{{ sentence() }}</p>
  `,
  styles: `
    .sp-password-meter-bar {
      display: flex;
      gap: 0.25rem;
      margin-top: 0.5rem;
    }
    .sp-password-meter-bar span {
      flex: 1;
      height: 0.375rem;
      border-radius: 0.25rem;
      background: #d9dadb;
    }
    .sp-password-meter-bar span.sp-on {
      background: #a66300;
    }
    .sp-password-meter-bar span.sp-on.sp-good {
      background: #008055;
    }
    .sp-password-meter-text {
      margin: 0.25rem 0 0;
      min-height: 1.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordMeter {
  readonly password = input.required<string>();
  readonly username = input('');
  readonly displayName = input('');
  readonly textId = input('password-strength');

  private readonly text = inject(AdminText);
  protected readonly steps = [0, 1, 2, 3, 4];
  protected readonly score = signal<number | null>(null);

  /** The first rule the password breaks, or null: the same order as the api's. */
  protected readonly problem = computed<PasswordProblem | null>(() => {
    const password = this.password();
    const owner = { username: this.username(), displayName: this.displayName() };
    const score = this.score();
    if (!password) return null;
    // Length and names are known at once; the score once the checker has run.
    return passwordProblem(password, owner, MIN_PASSWORD_SCORE) ?? (score === null ? null : passwordProblem(password, owner, score));
  });

  protected readonly sentence = computed(() => {
    if (!this.password()) return '';
    const problem = this.problem();
    const score = this.score();
    const level = score === null ? '' : `${this.text.t('admin.staff.strength.label')}: ${this.text.t(LEVELS[score])}. `;
    return level + (problem ? this.text.t(PROBLEMS[problem], { min: MIN_PASSWORD_LENGTH }) : score === null ? '' : this.text.t('admin.staff.strength.OK'));
  });

  constructor() {
    effect((onCleanup) => {
      const password = this.password();
      const owner = { username: this.username(), displayName: this.displayName() };
      // A new password has no score until the checker has seen it.
      this.score.set(null);
      if (!password) return;
      let current = true;
      onCleanup(() => (current = false));
      // Scored a moment after the last key, off the typing.
      const timer = setTimeout(() => {
        void loadScorer().then((score) => {
          if (current) this.score.set(score(password, owner));
        });
      }, 150);
      onCleanup(() => clearTimeout(timer));
    });
  }
}
