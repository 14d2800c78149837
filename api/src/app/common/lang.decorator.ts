import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Language } from '@sportello/contracts';
import type { FastifyRequest } from 'fastify';
import { languageFromHeader } from './language';

/** The caller's language (it/en) from Accept-Language. */
export const Lang = createParamDecorator((_: unknown, ctx: ExecutionContext): Language => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return languageFromHeader(request.headers['accept-language']);
});
