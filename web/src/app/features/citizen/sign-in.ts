import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CitizenAuth, isSitePath } from '../../core/auth/citizen-auth';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { SignInButtons } from '../../shared/sign-in-buttons';
import { CitizenText } from './citizen-text';

/** /accedi?returnTo=/path: the SPID and CIE buttons, with what signing in is for. */
@Component({
  selector: 'sp-sign-in',
  imports: [RouterLink, SignInButtons, LoadingIndicator],
  template: `
    <div class="container page-section">
      <h1>{{ text.t('signIn.title') }}</h1>
      <p class="lead">{{ text.t('signIn.intro') }}</p>
      @if (auth.citizen(); as citizen) {
        <p data-testid="sign-in-already">{{ text.t('signIn.already', { name: citizen.firstName + ' ' + citizen.lastName }) }}</p>
        <a class="btn btn-primary" routerLink="/le-mie-prenotazioni">{{ text.t('mine.title') }}</a>
      } @else if (auth.status() === 'unknown') {
        <sp-loading-indicator />
      } @else if (auth.available()) {
        <sp-sign-in-buttons [returnTo]="destination()" />
        <ul class="list-unstyled mt-4 small">
          <li>
            <a href="https://www.spid.gov.it/cos-e-spid/come-attivare-spid/" rel="noopener">{{ text.t('signIn.noSpid') }}</a>
          </li>
          <li>
            <a href="https://www.cartaidentita.interno.gov.it/identificazione-digitale/entra-con-cie/" rel="noopener">{{ text.t('signIn.noCie') }}</a>
          </li>
        </ul>
      } @else {
        <p class="alert alert-info" data-testid="sign-in-unavailable">{{ text.t('signIn.unavailable') }}</p>
        <a class="btn btn-primary" routerLink="/">{{ text.t('mine.book') }}</a>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignIn {
  /** Query parameter: the page to come back to (a path of this site). */
  readonly returnTo = input<string>();

  protected readonly auth = inject(CitizenAuth);
  protected readonly text = inject(CitizenText);
  protected readonly destination = computed(() => {
    const path = this.returnTo() ?? '';
    return isSitePath(path) ? path : '/le-mie-prenotazioni';
  });

  constructor() {
    void this.auth.ensureLoaded();
  }
}
