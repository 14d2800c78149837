import { afterNextRender, ChangeDetectionStrategy, Component, effect, ElementRef, inject, Injector, input, untracked, viewChild } from '@angular/core';
import { I18n } from '../../core/i18n/i18n';
import type { FormState } from './form-state';

/**
 * The list of a form's errors at the top, each a link to its field that names it — "Nome
 * in italiano: campo obbligatorio." (the field's label, after its group's: "Esito 2 –
 * Codice esito") — so the list reads on its own. It takes the focus after every failed
 * submit, so screen readers announce it. A general failure (not about one field) is an
 * alert that takes the focus the same way.
 */
@Component({
  selector: 'sp-error-summary',
  template: `
    @let list = form().summary();
    @if (list.length > 0) {
      <div class="sp-error-summary" tabindex="-1" #box role="group" [attr.aria-labelledby]="form().prefix + '-errors-title'" data-testid="error-summary">
        <h2 [id]="form().prefix + '-errors-title'" class="h5">{{ heading() ?? i18n.t('form.errorsTitle') }}</h2>
        <ul class="mb-0">
          @for (item of list; track item.field) {
            <li>
              <a [href]="'#' + form().id(item.field)" (click)="go($event, item.field)" [attr.data-testid]="'error-link-' + item.field">{{
                labelled() ? line(item.field, item.message) : item.message
              }}</a>
            </li>
          }
        </ul>
      </div>
    } @else if (form().failure(); as message) {
      <div class="sp-notice sp-notice-error" role="alert" tabindex="-1" #box data-testid="form-failure">{{ message }}</div>
    }
  `,
  styleUrl: './form-kit.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorSummary {
  readonly form = input.required<FormState>();
  /** The title, when not "Correggi questi dati:" (e.g. how many errors there are). */
  readonly heading = input<string>();
  /** Each line names its field ("Nome: campo obbligatorio."); false where the messages name it already. */
  readonly labelled = input(true);

  protected readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  constructor() {
    effect(() => {
      const attempt = this.form().attempt();
      if (attempt === 0) return;
      untracked(() => afterNextRender(() => this.box()?.nativeElement.focus(), { injector: this.injector }));
    });
  }

  /** "Label: message", the label read from the form's own markup; the message alone when the field has none. */
  protected line(field: string, message: string): string {
    const label = fieldLabel(this.form().id(field), field);
    return label ? `${label}: ${lowerFirst(message)}` : message;
  }

  /** A link of the summary: focus the field without changing the URL. */
  protected go(event: Event, field: string): void {
    event.preventDefault();
    const control = document.getElementById(this.form().id(field));
    (control ?? document.querySelector<HTMLElement>(`[data-field="${field}"]`))?.focus();
  }
}

const clean = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:*]+$/, '')
    .trim();

/** The words that name a field on the page: its group's (a fieldset's legend, a labelled group) and its own label. */
export function fieldLabel(id: string, field: string, root: Document = document): string | null {
  const control = root.getElementById(id) ?? root.querySelector<HTMLElement>(`[data-field="${field}"]`);
  if (!control) return null;
  const own = clean(control.getAttribute('aria-label') ?? root.querySelector(`label[for="${id}"]`)?.textContent);
  const groupElement = control.closest('[role="group"][aria-label], fieldset');
  const group = clean(groupElement?.getAttribute('aria-label') ?? groupElement?.querySelector('legend')?.textContent);
  const parts = [group, own].filter((part, i, all) => part && all.indexOf(part) === i);
  return parts.length ? parts.join(' – ') : null;
}

/** "Campo obbligatorio." → "campo obbligatorio." after a label; codes and names keep their capitals ("CIE…"). */
function lowerFirst(message: string): string {
  return /^\p{Lu}\p{Ll}/u.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
}
