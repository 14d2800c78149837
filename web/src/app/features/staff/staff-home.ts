import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { TodayOfficeDto } from '@sportello/contracts';
import { toApiFailure } from '../../core/api/api-error';
import { StaffAuth } from '../../core/auth/staff-auth';
import { CLOCK } from '../../core/clock';
import { formatLongDate, OFFICE_TIME_ZONE } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { LoadState } from '../../core/load-state';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { dateInTimeZone } from '../booking/calendar-month';
import { FrontDeskApi } from '../frontdesk/shared/frontdesk-api';
import { FrontDeskI18n, FrontDeskKey } from '../frontdesk/shared/frontdesk-i18n';
import { every, followOffice, Refresher } from '../frontdesk/shared/office-events';
import { openStateText } from '../frontdesk/shared/open-state';
import { greetingKey } from './greeting';
import { OfficeChoice } from './office-choice';
import { ROLE_KEYS } from './staff-shell';

interface PageCard {
  link: string;
  title: FrontDeskKey;
  text: FrontDeskKey;
  testId: string;
  /** The waiting-room screen opens in a new tab (it goes on the TV). */
  newTab?: boolean;
}

/**
 * The staff home (/staff): today in the chosen office — appointments booked, people arrived
 * (walk-ins among them), waiting now, served — and whether it is open; then a card for each
 * page the role may use, and the account. The numbers follow the office's live events.
 */
@Component({
  selector: 'sp-staff-home',
  imports: [RouterLink, LoadingIndicator],
  templateUrl: './staff-home.html',
  styleUrls: ['./staff.scss', './staff-home.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffHome {
  protected readonly i18n = inject(FrontDeskI18n);
  protected readonly appI18n = inject(I18n);
  private readonly auth = inject(StaffAuth);
  private readonly api = inject(FrontDeskApi);
  private readonly clock = inject(CLOCK);
  protected readonly choice = inject(OfficeChoice);

  protected readonly user = this.auth.user;
  protected readonly role = computed(() => {
    const user = this.user();
    return user ? this.appI18n.t(ROLE_KEYS[user.role]) : '';
  });
  protected readonly now = signal(this.clock());
  /** Good morning, afternoon or evening, by the hour in Rome. */
  protected readonly greeting = computed(() => this.appI18n.t(greetingKey(this.now()), { name: this.user()?.displayName ?? '' }));
  protected readonly today = computed(() => formatLongDate(dateInTimeZone(this.now(), OFFICE_TIME_ZONE), this.i18n.locale()));
  protected readonly state = signal<LoadState<TodayOfficeDto | null>>({ status: 'loading' });
  protected readonly openText = computed(() => {
    const state = this.state();
    return state.status === 'ready' && state.data ? openStateText(state.data.open, this.now(), this.i18n) : '';
  });

  /** The pages this role may use, as cards (the same roles as the routes). */
  protected readonly cards = computed<PageCard[]>(() => {
    const user = this.user();
    if (!user) return [];
    const cards: PageCard[] = [];
    if (this.auth.hasRole('operator', 'manager')) {
      cards.push({ link: '/staff/sportello', title: 'home.card.desk.title', text: 'home.card.desk.text', testId: 'page-desk' });
      cards.push({ link: '/staff/agenda', title: 'home.card.agenda.title', text: 'home.card.agenda.text', testId: 'page-agenda' });
    }
    if (this.auth.hasRole('kiosk', 'operator', 'manager'))
      cards.push({ link: '/staff/totem', title: 'home.card.kiosk.title', text: 'home.card.kiosk.text', testId: 'page-kiosk' });
    const officeId = this.choice.officeId();
    if (officeId)
      cards.push({ link: `/display/${officeId}`, title: 'home.card.display.title', text: 'home.card.display.text', testId: 'page-display', newTab: true });
    if (this.auth.hasRole('manager')) {
      cards.push({ link: '/staff/statistiche', title: 'home.card.stats.title', text: 'home.card.stats.text', testId: 'stats-link' });
      cards.push({ link: '/staff/admin', title: 'home.card.admin.title', text: 'home.card.admin.text', testId: 'link-admin' });
    }
    if (user.role === 'admin') {
      cards.push({ link: '/staff/admin/staff-users', title: 'home.card.users.title', text: 'home.card.users.text', testId: 'link-admin-users' });
      cards.push({ link: '/staff/admin/audit', title: 'home.card.audit.title', text: 'home.card.audit.text', testId: 'link-admin-audit' });
    }
    return cards;
  });

  private readonly refresher = new Refresher(() => this.load());
  protected readonly live = followOffice(
    () => this.choice.officeId(),
    () => void this.refresher.trigger(),
  );

  constructor() {
    effect(() => {
      const officeId = this.choice.officeId();
      untracked(() => {
        this.state.set(officeId ? { status: 'loading' } : { status: 'ready', data: null });
        if (officeId) void this.refresher.trigger();
      });
    });
    every(60_000, () => {
      this.now.set(this.clock());
      void this.refresher.trigger();
    });
  }

  private async load(): Promise<void> {
    const officeId = this.choice.officeId();
    if (!officeId) return;
    try {
      const today = await this.api.today(officeId);
      if (officeId !== this.choice.officeId()) return;
      this.state.set({ status: 'ready', data: today.offices.find((o) => o.officeId === officeId) ?? null });
      this.now.set(this.clock());
    } catch (error: unknown) {
      if (this.state().status !== 'ready') this.state.set({ status: 'error', failure: toApiFailure(error) });
    }
  }

  protected retry(): void {
    this.state.set({ status: 'loading' });
    void this.refresher.trigger();
  }
}
