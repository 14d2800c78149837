import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';
import type { AppointmentCreatedDto } from '@sportello/contracts';
import type { ApplicantForm } from './applicant-form';
import type { ChosenSlot } from './slots';

/** The booking in progress as a reload must find it again. */
export interface SavedBooking {
  serviceCode: string;
  month: string;
  selectedDate: string | null;
  selectedSlot: ChosenSlot | null;
  hold: { start: string; end: string; holdId: string; expiresAt: string } | null;
  applicant: ApplicantForm;
  /** The request waiting for an answer with its Idempotency-Key: sent again, it books once. */
  attempt: { key: string; body: string } | null;
  booking: AppointmentCreatedDto | null;
}

/** A hold this browser has open (any tab), for when the cap on open holds is reached. */
export interface KnownHold {
  holdId: string;
  serviceCode: string;
  serviceName: string;
  start: string;
  expiresAt: string;
}

const SESSION_KEY = 'sportello.booking';
const HOLDS_KEY = 'sportello.holds';

/**
 * Where the booking survives a reload: the tab's sessionStorage (gone with the tab, and
 * cleared when the booking ends), and the list of this browser's open holds in
 * localStorage (ids and times, no personal data) so that any tab can show and release them.
 * Storage may be unavailable (private modes, policies): then nothing is kept, as before.
 */
@Injectable({ providedIn: 'root' })
export class BookingSession {
  private readonly window = inject(DOCUMENT).defaultView;

  read(): SavedBooking | null {
    const saved = this.get(() => this.window?.sessionStorage, SESSION_KEY);
    return isSavedBooking(saved) ? saved : null;
  }

  write(booking: SavedBooking): void {
    this.set(() => this.window?.sessionStorage, SESSION_KEY, booking);
  }

  clear(): void {
    try {
      this.window?.sessionStorage.removeItem(SESSION_KEY);
    } catch {
      // Nothing was kept.
    }
  }

  /** This browser's holds that have not run out yet. */
  knownHolds(now: Date): KnownHold[] {
    const list = this.get(() => this.window?.localStorage, HOLDS_KEY);
    if (!Array.isArray(list)) return [];
    return (list as KnownHold[]).filter((h) => typeof h?.holdId === 'string' && Date.parse(h.expiresAt) > now.getTime());
  }

  rememberHold(hold: KnownHold, now: Date): void {
    this.set(() => this.window?.localStorage, HOLDS_KEY, [...this.knownHolds(now).filter((h) => h.holdId !== hold.holdId), hold]);
  }

  forgetHold(holdId: string, now: Date): void {
    this.set(
      () => this.window?.localStorage,
      HOLDS_KEY,
      this.knownHolds(now).filter((h) => h.holdId !== holdId),
    );
  }

  private get(storage: () => Storage | undefined, key: string): unknown {
    try {
      const text = storage()?.getItem(key);
      return text ? JSON.parse(text) : null;
    } catch {
      return null;
    }
  }

  private set(storage: () => Storage | undefined, key: string, value: unknown): void {
    try {
      storage()?.setItem(key, JSON.stringify(value));
    } catch {
      // Full or disabled: the booking still works, a reload just starts over.
    }
  }
}

function isSavedBooking(value: unknown): value is SavedBooking {
  const v = value as Partial<SavedBooking> | null;
  return !!v && typeof v.serviceCode === 'string' && typeof v.applicant === 'object' && v.applicant !== null;
}
