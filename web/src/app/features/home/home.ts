import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import type { OfficeDto, ServiceDto } from '@sportello/contracts';
import { map, of, Subscription, switchMap } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { failureMessage, toApiFailure } from '../../core/api/api-error';
import { I18n } from '../../core/i18n/i18n';
import { LoadState } from '../../core/load-state';
import { OfficeInfo } from './office-info';
import { ServiceCard } from './service-card';
import { LoadingIndicator } from '../../layout/loading-indicator';

interface HomeData {
  office: OfficeDto | null;
  services: ServiceDto[];
}

@Component({
  selector: 'sp-home',
  imports: [LoadingIndicator, OfficeInfo, ServiceCard],
  templateUrl: './home.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  private readonly api = inject(ApiClient);
  protected readonly i18n = inject(I18n);
  protected readonly state = signal<LoadState<HomeData>>({ status: 'loading' });
  private subscription?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
    this.load();
  }

  protected load(): void {
    this.subscription?.unsubscribe();
    this.state.set({ status: 'loading' });
    // The URP of Calderara is one office; the first one the api lists is the one shown.
    this.subscription = this.api
      .offices()
      .pipe(
        switchMap((offices) => {
          const office = offices[0] ?? null;
          return office
            ? this.api.services(office.id).pipe(map((services) => ({ office, services })))
            : of({ office: null, services: [] });
        }),
      )
      .subscribe({
        next: (data) => this.state.set({ status: 'ready', data }),
        error: (error: unknown) => this.state.set({ status: 'error', failure: toApiFailure(error) }),
      });
  }

  protected errorText(): string {
    const state = this.state();
    return state.status === 'error' ? failureMessage(state.failure, (key) => this.i18n.t(key)) : '';
  }
}
