import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminNoticeDto, NoticePriority, PublicNoticeDto, PublicNoticesDto } from '@sportello/contracts';
import { CLOSURE_NOTICE_DAYS } from '@sportello/contracts';
import { DataSource, LessThan, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuditActor } from '../audit/audit.service';
import { changedFields } from '../audit/audit-details';
import { Closure } from '../calendar/closure.entity';
import { Service } from '../calendar/service.entity';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { transaction, type Tx } from '../database/db';
import { RealtimeService } from '../realtime/realtime.service';
import { Notice } from './notice.entity';

export interface NoticeWrite {
  priority: NoticePriority;
  textIt: string;
  textEn: string | null;
  start: Date;
  end: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function toAdminDto(n: Notice): AdminNoticeDto {
  return {
    id: n.id,
    officeId: n.officeId,
    priority: n.priority,
    textIt: n.textIt,
    textEn: n.textEn,
    start: n.startsAt.toISOString(),
    end: n.endsAt.toISOString(),
    createdBy: n.createdBy,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a notice: its content, never who reads it. */
function summary(n: Notice): Record<string, unknown> {
  return { priority: n.priority, textIt: n.textIt, textEn: n.textEn, start: n.startsAt.toISOString(), end: n.endsAt.toISOString() };
}

const ORDER: Record<string, number> = { ALERT: 0, CLOSURE: 1, INFO: 2 };

/**
 * The comune's notices on the office's screens. Managers write them (each change audited
 * and published on the office's event stream in its own transaction, so the display and the
 * kiosk refetch on commit); the screens read the ones showing now, with the office's
 * closures of the next CLOSURE_NOTICE_DAYS days derived from the closure table.
 */
@Injectable()
export class NoticeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  /** Every notice that has not ended, soonest first (then the ended ones of the last 30 days). */
  async list(officeId: string): Promise<AdminNoticeDto[]> {
    const since = new Date(this.clock.now().getTime() - 30 * DAY_MS);
    const notices = await this.db.getRepository(Notice).find({ where: { officeId, endsAt: MoreThan(since) }, order: { startsAt: 'ASC', createdAt: 'ASC' } });
    return notices.map(toAdminDto);
  }

  async create(actor: AuditActor, officeId: string, input: NoticeWrite): Promise<AdminNoticeDto> {
    return transaction(this.db, async (tx) => {
      const repository = tx.getRepository(Notice);
      const notice = await repository.save(
        repository.create({
          officeId,
          priority: input.priority,
          textIt: input.textIt,
          textEn: input.textEn,
          startsAt: input.start,
          endsAt: input.end,
          createdBy: actor.username,
        }),
      );
      await this.audit.record(actor, { action: 'CREATE', entity: 'notice', entityId: notice.id, officeId, details: { after: summary(notice) } }, tx);
      await this.changed(tx, officeId, notice.id);
      return toAdminDto(notice);
    });
  }

  async update(actor: AuditActor, officeId: string, noticeId: string, input: NoticeWrite): Promise<AdminNoticeDto> {
    return transaction(this.db, async (tx) => {
      const repository = tx.getRepository(Notice);
      const notice = await this.require(tx, officeId, noticeId);
      const before = summary(notice);
      Object.assign(notice, { priority: input.priority, textIt: input.textIt, textEn: input.textEn, startsAt: input.start, endsAt: input.end });
      const saved = await repository.save(notice);
      const after = summary(saved);
      const changes = changedFields(before, after);
      if (Object.keys(changes).length > 0)
        await this.audit.record(actor, { action: 'UPDATE', entity: 'notice', entityId: noticeId, officeId, details: { changes } }, tx);
      await this.changed(tx, officeId, noticeId);
      return toAdminDto(saved);
    });
  }

  async remove(actor: AuditActor, officeId: string, noticeId: string): Promise<void> {
    await transaction(this.db, async (tx) => {
      const notice = await this.require(tx, officeId, noticeId);
      await tx.getRepository(Notice).delete({ id: noticeId, officeId });
      await this.audit.record(actor, { action: 'DELETE', entity: 'notice', entityId: noticeId, officeId, details: { before: summary(notice) } }, tx);
      await this.changed(tx, officeId, noticeId);
    });
  }

  /**
   * The notices showing now (start ≤ now < end) and the closures that have not ended and
   * start within CLOSURE_NOTICE_DAYS; `nextChangeAt` is the next start or end that changes
   * the list, so a screen schedules one refetch then instead of polling.
   */
  async showing(officeId: string): Promise<PublicNoticesDto> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + CLOSURE_NOTICE_DAYS * DAY_MS);
    const [notices, upcoming, closures] = await Promise.all([
      this.db.getRepository(Notice).find({ where: { officeId, startsAt: LessThan(new Date(now.getTime() + 1)), endsAt: MoreThan(now) } }),
      this.db.getRepository(Notice).findOne({ where: { officeId, startsAt: MoreThan(now) }, order: { startsAt: 'ASC' } }),
      this.db.getRepository(Closure).find({ where: { officeId, endsAt: MoreThan(now) }, order: { startsAt: 'ASC' } }),
    ]);
    const shownClosures = closures.filter((c) => c.startsAt < horizon);
    const serviceIds = [...new Set(shownClosures.map((c) => c.serviceId).filter((id): id is string => id !== null))];
    const services = serviceIds.length ? await this.db.getRepository(Service).findBy(serviceIds.map((id) => ({ id }))) : [];
    const names = new Map(services.map((s) => [s.id, { it: s.nameIt, en: s.nameEn }]));

    const shown: PublicNoticeDto[] = [
      ...notices.map((n): PublicNoticeDto => ({
        id: n.id,
        kind: 'NOTICE',
        priority: n.priority,
        text: { it: n.textIt, en: n.textEn },
        start: n.startsAt.toISOString(),
        end: n.endsAt.toISOString(),
        service: null,
      })),
      ...shownClosures.map((c): PublicNoticeDto => ({
        id: c.id,
        kind: 'CLOSURE',
        priority: 'INFO',
        text: c.reason ? { it: c.reason, en: null } : null,
        start: c.startsAt.toISOString(),
        end: c.endsAt.toISOString(),
        service: c.serviceId ? (names.get(c.serviceId) ?? null) : null,
      })),
    ].sort((a, b) => rank(a) - rank(b) || a.start.localeCompare(b.start));

    // The next boundary: a shown notice's end, an upcoming notice's start, a closure entering the horizon or ending.
    const boundaries = [
      ...notices.map((n) => n.endsAt.getTime()),
      ...(upcoming ? [upcoming.startsAt.getTime()] : []),
      ...shownClosures.map((c) => c.endsAt.getTime()),
      ...closures.filter((c) => c.startsAt >= horizon).map((c) => c.startsAt.getTime() - CLOSURE_NOTICE_DAYS * DAY_MS),
    ].filter((t) => t > now.getTime());
    const next = boundaries.length ? new Date(Math.min(...boundaries)).toISOString() : null;
    return { officeId, notices: shown, nextChangeAt: next };
  }

  private async require(tx: Tx, officeId: string, noticeId: string): Promise<Notice> {
    const notice = await tx.getRepository(Notice).findOneBy({ id: noticeId, officeId });
    if (!notice) throw ApiError.notFound('notice.notFound', 'noticeId');
    return notice;
  }

  private changed(tx: Tx, officeId: string, noticeId: string): Promise<void> {
    return this.realtime.publish(tx, { type: 'notice', officeId, noticeId });
  }
}

function rank(n: PublicNoticeDto): number {
  return n.kind === 'CLOSURE' ? ORDER['CLOSURE'] : ORDER[n.priority];
}
