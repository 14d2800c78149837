import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18n } from '../../core/i18n/i18n';
import type { FormState } from './form-state';

/** A field's message, next to it (the control points here with aria-describedby). */
@Component({
  selector: 'sp-field-error',
  template: `
    @if (form().error(field()); as message) {
      <p class="sp-error" [id]="form().id(field()) + '-error'" [attr.data-testid]="testId() ?? 'error-' + field()">
        @if (prefixed()) {
          <span class="visually-hidden">{{ i18n.t('applicant.errorPrefix') }}</span>
        }
        {{ message }}
      </p>
    }
  `,
  styleUrl: './form-kit.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldError {
  readonly form = input.required<FormState>();
  readonly field = input.required<string>();
  /** The message's data-testid, when not `error-<field>`. */
  readonly testId = input<string>();
  /** A visually hidden "Errore:" before the message (false where the message says it is one). */
  readonly prefixed = input(true);
  protected readonly i18n = inject(I18n);
}
