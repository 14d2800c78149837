import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AdminDeskChangeDto,
  AdminNoticeDto,
  AdminDeskDto,
  AdminOfficeDto,
  AdminServiceChangeDto,
  AdminServiceDto,
  AdminStaffUserDto,
  AuditPageDto,
  ClosureDto,
  ClosureInput,
  DeskInput,
  NoticeInput,
  OfficeInput,
  OfficeSettingsDto,
  OfficeSettingsInput,
  OpeningHoursChangeDto,
  OpeningHoursDto,
  OpeningHoursInput,
  ServiceInput,
  StaffUserCreateInput,
  StaffUserUpdateInput,
} from '@sportello/contracts';
import { firstValueFrom } from 'rxjs';

/** Filters of the audit log (`GET /api/audit`); empty values are left out. */
export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entity?: string;
  page?: number;
  pageSize?: number;
}

const office = (officeId: string) => `/api/admin/offices/${encodeURIComponent(officeId)}`;

/**
 * The administration endpoints, as promises (each page awaits one answer at a time).
 * Unsafe requests carry the X-XSRF-TOKEN header, added by HttpClient.
 */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  offices(): Promise<AdminOfficeDto[]> {
    return firstValueFrom(this.http.get<AdminOfficeDto[]>('/api/admin/offices'));
  }

  createOffice(input: OfficeInput): Promise<AdminOfficeDto> {
    return firstValueFrom(this.http.post<AdminOfficeDto>('/api/admin/offices', input));
  }

  updateOffice(officeId: string, input: OfficeInput): Promise<AdminOfficeDto> {
    return firstValueFrom(this.http.put<AdminOfficeDto>(office(officeId), input));
  }

  deleteOffice(officeId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(office(officeId)));
  }

  settings(officeId: string): Promise<OfficeSettingsDto> {
    return firstValueFrom(this.http.get<OfficeSettingsDto>(`${office(officeId)}/settings`));
  }

  saveSettings(officeId: string, input: OfficeSettingsInput): Promise<OfficeSettingsDto> {
    return firstValueFrom(this.http.put<OfficeSettingsDto>(`${office(officeId)}/settings`, input));
  }

  services(officeId: string): Promise<AdminServiceDto[]> {
    return firstValueFrom(this.http.get<AdminServiceDto[]>(`${office(officeId)}/services`));
  }

  createService(officeId: string, input: ServiceInput): Promise<AdminServiceDto> {
    return firstValueFrom(this.http.post<AdminServiceDto>(`${office(officeId)}/services`, input));
  }

  updateService(officeId: string, serviceId: string, input: ServiceInput): Promise<AdminServiceChangeDto> {
    return firstValueFrom(this.http.put<AdminServiceChangeDto>(`${office(officeId)}/services/${encodeURIComponent(serviceId)}`, input));
  }

  deleteService(officeId: string, serviceId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${office(officeId)}/services/${encodeURIComponent(serviceId)}`));
  }

  openingHours(officeId: string): Promise<OpeningHoursDto> {
    return firstValueFrom(this.http.get<OpeningHoursDto>(`${office(officeId)}/opening-hours`));
  }

  saveOpeningHours(officeId: string, input: OpeningHoursInput): Promise<OpeningHoursChangeDto> {
    return firstValueFrom(this.http.put<OpeningHoursChangeDto>(`${office(officeId)}/opening-hours`, input));
  }

  desks(officeId: string): Promise<AdminDeskDto[]> {
    return firstValueFrom(this.http.get<AdminDeskDto[]>(`${office(officeId)}/desks`));
  }

  createDesk(officeId: string, input: DeskInput): Promise<AdminDeskDto> {
    return firstValueFrom(this.http.post<AdminDeskDto>(`${office(officeId)}/desks`, input));
  }

  updateDesk(officeId: string, deskId: string, input: DeskInput): Promise<AdminDeskChangeDto> {
    return firstValueFrom(this.http.put<AdminDeskChangeDto>(`${office(officeId)}/desks/${encodeURIComponent(deskId)}`, input));
  }

  deleteDesk(officeId: string, deskId: string, confirm = false): Promise<void> {
    const params = confirm ? new HttpParams().set('confirm', 'true') : undefined;
    return firstValueFrom(this.http.delete<void>(`${office(officeId)}/desks/${encodeURIComponent(deskId)}`, { params }));
  }

  closures(officeId: string): Promise<ClosureDto[]> {
    return firstValueFrom(this.http.get<ClosureDto[]>(`/api/offices/${encodeURIComponent(officeId)}/closures`));
  }

  createClosure(officeId: string, input: ClosureInput): Promise<ClosureDto> {
    return firstValueFrom(this.http.post<ClosureDto>(`/api/offices/${encodeURIComponent(officeId)}/closures`, input));
  }

  deleteClosure(officeId: string, closureId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/offices/${encodeURIComponent(officeId)}/closures/${encodeURIComponent(closureId)}`));
  }

  notices(officeId: string): Promise<AdminNoticeDto[]> {
    return firstValueFrom(this.http.get<AdminNoticeDto[]>(`/api/admin/offices/${encodeURIComponent(officeId)}/notices`));
  }

  createNotice(officeId: string, input: NoticeInput): Promise<AdminNoticeDto> {
    return firstValueFrom(this.http.post<AdminNoticeDto>(`/api/admin/offices/${encodeURIComponent(officeId)}/notices`, input));
  }

  updateNotice(officeId: string, noticeId: string, input: NoticeInput): Promise<AdminNoticeDto> {
    return firstValueFrom(this.http.put<AdminNoticeDto>(`/api/admin/offices/${encodeURIComponent(officeId)}/notices/${encodeURIComponent(noticeId)}`, input));
  }

  deleteNotice(officeId: string, noticeId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/admin/offices/${encodeURIComponent(officeId)}/notices/${encodeURIComponent(noticeId)}`));
  }

  staffUsers(): Promise<AdminStaffUserDto[]> {
    return firstValueFrom(this.http.get<AdminStaffUserDto[]>('/api/admin/staff-users'));
  }

  createStaffUser(input: StaffUserCreateInput): Promise<AdminStaffUserDto> {
    return firstValueFrom(this.http.post<AdminStaffUserDto>('/api/admin/staff-users', input));
  }

  updateStaffUser(userId: string, input: StaffUserUpdateInput): Promise<AdminStaffUserDto> {
    return firstValueFrom(this.http.put<AdminStaffUserDto>(`/api/admin/staff-users/${encodeURIComponent(userId)}`, input));
  }

  resetPassword(userId: string, password: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/admin/staff-users/${encodeURIComponent(userId)}/password`, { password }));
  }

  audit(query: AuditQuery): Promise<AuditPageDto> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return firstValueFrom(this.http.get<AuditPageDto>('/api/audit', { params }));
  }
}
