import { ChangeDetectionStrategy, Component, computed, Directive, inject, input } from '@angular/core';
import { FieldError } from './field-error';
import type { FormState } from './form-state';

/**
 * One form field: its label, hint and error, and the wiring of its control (`spControl`):
 * the id the label and the error summary point at, aria-invalid, and aria-describedby
 * naming the hint and the error.
 *
 *     <sp-field [form]="form" field="email" [label]="i18n.t('…')" [hint]="i18n.t('…')">
 *       <input spControl class="sp-input" type="email" … />
 *     </sp-field>
 */
@Component({
  selector: 'sp-field',
  imports: [FieldError],
  template: `
    @if (label(); as label) {
      <label [for]="id()"
        >{{ label }}
        @if (optional(); as optional) {
          &ngsp;<span class="sp-optional">({{ optional }})</span>
        }
      </label>
    }
    @if (hint(); as hint) {
      <p class="sp-hint" [id]="id() + '-hint'">{{ hint }}</p>
    }
    <sp-field-error [form]="form()" [field]="field()" [testId]="errorTestId()" [prefixed]="errorPrefixed()" />
    <ng-content />
  `,
  styleUrl: './form-kit.scss',
  host: { class: 'sp-field', '[class.sp-field-invalid]': 'invalid()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Field {
  readonly form = input.required<FormState>();
  /** The field's name in the form (and in the api's answer): `email`, `names.it`. */
  readonly field = input.required<string>();
  readonly label = input<string>();
  readonly hint = input<string>();
  /** The word after an optional field's label ("facoltativo"). */
  readonly optional = input<string>();
  readonly errorTestId = input<string>();
  readonly errorPrefixed = input(true);

  readonly id = computed(() => this.form().id(this.field()));
  readonly invalid = computed(() => this.form().error(this.field()) !== null);
}

/** The control of an `sp-field`: its id, aria-invalid and aria-describedby (plus `describedBy`, e.g. a counter). */
@Directive({
  selector: '[spControl]',
  host: {
    '[id]': 'field.id()',
    '[attr.aria-invalid]': "field.invalid() ? 'true' : null",
    '[attr.aria-describedby]': 'describedBy()',
  },
})
export class FieldControl {
  protected readonly field = inject(Field);
  /** More ids the control is described by, after the hint and the error. */
  readonly spControl = input<string | null | undefined>('');

  protected readonly describedBy = computed(() => {
    const more = this.spControl();
    return this.field.form().describedBy(this.field.field(), !!this.field.hint(), ...(more ? more.split(' ') : []));
  });
}

/** Everything a form's template imports from the kit. */
export const FORM_KIT = [Field, FieldControl, FieldError] as const;
