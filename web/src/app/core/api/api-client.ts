import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AppointmentCreatedDto,
  AvailabilityDto,
  AvailabilityQuery,
  CreateAppointmentRequest,
  CreateHoldRequest,
  CreateWaitlistEntryRequest,
  HoldDto,
  LegalNotesDto,
  ManagedAppointmentDto,
  OfficeDto,
  ServiceDto,
  WaitlistEntryCreatedDto,
  WaitlistUnsubscribedDto,
} from '@sportello/contracts';
import { firstValueFrom } from 'rxjs';

/** The public endpoints of the api (same origin, under /api). */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  offices(): Promise<OfficeDto[]> {
    return firstValueFrom(this.http.get<OfficeDto[]>('/api/offices'));
  }

  /** The privacy notice and the accessibility page of an office. */
  legal(officeId: string): Promise<LegalNotesDto> {
    return firstValueFrom(this.http.get<LegalNotesDto>(`/api/offices/${encodeURIComponent(officeId)}/legal`));
  }

  services(officeId: string): Promise<ServiceDto[]> {
    return firstValueFrom(
      this.http.get<ServiceDto[]>('/api/services', {
        params: new HttpParams().set('officeId', officeId),
      }),
    );
  }

  /** Free slots between two local dates (inclusive); days without free slots are omitted. */
  availability(query: AvailabilityQuery): Promise<AvailabilityDto> {
    return firstValueFrom(
      this.http.get<AvailabilityDto>('/api/availability', {
        params: new HttpParams().set('officeId', query.officeId).set('serviceId', query.serviceId).set('from', query.from).set('to', query.to),
      }),
    );
  }

  /** Keeps a place of the slot for a few minutes while the form is filled in. */
  hold(request: CreateHoldRequest): Promise<HoldDto> {
    return firstValueFrom(this.http.post<HoldDto>('/api/holds', request));
  }

  /** Gives a hold's place back (the citizen chose another time). */
  releaseHold(holdId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/holds/${encodeURIComponent(holdId)}`));
  }

  /** Books; repeating the same request with the same key returns the first answer. */
  /**
   * Gives a hold's place back as the page goes away (pagehide): a keepalive request
   * outlives the page, which HttpClient's cannot promise. Best effort: a hold not released
   * runs out on its own.
   */
  releaseHoldOnExit(holdId: string): void {
    try {
      void fetch(`/api/holds/${encodeURIComponent(holdId)}`, { method: 'DELETE', keepalive: true }).catch(() => undefined);
    } catch {
      // No fetch (very old browsers): the hold runs out.
    }
  }

  book(request: CreateAppointmentRequest, idempotencyKey: string): Promise<AppointmentCreatedDto> {
    return firstValueFrom(
      this.http.post<AppointmentCreatedDto>('/api/appointments', request, {
        headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
      }),
    );
  }

  managed(token: string): Promise<ManagedAppointmentDto> {
    return firstValueFrom(this.http.get<ManagedAppointmentDto>(manageBase(token)));
  }

  cancel(token: string): Promise<ManagedAppointmentDto> {
    return firstValueFrom(this.http.post<ManagedAppointmentDto>(`${manageBase(token)}/cancel`, {}));
  }

  reschedule(token: string, start: string): Promise<ManagedAppointmentDto> {
    return firstValueFrom(this.http.post<ManagedAppointmentDto>(`${manageBase(token)}/reschedule`, { start }));
  }

  /** Confirms attendance (the page behind the reminder's one-click link POSTs this). */
  confirmAttendance(token: string): Promise<ManagedAppointmentDto> {
    return firstValueFrom(this.http.post<ManagedAppointmentDto>(`${manageBase(token)}/confirm`, {}));
  }

  /** Joins the waiting list of a service with no free slot. */
  joinWaitlist(request: CreateWaitlistEntryRequest): Promise<WaitlistEntryCreatedDto> {
    return firstValueFrom(this.http.post<WaitlistEntryCreatedDto>('/api/waitlist', request));
  }

  /** Leaves the waiting list with the token of the notice e-mail. */
  leaveWaitlist(token: string): Promise<WaitlistUnsubscribedDto> {
    return firstValueFrom(this.http.post<WaitlistUnsubscribedDto>(`/api/waitlist/${encodeURIComponent(token)}/unsubscribe`, {}));
  }

  /** The booking's .ics file (a plain link: the browser downloads it). */
  calendarUrl(token: string): string {
    return `${manageBase(token)}/calendar.ics`;
  }
}

function manageBase(token: string): string {
  return `/api/appointments/manage/${encodeURIComponent(token)}`;
}
