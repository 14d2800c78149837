import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AvailabilityDto, OfficeDto, ServiceDto, SlotDto } from '@sportello/contracts';
import { MAX_AVAILABILITY_RANGE_DAYS } from '@sportello/contracts';
import { map, Observable, of, Subscription, switchMap } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { ApiFailure, failureMessage, toApiFailure } from '../../core/api/api-error';
import { CLOCK } from '../../core/clock';
import { formatLongDate, formatMonth, formatTime, OFFICE_TIME_ZONE } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { AvailabilityCalendar } from './availability-calendar';
import { BookingSteps } from './booking-steps';
import { addDays, dateInTimeZone, initialMonth, IsoDate, IsoMonth, monthOf } from './calendar-month';

interface BookingData {
  office: OfficeDto;
  service: ServiceDto;
  availability: AvailabilityDto;
  from: IsoDate;
  to: IsoDate;
}

type BookingState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; failure: ApiFailure }
  | { status: 'ready'; data: BookingData };

/**
 * Step "Data e orario" of the booking flow: the service comes from the URL, the office is
 * the URP's; the citizen picks a free day in the calendar, then a time.
 */
@Component({
  selector: 'sp-booking',
  imports: [RouterLink, BookingSteps, AvailabilityCalendar],
  templateUrl: './booking.html',
  styleUrl: './booking.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Booking {
  /** Route parameter `:serviceCode` (e.g. CIE). */
  readonly serviceCode = input.required<string>();

  private readonly api = inject(ApiClient);
  private readonly clock = inject(CLOCK);
  protected readonly i18n = inject(I18n);

  protected readonly state = signal<BookingState>({ status: 'loading' });
  protected readonly month = signal<IsoMonth>('');
  protected readonly selectedDate = signal<IsoDate | null>(null);
  protected readonly selectedSlot = signal<SlotDto | null>(null);
  /** Text for the polite live region (what changed after a choice). */
  protected readonly announcement = signal('');
  private subscription?: Subscription;

  protected readonly data = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });

  protected readonly serviceName = computed(() => {
    const service = this.data()?.service;
    return service ? this.i18n.pick(service.names, service.name) : '';
  });

  private readonly timeZone = computed(() => this.data()?.availability.timeZone || OFFICE_TIME_ZONE);

  /** Free slots by date; days whose slots are all taken are left out. */
  private readonly slotsByDate = computed(() => {
    const byDate = new Map<IsoDate, SlotDto[]>();
    for (const day of this.data()?.availability.days ?? []) {
      const free = day.slots.filter((slot) => slot.remaining > 0);
      if (free.length) byDate.set(day.date, free);
    }
    return byDate;
  });

  protected readonly availableDates = computed<ReadonlySet<IsoDate>>(
    () => new Set(this.slotsByDate().keys()),
  );
  protected readonly minMonth = computed(() => monthOf(this.data()?.from ?? '0000-01-01'));
  protected readonly maxMonth = computed(() => monthOf(this.data()?.to ?? '0000-01-01'));
  protected readonly monthHasFreeDays = computed(() =>
    [...this.availableDates()].some((date) => monthOf(date) === this.month()),
  );

  protected readonly slots = computed(() => {
    const date = this.selectedDate();
    const locale = this.i18n.locale();
    const timeZone = this.timeZone();
    return (date ? (this.slotsByDate().get(date) ?? []) : []).map((slot) => ({
      slot,
      time: formatTime(slot.start, locale, timeZone),
      remaining: this.i18n.plural('slot.remaining', slot.remaining),
    }));
  });

  protected readonly selectedDateLabel = computed(() => {
    const date = this.selectedDate();
    return date ? formatLongDate(date, this.i18n.locale()) : '';
  });

  protected readonly choice = computed(() => {
    const slot = this.selectedSlot();
    const date = this.selectedDate();
    if (!slot || !date) return null;
    return this.i18n.t('booking.choice', {
      date: formatLongDate(date, this.i18n.locale()),
      time: formatTime(slot.start, this.i18n.locale(), this.timeZone()),
      service: this.serviceName(),
    });
  });

  protected readonly stepDetails = computed(() => ({
    office: this.data()?.office.name,
    service: this.serviceName() || undefined,
  }));

  protected readonly errorText = computed(() => {
    const state = this.state();
    return state.status === 'error'
      ? failureMessage(state.failure, (key) => this.i18n.t(key))
      : '';
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
    // (Re)load whenever the service in the URL changes.
    effect(() => {
      const code = this.serviceCode();
      untracked(() => this.load(code));
    });
  }

  protected retry(): void {
    this.load(this.serviceCode());
  }

  protected selectDate(date: IsoDate): void {
    if (date !== this.selectedDate()) this.selectedSlot.set(null);
    this.selectedDate.set(date);
    this.announcement.set(
      this.i18n.t('booking.status.day', {
        date: formatLongDate(date, this.i18n.locale()),
        count: this.slotsByDate().get(date)?.length ?? 0,
      }),
    );
  }

  protected selectSlot(slot: SlotDto): void {
    this.selectedSlot.set(slot);
    this.announcement.set(
      this.i18n.t('booking.status.time', {
        time: formatTime(slot.start, this.i18n.locale(), this.timeZone()),
      }),
    );
  }

  protected monthName(month: IsoMonth): string {
    return formatMonth(month, this.i18n.locale());
  }

  private load(serviceCode: string): void {
    this.subscription?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.selectedDate.set(null);
    this.selectedSlot.set(null);
    this.announcement.set('');

    // Today in the office's zone, and the longest range the api answers in one call.
    const from = dateInTimeZone(this.clock(), OFFICE_TIME_ZONE);
    const to = addDays(from, MAX_AVAILABILITY_RANGE_DAYS - 1);
    const wanted = serviceCode.trim().toUpperCase();

    this.subscription = this.api
      .offices()
      .pipe(
        switchMap((offices): Observable<BookingData | null> => {
          const office = offices[0];
          if (!office) return of(null);
          return this.api.services(office.id).pipe(
            switchMap((services) => {
              const service = services.find((s) => s.code.toUpperCase() === wanted);
              if (!service) return of(null);
              return this.api
                .availability({ officeId: office.id, serviceId: service.id, from, to })
                .pipe(map((availability) => ({ office, service, availability, from, to })));
            }),
          );
        }),
      )
      .subscribe({
        next: (data) => {
          if (!data) {
            this.state.set({ status: 'missing' });
            return;
          }
          const freeDates = data.availability.days
            .filter((day) => day.slots.some((slot) => slot.remaining > 0))
            .map((day) => day.date);
          this.month.set(initialMonth(freeDates, from));
          this.state.set({ status: 'ready', data });
        },
        error: (error: unknown) => this.state.set({ status: 'error', failure: toApiFailure(error) }),
      });
  }
}
