import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type * as z from 'zod';
import { ApiError, FieldProblem } from './api-error';
import { isMessageKey } from './messages';

/**
 * The one validation pipe: parses a body, a query string or a path parameter with its
 * schema from libs/contracts and answers 400 VALIDATION_FAILED listing every wrong field
 * at once (`citizen.fiscalCode`, `outcomes[0].code`), in the caller's language. The
 * schemas' issues carry the api's message keys and their params (see
 * libs/contracts/src/lib/schema/fields.ts).
 *
 * `@Body(new Valid(Schema))`, `@Query(new Valid(Schema))`, `@Param('officeId', new Valid(uuidParam()))`.
 */
export class Valid<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(readonly schema: S) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<S> {
    // A single path parameter is reported under its own name.
    return parse(this.schema, value, metadata.type === 'param' && metadata.data ? metadata.data : undefined);
  }
}

/** Parses `value` with `schema`, or throws the 400 with every problem found. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, root?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw ApiError.validation(result.error.issues.map((issue) => problemOf(issue, root)));
}

function problemOf(issue: z.core.$ZodIssue, root: string | undefined): FieldProblem {
  const path = [...(root ? [root] : []), ...issue.path];
  const field = path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '');
  // Every issue of the schemas names a message key; anything else (a schema's own type
  // check) is a plain "invalid request".
  const key = isMessageKey(issue.message) ? issue.message : 'badRequest';
  const params = (issue as { params?: Record<string, string | number> }).params;
  return { field, key, ...(params && { params }) };
}

/**
 * Parses several values (a body and a path parameter, say) and throws one 400 with the
 * problems of all of them; each entry is `[schema, value, field?]`.
 */
export function parseAll<A extends z.ZodType, B extends z.ZodType>(a: [A, unknown, string?], b: [B, unknown, string?]): [z.output<A>, z.output<B>] {
  const problems: FieldProblem[] = [];
  const results = [a, b].map(([schema, value, root]) => {
    const result = schema.safeParse(value);
    if (!result.success) problems.push(...result.error.issues.map((issue) => problemOf(issue, root)));
    return result.data;
  });
  if (problems.length > 0) throw ApiError.validation(problems);
  return results as [z.output<A>, z.output<B>];
}
