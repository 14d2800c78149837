import { computed, inject, Injectable, signal } from '@angular/core';
import { StaffAuth } from '../../core/auth/staff-auth';
import { chooseOffice, OFFICE_CHOICE_KEY, readPreference, writePreference } from '../frontdesk/shared/preferences';

/**
 * The office the staff pages work on: chosen in the staff header (for accounts with
 * several offices), remembered on this computer, and read by the desk, the agenda, the
 * statistics, the kiosk and the administration, so that one switch moves them all.
 */
@Injectable({ providedIn: 'root' })
export class OfficeChoice {
  private readonly auth = inject(StaffAuth);
  private readonly chosen = signal<string | null>(readPreference(OFFICE_CHOICE_KEY));

  /** The account's offices (an admin: every office). */
  readonly offices = computed(() => this.auth.user()?.offices ?? []);
  /** The chosen office if the account still has it, else its first; null without offices. */
  readonly officeId = computed(() => chooseOffice(this.offices(), this.chosen()));
  readonly office = computed(() => this.offices().find((o) => o.id === this.officeId()) ?? null);
  /** Whether there is anything to choose. */
  readonly several = computed(() => this.offices().length > 1);

  choose(officeId: string): void {
    if (!this.offices().some((o) => o.id === officeId)) return;
    writePreference(OFFICE_CHOICE_KEY, officeId);
    this.chosen.set(officeId);
  }
}
