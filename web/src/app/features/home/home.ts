import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { OfficeDto, ServiceDto } from '@sportello/contracts';
import { ApiClient } from '../../core/api/api-client';
import { failureMessage, toApiFailure } from '../../core/api/api-error';
import { I18n } from '../../core/i18n/i18n';
import { LoadState } from '../../core/load-state';
import { OfficeInfo } from './office-info';
import { ServiceCard } from './service-card';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { RecoverForm } from '../citizen/recover-form';

interface HomeData {
  office: OfficeDto | null;
  services: ServiceDto[];
}

@Component({
  selector: 'sp-home',
  imports: [LoadingIndicator, OfficeInfo, RecoverForm, ServiceCard],
  templateUrl: './home.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  private readonly api = inject(ApiClient);
  protected readonly i18n = inject(I18n);
  protected readonly state = signal<LoadState<HomeData>>({ status: 'loading' });
  /** Bumped by every load: only the latest one's answer is shown. */
  private loads = 0;

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    const load = ++this.loads;
    this.state.set({ status: 'loading' });
    try {
      // The URP of Calderara is one office; the first one the api lists is the one shown.
      const office = (await this.api.offices())[0] ?? null;
      const data = office ? { office, services: await this.api.services(office.id) } : { office: null, services: [] };
      if (load === this.loads) this.state.set({ status: 'ready', data });
    } catch (error: unknown) {
      if (load === this.loads) this.state.set({ status: 'error', failure: toApiFailure(error) });
    }
  }

  protected errorText(): string {
    const state = this.state();
    return state.status === 'error' ? failureMessage(state.failure, (key) => this.i18n.t(key)) : '';
  }
}
