import { HealthDtoSchema } from '@sportello/contracts/schemas';
import { Doc, DocTag } from '../common/openapi';
import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthDto } from '@sportello/contracts';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { ping } from '../database/db';

const READY_TIMEOUT_MS = 2000;

@DocTag('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The process is up (for restarts by an orchestrator). */
  @Get('live')
  @Doc({ ok: HealthDtoSchema, okDescription: '{ "status": "ok" }' })
  @HttpCode(200)
  live(): HealthDto {
    return { status: 'ok' };
  }

  /** The api can serve requests: the database answers (for load balancers). */
  @Get('ready')
  @Doc({
    ok: HealthDtoSchema,
    errors: { 503: { codes: ['SERVICE_UNAVAILABLE'], description: '{ "status": "error", "checks": { "database": "error" } }' } },
    okDescription: '{ "status": "ok", "checks": { "database": "ok" } }',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const database = await this.databaseAnswers();
    if (!database) reply.status(503);
    return { status: database ? 'ok' : 'error', checks: { database: database ? 'ok' : 'error' } };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)));
    const query = ping(this.db).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
