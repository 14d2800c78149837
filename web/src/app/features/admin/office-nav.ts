import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { AdminKey, AdminText } from './admin-text';
import { OfficeDirectory } from './office-directory';

export type OfficeSection = 'services' | 'hours' | 'desks' | 'closures' | 'notices' | 'settings' | 'legal';

const SECTIONS: Array<{ path: OfficeSection; key: AdminKey }> = [
  { path: 'services', key: 'admin.nav.services' },
  { path: 'hours', key: 'admin.nav.hours' },
  { path: 'desks', key: 'admin.nav.desks' },
  { path: 'closures', key: 'admin.nav.closures' },
  { path: 'notices', key: 'admin.nav.notices' },
  { path: 'settings', key: 'admin.nav.settings' },
  { path: 'legal', key: 'admin.nav.legal' },
];

/** The office's name, the way back to the admin home and the office's sections, on every office page. */
@Component({
  selector: 'sp-office-nav',
  imports: [RouterLink, RouterLinkActive],
  template: `
    <p class="sp-breadcrumb">
      <a routerLink="/staff/admin">{{ text.t('admin.home.title') }}</a>
    </p>
    <p class="sp-office-name" data-testid="office-name">{{ officeName() }}</p>
    <nav [attr.aria-label]="text.t('admin.nav.label')" class="sp-office-nav">
      <ul>
        @for (section of sections; track section.path) {
          <li>
            <a
              [routerLink]="['/staff/admin/offices', officeId(), section.path]"
              routerLinkActive="active"
              ariaCurrentWhenActive="page"
              [attr.data-testid]="'nav-' + section.path"
              >{{ text.t(section.key) }}</a
            >
          </li>
        }
      </ul>
    </nav>
  `,
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfficeNav {
  readonly officeId = input.required<string>();
  protected readonly text = inject(AdminText);
  private readonly directory = inject(OfficeDirectory);
  protected readonly sections = SECTIONS;
  protected readonly officeName = computed(() => this.directory.offices()?.find((o) => o.id === this.officeId())?.name ?? '');

  constructor() {
    void this.directory.load().catch(() => undefined);
  }
}
