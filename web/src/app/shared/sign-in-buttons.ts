import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { CitizenAuth } from '../core/auth/citizen-auth';
import { I18n } from '../core/i18n/i18n';

/**
 * "Entra con SPID" and "Entra con CIE", after AgID's button guidelines: the blue #06c with
 * white Titillium semibold text, the mark on the left behind a thin white rule, the medium
 * size (220 px wide), rounded 4 px corners, and the accessible name being the visible text.
 * Our own markup and marks (not the official artwork). Both go to the comune's identity
 * gateway, which lets the citizen choose the provider or the card; they come back to
 * `returnTo`.
 */
@Component({
  selector: 'sp-sign-in-buttons',
  template: `
    @if (url(); as url) {
      <div class="sp-sign-in" data-testid="sign-in-buttons">
        <a class="sp-id-button" [href]="url" data-testid="sign-in-spid">
          <span class="sp-id-button-mark" aria-hidden="true">
            <svg viewBox="0 0 24 24" focusable="false">
              <circle cx="12" cy="12" r="11" fill="none" stroke="currentColor" stroke-width="2" />
              <circle cx="12" cy="8.6" r="3.2" fill="currentColor" />
              <path d="M6.2 18.2c.9-3.1 3.2-4.8 5.8-4.8s4.9 1.7 5.8 4.8z" fill="currentColor" />
            </svg>
          </span>
          <span class="sp-id-button-text">{{ i18n.t('citizen.spid') }}</span>
        </a>
        <a class="sp-id-button" [href]="url" data-testid="sign-in-cie">
          <span class="sp-id-button-mark" aria-hidden="true">
            <svg viewBox="0 0 24 24" focusable="false">
              <rect x="1.5" y="4.5" width="21" height="15" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
              <circle cx="8" cy="11" r="2.4" fill="currentColor" />
              <path
                d="M4.6 16.6c.6-1.8 1.9-2.8 3.4-2.8s2.8 1 3.4 2.8zM13.5 9h6M13.5 12h6M13.5 15h4"
                stroke="currentColor"
                stroke-width="1.6"
                fill="currentColor"
              />
            </svg>
          </span>
          <span class="sp-id-button-text">{{ i18n.t('citizen.cie') }}</span>
        </a>
      </div>
      @if (auth.providerName(); as name) {
        <p class="small text-secondary mt-2 mb-0" data-testid="sign-in-provider">{{ i18n.t('citizen.provider', { name }) }}</p>
      }
    }
  `,
  styles: `
    .sp-sign-in {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
    .sp-id-button {
      display: inline-flex;
      align-items: center;
      width: 220px;
      max-width: 100%;
      min-height: 2.75rem;
      padding: 0 0.75rem 0 0;
      border-radius: 4px;
      background: #06c;
      color: #fff;
      font-family: 'Titillium Web', Geneva, Tahoma, sans-serif;
      font-weight: 600;
      font-size: 1.05rem;
      line-height: 1.2;
      text-decoration: none;
    }
    .sp-id-button:hover {
      background: #036;
      color: #fff;
    }
    .sp-id-button:active {
      background: #83beed;
      color: #036;
    }
    .sp-id-button:focus-visible {
      outline: 3px solid #f90;
      outline-offset: 2px;
    }
    .sp-id-button-mark {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      align-self: stretch;
      width: 2.75rem;
      margin-right: 0.75rem;
      border-right: 1px solid rgb(255 255 255 / 0.6);
    }
    .sp-id-button-mark svg {
      width: 1.4rem;
      height: 1.4rem;
    }
    .sp-id-button-text {
      flex: 1;
      text-align: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInButtons {
  /** The path of this site to come back to after the sign-in. */
  readonly returnTo = input('/');

  protected readonly auth = inject(CitizenAuth);
  protected readonly i18n = inject(I18n);
  protected readonly url = computed(() => (this.auth.available() ? this.auth.loginUrl(this.returnTo()) : null));
}
