import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AppointmentCreatedDto,
  CitizenAppointmentDto,
  CitizenDto,
  PublicConfigDto,
  RecoverAcceptedDto,
  RecoverRequest,
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
import { END_SESSION_HEADER } from '@sportello/contracts';
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

  /** The booking behind a manage link, or (signed in) one of mine by its code. */
  managed(target: ManageTarget): Promise<ManagedAppointmentDto> {
    return firstValueFrom(this.http.get<ManagedAppointmentDto>(manageBase(target)));
  }

  cancel(target: ManageTarget): Promise<ManagedAppointmentDto> {
    return firstValueFrom(this.http.post<ManagedAppointmentDto>(`${manageBase(target)}/cancel`, {}));
  }

  reschedule(target: ManageTarget, start: string): Promise<ManagedAppointmentDto> {
    return firstValueFrom(this.http.post<ManagedAppointmentDto>(`${manageBase(target)}/reschedule`, { start }));
  }

  /** Confirms attendance (the page behind the reminder's one-click link POSTs this). */
  confirmAttendance(target: ManageTarget): Promise<ManagedAppointmentDto> {
    return firstValueFrom(this.http.post<ManagedAppointmentDto>(`${manageBase(target)}/confirm`, {}));
  }

  /** E-mails the manage link again when a future booking matches both (always the same answer). */
  recover(request: RecoverRequest): Promise<RecoverAcceptedDto> {
    return firstValueFrom(this.http.post<RecoverAcceptedDto>('/api/appointments/recover', request));
  }

  /** Whether citizens can sign in with SPID/CIE here, and the button's label. */
  publicConfig(): Promise<PublicConfigDto> {
    return firstValueFrom(this.http.get<PublicConfigDto>('/api/config'));
  }

  /** The signed-in citizen (rejects with 401 when nobody is). */
  citizen(): Promise<CitizenDto> {
    return firstValueFrom(this.http.get<CitizenDto>('/api/citizen/me'));
  }

  /** Every booking of the signed-in citizen: the future ones first. */
  citizenAppointments(): Promise<CitizenAppointmentDto[]> {
    return firstValueFrom(this.http.get<CitizenAppointmentDto[]>('/api/citizen/appointments'));
  }

  /** Signs out; the answer may name the provider's logout page (END_SESSION_HEADER). */
  citizenLogout(): Promise<string | null> {
    return firstValueFrom(this.http.post('/api/citizen/logout', {}, { observe: 'response', responseType: 'text' })).then((response) =>
      response.headers.get(END_SESSION_HEADER),
    );
  }

  /** Joins the waiting list of a service with no free slot. */
  joinWaitlist(request: CreateWaitlistEntryRequest): Promise<WaitlistEntryCreatedDto> {
    return firstValueFrom(this.http.post<WaitlistEntryCreatedDto>('/api/waitlist', request));
  }

  /** Leaves the waiting list with the token of the notice e-mail. */
  leaveWaitlist(token: string): Promise<WaitlistUnsubscribedDto> {
    return firstValueFrom(this.http.post<WaitlistUnsubscribedDto>(`/api/waitlist/${encodeURIComponent(token)}/unsubscribe`, {}));
  }
}

/**
 * Which booking a manage page is about: the secret token of the e-mailed link, or the
 * booking code of a signed-in citizen's own booking. The api offers the same endpoints under
 * both bases, so one page serves both.
 */
export type ManageTarget = { token: string } | { code: string };

/** Where the api serves a manage target's booking (and, under it, cancel, reschedule, confirm, calendar.ics). */
export function manageBase(target: ManageTarget): string {
  return 'token' in target ? `/api/appointments/manage/${encodeURIComponent(target.token)}` : `/api/citizen/appointments/${encodeURIComponent(target.code)}`;
}
