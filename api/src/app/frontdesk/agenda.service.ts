import { Injectable } from '@nestjs/common';
import type { AgendaEntryDto, AgendaStatus, TodayDto } from '@sportello/contracts';
import { fiscalCodeKey, localToday, validateFiscalCode } from '@sportello/domain';
import { AuditService } from '../audit/audit.service';
import { assertOfficeAccess } from '../auth/staff-access';
import type { StaffPrincipal } from '../auth/auth.repository';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { FrontDeskRepository, TicketRow } from './frontdesk.repository';
import { dayBounds, QueueViews, toOpenState } from './queue-views';

/** The staff's day: the home page's numbers and the agenda of appointments. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly repository: FrontDeskRepository,
    private readonly views: QueueViews,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The staff home's numbers: for each office of the account (or one), today in its zone. */
  async today(actor: StaffPrincipal, officeId: string | null): Promise<TodayDto> {
    if (officeId) assertOfficeAccess(actor, officeId);
    // An admin's officeIds are every office.
    const ids = officeId ? [officeId] : actor.officeIds;
    const offices = await Promise.all(
      ids.map(async (id) => {
        const office = await this.views.office(id);
        const date = localToday(this.clock.now(), office.timeZone);
        const { from, to } = dayBounds(date, office.timeZone);
        const [counts, open] = await Promise.all([this.repository.today(id, date, from, to), this.calendar.openNow(id)]);
        return {
          officeId: id,
          officeName: office.name,
          date,
          booked: counts.booked,
          arrived: counts.arrived,
          walkIns: counts.walk_ins,
          waiting: counts.waiting,
          served: counts.served,
          open: toOpenState(open),
        };
      }),
    );
    return { offices: offices.sort((a, b) => a.officeName.localeCompare(b.officeName, 'it')) };
  }

  async agenda(actor: StaffPrincipal, officeId: string, date: string | null, q: string | null): Promise<AgendaEntryDto[]> {
    assertOfficeAccess(actor, officeId);
    const office = await this.views.office(officeId);
    const day = date ?? localToday(this.clock.now(), office.timeZone);
    const { from, to } = dayBounds(day, office.timeZone);
    const search = q ? q.replace(/[\\%_]/g, '\\$&') : null;
    // A whole codice fiscale finds the person under any of its omocodia spellings.
    const person = q && validateFiscalCode(q).valid ? fiscalCodeKey(q) : null;
    const rows = await this.repository.agenda(officeId, from, to, search, person);
    // Citizens' personal data were shown: who, which day, whether it was a search (never
    // its text, which may be a codice fiscale or a name), and the booking codes seen.
    await this.audit.recordView(actor, {
      entity: 'agenda',
      entityId: officeId,
      officeId,
      date: day,
      search: q !== null,
      appointments: rows.map((r) => r.code),
    });
    return rows.map((r) => ({
      appointmentId: r.id,
      code: r.code,
      start: r.start_at.toISOString(),
      end: r.end_at.toISOString(),
      serviceId: r.service_id,
      serviceName: { it: r.name_it, en: r.name_en },
      citizenName: `${r.first_name} ${r.last_name}`,
      fiscalCode: r.fiscal_code,
      phone: r.phone,
      status: agendaStatus(r.status, r.ticket_status),
      ticketId: r.ticket_id,
      ticketNumber: r.display_number,
    }));
  }
}

function agendaStatus(appointment: 'BOOKED' | 'CANCELLED', ticket: TicketRow['status'] | null): AgendaStatus {
  if (appointment === 'CANCELLED') return 'CANCELLED';
  switch (ticket) {
    case null:
      return 'BOOKED';
    case 'WAITING':
      return 'CHECKED_IN';
    case 'CALLED':
      return 'CALLED';
    case 'IN_SERVICE':
      return 'IN_SERVICE';
    case 'DONE':
      return 'DONE';
    case 'NO_SHOW':
      return 'NO_SHOW';
    default:
      return 'CANCELLED';
  }
}
