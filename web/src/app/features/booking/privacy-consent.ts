import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n } from '../../core/i18n/i18n';
import { FieldError } from '../../shared/forms/field-error';
import type { FormState } from '../../shared/forms/form-state';

/**
 * The privacy notice and its required checkbox, as a field `privacyAccepted` of `form`:
 * the notice describes the checkbox, the error sits above it, the link opens /privacy.
 * The booking's "Richiedente" step and the waitlist form each pass their own wording.
 */
@Component({
  selector: 'sp-privacy-consent',
  imports: [RouterLink, FieldError],
  template: `
    <div class="sp-field sp-privacy" [class.sp-field-invalid]="form().error('privacyAccepted')">
      <p [id]="form().id('privacyAccepted') + '-hint'" [attr.data-testid]="noticeTestId()">
        {{ notice() }}
        <a routerLink="/privacy">{{ i18n.t('applicant.privacyLink') }}</a>
      </p>
      <sp-field-error [form]="form()" field="privacyAccepted" [testId]="errorTestId()" />
      <div class="sp-check">
        <input
          type="checkbox"
          name="privacyAccepted"
          required
          [id]="form().id('privacyAccepted')"
          [checked]="checked()"
          [attr.aria-invalid]="form().error('privacyAccepted') ? 'true' : null"
          [attr.aria-describedby]="form().describedBy('privacyAccepted', true)"
          [attr.data-testid]="testId()"
          (change)="onChange($event)"
        />
        <label [for]="form().id('privacyAccepted')">{{ label() }}</label>
      </div>
    </div>
  `,
  styleUrl: './privacy-consent.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrivacyConsent {
  readonly form = input.required<FormState>();
  readonly notice = input.required<string>();
  readonly label = input.required<string>();
  readonly checked = input.required<boolean>();
  readonly testId = input.required<string>();
  readonly noticeTestId = input<string>();
  readonly errorTestId = input<string>();
  readonly changed = output<boolean>();

  protected readonly i18n = inject(I18n);

  protected onChange(event: Event): void {
    this.changed.emit((event.target as HTMLInputElement).checked);
  }
}
