import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { failureMessage, toApiFailure } from '../../core/api/api-error';
import { StaffAuth } from '../../core/auth/staff-auth';
import { I18n } from '../../core/i18n/i18n';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { AdminText } from './admin-text';
import { OfficeChoice } from '../staff/office-choice';
import { OfficeDirectory } from './office-directory';

/** /staff/admin: the account's offices with their sections; for admins also offices, users and the audit log. */
@Component({
  selector: 'sp-admin-home',
  imports: [RouterLink, LoadingIndicator],
  template: `
    <div class="container page-section">
      <p class="sp-breadcrumb">
        <a routerLink="/staff">{{ text.t('admin.back.staff') }}</a>
      </p>
      <h1>{{ text.t('admin.home.title') }}</h1>
      <p class="lead">{{ text.t('admin.home.intro') }}</p>
      @if (failure(); as message) {
        <div class="sp-notice sp-notice-error" role="alert">{{ message }}</div>
      } @else if (offices(); as list) {
        <h2>{{ text.t('admin.home.offices') }}</h2>
        @if (list.length === 0) {
          <p>{{ text.t('admin.home.noOffices') }}</p>
        }
        @for (office of shown(); track office.id) {
          <section class="mb-4" [attr.aria-labelledby]="'office-' + office.id" data-testid="admin-office">
            <h3 class="h5" [id]="'office-' + office.id">{{ office.name }}</h3>
            <ul>
              <li>
                <a [routerLink]="['/staff/admin/offices', office.id, 'services']">{{ text.t('admin.nav.services') }}</a>
              </li>
              <li>
                <a [routerLink]="['/staff/admin/offices', office.id, 'hours']">{{ text.t('admin.nav.hours') }}</a>
              </li>
              <li>
                <a [routerLink]="['/staff/admin/offices', office.id, 'desks']">{{ text.t('admin.nav.desks') }}</a>
              </li>
              <li>
                <a [routerLink]="['/staff/admin/offices', office.id, 'closures']" data-testid="link-closures">{{ text.t('admin.nav.closures') }}</a>
              </li>
              <li>
                <a [routerLink]="['/staff/admin/offices', office.id, 'notices']" data-testid="link-notices">{{ text.t('admin.nav.notices') }}</a>
              </li>
              <li>
                <a [routerLink]="['/staff/admin/offices', office.id, 'settings']">{{ text.t('admin.nav.settings') }}</a>
              </li>
            </ul>
          </section>
        }
        <h2>{{ text.t('admin.home.general') }}</h2>
        <ul>
          <li>
            <a routerLink="/staff/admin/offices" data-testid="link-offices">{{ text.t('admin.offices.title') }}</a>
          </li>
          @if (isAdmin()) {
            <li>
              <a routerLink="/staff/admin/staff-users" data-testid="link-staff-users">{{ text.t('admin.staff.title') }}</a>
            </li>
            <li>
              <a routerLink="/staff/admin/audit" data-testid="link-audit">{{ text.t('admin.audit.title') }}</a>
            </li>
          }
        </ul>
      } @else {
        <sp-loading-indicator />
      }
    </div>
  `,
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminHome {
  protected readonly text = inject(AdminText);
  private readonly i18n = inject(I18n);
  private readonly directory = inject(OfficeDirectory);
  private readonly auth = inject(StaffAuth);

  protected readonly offices = this.directory.offices;
  private readonly choice = inject(OfficeChoice);
  /** The office chosen in the staff header (its switch changes it); all of them when it is not among these. */
  protected readonly shown = computed(() => {
    const list = this.offices() ?? [];
    const chosen = list.filter((o) => o.id === this.choice.officeId());
    return chosen.length ? chosen : list;
  });
  protected readonly failure = signal<string | null>(null);
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');

  constructor() {
    this.directory.load(true).catch((error: unknown) => this.failure.set(failureMessage(toApiFailure(error), (key) => this.i18n.t(key))));
  }
}
