import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AvailabilityDto, AvailabilityQuery, OfficeDto, ServiceDto } from '@sportello/contracts';
import { Observable } from 'rxjs';

/** The public calendar endpoints of the api (same origin, under /api). */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  offices(): Observable<OfficeDto[]> {
    return this.http.get<OfficeDto[]>('/api/offices');
  }

  services(officeId: string): Observable<ServiceDto[]> {
    return this.http.get<ServiceDto[]>('/api/services', {
      params: new HttpParams().set('officeId', officeId),
    });
  }

  /** Free slots between two local dates (inclusive); days without free slots are omitted. */
  availability(query: AvailabilityQuery): Observable<AvailabilityDto> {
    return this.http.get<AvailabilityDto>('/api/availability', {
      params: new HttpParams()
        .set('officeId', query.officeId)
        .set('serviceId', query.serviceId)
        .set('from', query.from)
        .set('to', query.to),
    });
  }
}
