import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LegalNotesDto, OfficeDto } from '@sportello/contracts';
import { ApiClient } from '../../core/api/api-client';
import { failureMessage, toApiFailure } from '../../core/api/api-error';
import { I18n, interpolate, MessageParams, pluralCategory } from '../../core/i18n/i18n';
import { LoadState } from '../../core/load-state';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { contactsOf, OfficeContacts, telHref } from '../../layout/office-contacts';
import { LEGAL_TEXTS, LegalKey } from './legal-texts';

export type InfoPageKind = 'privacy' | 'accessibility';

interface InfoData {
  office: OfficeDto;
  legal: LegalNotesDto;
}

/**
 * The privacy notice (GDPR art. 13) and the accessibility page, linked from the footer:
 * built from the office's settings (controller, DPO, purposes, legal basis, recipients,
 * retention; the AgID declaration and a feedback address), with standard texts where the
 * office gives none.
 */
@Component({
  selector: 'sp-info-page',
  imports: [RouterLink, LoadingIndicator, OfficeContacts],
  templateUrl: './info-page.html',
  styles: `
    .sp-info {
      max-width: 48rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InfoPage {
  /** From the route's data. */
  readonly page = input<InfoPageKind>('privacy');

  protected readonly i18n = inject(I18n);
  private readonly api = inject(ApiClient);
  protected readonly state = signal<LoadState<InfoData | null>>({ status: 'loading' });
  /** Bumped by every load: only the latest one's answer is shown. */
  private loads = 0;

  protected readonly title = computed(() => this.i18n.t(this.page() === 'privacy' ? 'privacy.title' : 'accessibility.title'));
  protected readonly data = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  protected readonly contacts = computed(() => {
    const office = this.data()?.office;
    return office ? contactsOf(office) : null;
  });
  protected readonly errorText = computed(() => {
    const state = this.state();
    return state.status === 'error' ? failureMessage(state.failure, (key) => this.i18n.t(key)) : '';
  });
  protected readonly telHref = telHref;

  constructor() {
    void this.load();
  }

  /** A text of these pages in the visitor's language. */
  protected l(key: LegalKey, params?: MessageParams): string {
    return interpolate(LEGAL_TEXTS[this.i18n.lang()][key], params);
  }

  protected retention(days: number): string {
    const key: LegalKey = pluralCategory(days, this.i18n.locale()) === 'one' ? 'privacy.retention.text.one' : 'privacy.retention.text.other';
    return this.l(key, { count: days });
  }

  /** The office's own text in the visitor's language, else the standard one. */
  protected own(text: { it: string; en: string } | null, standard: LegalKey): string {
    return (text && this.i18n.pick(text, '')) || this.l(standard);
  }

  protected async load(): Promise<void> {
    const load = ++this.loads;
    this.state.set({ status: 'loading' });
    try {
      // The URP is the first office the api lists (as on the home page).
      const office = (await this.api.offices())[0];
      const data = office ? { office, legal: await this.api.legal(office.id) } : null;
      if (load === this.loads) this.state.set({ status: 'ready', data });
    } catch (error: unknown) {
      if (load === this.loads) this.state.set({ status: 'error', failure: toApiFailure(error) });
    }
  }
}
