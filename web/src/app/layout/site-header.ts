import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter } from 'rxjs';
import { CitizenAuth } from '../core/auth/citizen-auth';
import { I18n } from '../core/i18n/i18n';
import { LanguageSwitcher } from './language-switcher';

/**
 * The citizen site's header: the comune, the language, and — where the comune offers
 * SPID/CIE — "Accedi", or the signed-in citizen (a link to "Le mie prenotazioni") with "Esci".
 */
@Component({
  selector: 'sp-site-header',
  imports: [RouterLink, LanguageSwitcher],
  templateUrl: './site-header.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteHeader {
  protected readonly i18n = inject(I18n);
  protected readonly auth = inject(CitizenAuth);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  /** Where "Accedi" comes back to: the page the citizen is on (not the sign-in page itself). */
  protected readonly here = signal('/');

  constructor() {
    void this.auth.ensureLoaded();
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        const url = event.urlAfterRedirects;
        if (!url.startsWith('/accedi')) this.here.set(url);
      });
  }

  protected async signOut(): Promise<void> {
    const providerLogout = await this.auth.logout();
    // The provider's own logout page comes back to the home page; without one, go home here.
    if (providerLogout) this.document.location.assign(providerLogout);
    else await this.router.navigateByUrl('/');
  }
}
