import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { failureMessage, toApiFailure } from '../../core/api/api-error';
import { safeReturnUrl } from '../../core/auth/staff-guard';
import { StaffAuth } from '../../core/auth/staff-auth';
import { I18n, MessageKey } from '../../core/i18n/i18n';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FORM_KIT } from '../../shared/forms/field';
import { FormState } from '../../shared/forms/form-state';

type LoginField = 'username' | 'password';

/**
 * "Accesso operatori" (/staff/login). Missing fields are listed in a summary that gets
 * the focus and marked on each field; a refused login (wrong credentials, locked account,
 * too many attempts) is announced in an alert with the api's own message.
 */
@Component({
  selector: 'sp-staff-login',
  imports: [ErrorSummary, FORM_KIT],
  templateUrl: './login.html',
  styleUrl: './staff.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  /** Query parameter: the staff page to go back to. */
  readonly returnUrl = input<string>();
  /** Query parameter set after logging out. */
  readonly loggedOut = input<string>();

  protected readonly i18n = inject(I18n);
  private readonly auth = inject(StaffAuth);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  protected readonly username = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly errors = signal<Partial<Record<LoginField, MessageKey>>>({});
  protected readonly failure = signal<string | null>(null);
  /** The summary and the fields' messages (ids `staff-username`, `staff-password`). */
  protected readonly form = new FormState('staff', {
    errors: computed(() => {
      const texts: Record<string, string> = {};
      for (const [field, key] of Object.entries(this.errors())) texts[field] = this.i18n.t(key);
      return texts;
    }),
    hintFirst: true,
  });
  private readonly alert = viewChild<ElementRef<HTMLElement>>('alert');

  constructor() {
    // Already logged in (e.g. back button): straight to the staff pages.
    void this.auth.ensureLoaded().then((user) => {
      if (user) void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    });
  }

  protected onInput(field: LoginField, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    (field === 'username' ? this.username : this.password).set(value);
    if (this.errors()[field] && value) {
      this.errors.update((errors) => {
        const rest = { ...errors };
        delete rest[field];
        return rest;
      });
    }
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.failure.set(null);
    const errors: Partial<Record<LoginField, MessageKey>> = {};
    if (!this.username().trim()) errors.username = 'staffLogin.error.username';
    if (!this.password()) errors.password = 'staffLogin.error.password';
    this.errors.set(errors);
    if (Object.keys(errors).length > 0) {
      this.form.attempt.update((n) => n + 1);
      return;
    }
    this.busy.set(true);
    try {
      await this.auth.login({ username: this.username().trim(), password: this.password() });
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error: unknown) {
      const failure = toApiFailure(error);
      this.password.set('');
      this.failure.set(failureMessage(failure, (key) => this.i18n.t(key)));
      afterNextRender(() => this.alert()?.nativeElement.focus(), { injector: this.injector });
    } finally {
      this.busy.set(false);
    }
  }
}
