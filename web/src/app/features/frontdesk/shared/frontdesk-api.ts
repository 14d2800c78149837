import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AgendaEntryDto, DeskDto, DisplayDto, PublicNoticesDto, PublicTicketDto, TicketDto, TodayDto } from '@sportello/contracts';
import { firstValueFrom, map } from 'rxjs';

export interface IssueTicketRequest {
  serviceId: string;
  priority: boolean;
  name?: string;
  /** Staff only: issue it although the office is closed (after confirming). */
  force?: boolean;
}

export interface CheckInResult {
  ticket: TicketDto;
  /** False when the appointment had already been checked in (the same ticket again). */
  created: boolean;
}

const enc = encodeURIComponent;

/** The front-desk endpoints of the api: tickets, check-in, desks, agenda and the public views. */
@Injectable({ providedIn: 'root' })
export class FrontDeskApi {
  private readonly http = inject(HttpClient);

  desks(officeId: string): Promise<DeskDto[]> {
    return firstValueFrom(this.http.get<DeskDto[]>(`/api/offices/${enc(officeId)}/desks`));
  }

  /** Everyone waiting in the office, in calling order. */
  queue(officeId: string): Promise<TicketDto[]> {
    return firstValueFrom(this.http.get<TicketDto[]>(`/api/offices/${enc(officeId)}/queue`));
  }

  agenda(officeId: string, date: string | null, q: string | null): Promise<AgendaEntryDto[]> {
    let params = new HttpParams();
    if (date) params = params.set('date', date);
    if (q) params = params.set('q', q);
    return firstValueFrom(this.http.get<AgendaEntryDto[]>(`/api/offices/${enc(officeId)}/agenda`, { params }));
  }

  /** Public: the waiting-room screen (calls, waits per service, the queue rules). */
  display(officeId: string): Promise<DisplayDto> {
    return firstValueFrom(this.http.get<DisplayDto>(`/api/offices/${enc(officeId)}/display`));
  }

  /** Public: the office's notices showing now (closures included) and when that changes next. */
  notices(officeId: string): Promise<PublicNoticesDto> {
    return firstValueFrom(this.http.get<PublicNoticesDto>(`/api/offices/${enc(officeId)}/notices`));
  }

  /** Public: one ticket's position and estimated wait. */
  publicTicket(ticketId: string): Promise<PublicTicketDto> {
    return firstValueFrom(this.http.get<PublicTicketDto>(`/api/tickets/${enc(ticketId)}`));
  }

  issue(officeId: string, request: IssueTicketRequest): Promise<TicketDto> {
    return firstValueFrom(this.http.post<TicketDto>(`/api/offices/${enc(officeId)}/tickets`, request));
  }

  /** 201: checked in now; 200: it already was (same ticket). `force` skips the too-early/too-late rules (staff only). */
  checkIn(code: string, force = false): Promise<CheckInResult> {
    return firstValueFrom(
      this.http
        .post<TicketDto>(`/api/appointments/${enc(code)}/check-in`, force ? { force: true } : {}, { observe: 'response' })
        .pipe(map((response) => ({ ticket: response.body as TicketDto, created: response.status === 201 }))),
    );
  }

  /** Today's numbers of one office (the staff home). */
  today(officeId: string): Promise<TodayDto> {
    return firstValueFrom(this.http.get<TodayDto>('/api/staff/today', { params: new HttpParams().set('officeId', officeId) }));
  }

  /** "Chiama numero…": one waiting ticket to this desk. */
  call(deskId: string, ticketId: string): Promise<TicketDto> {
    return firstValueFrom(this.http.post<TicketDto>(`/api/desks/${enc(deskId)}/call`, { ticketId }));
  }

  /** Takes back this desk's "Assente" or "Concludi" of the ticket (within UNDO_SECONDS). */
  undo(deskId: string, ticketId: string): Promise<TicketDto> {
    return firstValueFrom(this.http.post<TicketDto>(`/api/desks/${enc(deskId)}/undo`, { ticketId }));
  }

  /** The called ticket, or null (204) when nobody waits for the desk's services. */
  callNext(deskId: string): Promise<TicketDto | null> {
    return firstValueFrom(
      this.http
        .post<TicketDto>(`/api/desks/${enc(deskId)}/call-next`, {}, { observe: 'response' })
        .pipe(map((response) => (response.status === 204 ? null : response.body))),
    );
  }

  recall(deskId: string): Promise<TicketDto> {
    return firstValueFrom(this.http.post<TicketDto>(`/api/desks/${enc(deskId)}/recall`, {}));
  }

  start(deskId: string): Promise<TicketDto> {
    return firstValueFrom(this.http.post<TicketDto>(`/api/desks/${enc(deskId)}/start`, {}));
  }

  complete(deskId: string, outcome: string): Promise<TicketDto> {
    return firstValueFrom(this.http.post<TicketDto>(`/api/desks/${enc(deskId)}/complete`, { outcome }));
  }

  noShow(deskId: string): Promise<TicketDto> {
    return firstValueFrom(this.http.post<TicketDto>(`/api/desks/${enc(deskId)}/no-show`, {}));
  }

  transfer(deskId: string, serviceId: string): Promise<TicketDto> {
    return firstValueFrom(this.http.post<TicketDto>(`/api/desks/${enc(deskId)}/transfer`, { serviceId }));
  }

  pause(deskId: string, paused: boolean): Promise<DeskDto> {
    return firstValueFrom(this.http.post<DeskDto>(`/api/desks/${enc(deskId)}/pause`, { paused }));
  }
}
