import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, input, output, signal, viewChild } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import type { HistoryLineProblemDto } from '@sportello/contracts';
import { failureMessage, toApiFailure } from '../../core/api/api-error';
import { StatsI18n } from './stats-i18n';
import { I18n } from '../../core/i18n/i18n';
import { StatsApi } from './stats-api';

/**
 * Import of monthly history from a CSV file. A refused file shows the api's report: one
 * line per problem, with the line number of the file.
 */
@Component({
  selector: 'sp-history-import',
  template: `
    <p>{{ text.t('stats.import.intro') }}</p>
    <form (submit)="submit($event)" novalidate>
      <div class="sp-field">
        <label for="history-file">{{ text.t('stats.import.file') }}</label>
        <input #file id="history-file" type="file" accept=".csv,text/csv" class="sp-input" (change)="picked()" data-testid="history-file" />
      </div>
      <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="history-submit">{{ text.t('stats.import.submit') }}</button>
    </form>
    <div #result tabindex="-1" class="sp-result">
      @if (done()) {
        <p class="sp-notice sp-notice-success" role="status" data-testid="history-done">{{ done() }}</p>
      }
      @if (failure()) {
        <div class="sp-notice sp-notice-error" role="alert" data-testid="history-failure">
          <p class="mb-2">{{ failure() }}</p>
          @if (problems().length) {
            <table class="table table-sm mb-0" data-testid="history-problems">
              <caption>
                {{
                  text.t('stats.import.problems')
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ text.t('stats.import.line') }}</th>
                  <th scope="col">{{ text.t('stats.import.field') }}</th>
                  <th scope="col">{{ text.t('stats.import.reason') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (p of problems(); track $index) {
                  <tr>
                    <th scope="row">{{ p.line }}</th>
                    <td>{{ p.field === 'line' ? '—' : p.field }}</td>
                    <td>{{ p.message }}</td>
                  </tr>
                }
              </tbody>
            </table>
          }
        </div>
      }
    </div>
    <p>
      <a [href]="exportUrl()" download data-testid="history-export">{{ text.t('stats.import.export') }}</a>
    </p>
  `,
  styles: `
    .sp-result:focus {
      outline: none;
    }
    .sp-notice-error table {
      background: transparent;
      font-weight: 400;
    }
  `,
  styleUrl: './stats-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryImport {
  readonly officeId = input.required<string>();
  readonly imported = output<void>();

  protected readonly i18n = inject(I18n);
  protected readonly text = inject(StatsI18n);
  private readonly api = inject(StatsApi);
  private readonly injector = inject(Injector);
  private readonly file = viewChild.required<ElementRef<HTMLInputElement>>('file');
  private readonly result = viewChild.required<ElementRef<HTMLElement>>('result');
  protected readonly busy = signal(false);
  protected readonly done = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly problems = signal<HistoryLineProblemDto[]>([]);

  protected exportUrl(): string {
    return this.api.historyCsvUrl(this.officeId());
  }

  protected picked(): void {
    this.done.set(null);
    this.failure.set(null);
    this.problems.set([]);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.picked();
    const file = this.file().nativeElement.files?.[0];
    if (!file) {
      this.failure.set(this.text.t('stats.import.noFile'));
      this.focusResult();
      return;
    }
    this.busy.set(true);
    try {
      const result = await this.api.importHistory(this.officeId(), await file.text());
      this.done.set(this.text.t('stats.import.done', { imported: result.imported, replaced: result.replaced, from: result.months.from, to: result.months.to }));
      this.imported.emit();
    } catch (error: unknown) {
      this.failure.set(failureMessage(toApiFailure(error), (key) => this.i18n.t(key)));
      const lines = error instanceof HttpErrorResponse ? (error.error as { lines?: unknown })?.lines : undefined;
      this.problems.set(Array.isArray(lines) ? (lines as HistoryLineProblemDto[]) : []);
    } finally {
      this.busy.set(false);
      this.focusResult();
    }
  }

  private focusResult(): void {
    afterNextRender(() => this.result().nativeElement.focus(), { injector: this.injector });
  }
}
