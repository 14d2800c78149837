import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TextDecoder } from 'node:util';

// The api ran on Express first; clients (and the tests) rely on how it read bodies and
// tagged responses. These keep that behaviour on Fastify.

type Done = (error: Error | null, body?: unknown) => void;

/** Express's default limit for JSON and form bodies: 100 kB. */
export const EXPRESS_BODY_LIMIT = 100 * 1024;

/** The charset parameter of the request's Content-Type, lower-cased. */
function charsetOf(request: FastifyRequest): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
}

function decode(body: Buffer, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new UnsupportedMediaTypeException();
  }
  return decoder.decode(body);
}

/**
 * JSON as Express's json() reads it: UTF-8/16 only (else 415), an empty body is `{}`,
 * only an object or an array at the top (else 400), plain JSON.parse.
 */
export function parseJson(request: FastifyRequest, body: Buffer, done: Done): void {
  const charset = charsetOf(request) ?? 'utf-8';
  if (!charset.startsWith('utf-')) return done(new UnsupportedMediaTypeException());
  let text: string;
  try {
    text = decode(body, charset);
  } catch (error) {
    return done(error as Error);
  }
  if (text.length === 0) return done(null, {});
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return done(new BadRequestException());
  try {
    done(null, JSON.parse(text));
  } catch {
    done(new BadRequestException());
  }
}

/** Text as Express's text() reads it: in the charset of the Content-Type (UTF-8 by default), without a BOM. */
export function parseText(request: FastifyRequest, body: Buffer, done: Done): void {
  try {
    done(null, decode(body, charsetOf(request) ?? 'utf-8'));
  } catch (error) {
    done(error as Error);
  }
}

/** Bodies of other types stay unread (undefined), as in Express, instead of Fastify's 415. */
export function ignoreBody(_request: FastifyRequest, _payload: IncomingMessage, done: Done): void {
  done(null, undefined);
}

/**
 * Does the request carry a body of this media type? As Express's `request.is()`: never
 * without a body, and parameters such as charset do not count.
 */
export function hasBodyOfType(request: FastifyRequest, mediaType: string): boolean {
  const { headers } = request;
  const hasBody = headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(headers['content-length']));
  return hasBody && (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() === mediaType;
}

/** The ETag Express computes for a body (the `etag` package): length in hex, then 27 characters of SHA-1. */
export function expressEtag(payload: string | Buffer): string {
  const length = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  return `W/"${length.toString(16)}-${createHash('sha1').update(payload).digest('base64').substring(0, 27)}"`;
}

/**
 * onSend: as Express's `response.send()`, tags every string or Buffer body with a weak
 * ETag and answers 304, without a body or its type, when the client holds it already.
 * Static files are tagged and checked by @fastify/static (their payload is a stream).
 */
export function tagAndCheckFreshness(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: Done): void {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
  if (!reply.hasHeader('ETag')) reply.header('ETag', expressEtag(payload));
  if (!isFresh(request, reply)) return done(null, payload);
  reply.code(304).removeHeader('Content-Type').removeHeader('Content-Length');
  // Fastify's HEAD handler (a later hook) needs the body to count it; Node sends no body with a 304.
  done(null, request.method === 'HEAD' ? payload : null);
}

/** Express's `request.fresh` (the `fresh` package): the client's copy is current. */
function isFresh(request: FastifyRequest, reply: FastifyReply): boolean {
  const status = reply.statusCode;
  if ((request.method !== 'GET' && request.method !== 'HEAD') || !((status >= 200 && status < 300) || status === 304)) return false;
  const noneMatch = request.headers['if-none-match'];
  const modifiedSince = request.headers['if-modified-since'];
  if (!noneMatch && !modifiedSince) return false;
  if (/(?:^|,)\s*?no-cache\s*?(?:,|$)/.test(request.headers['cache-control'] ?? '')) return false;
  // If-None-Match takes precedence over If-Modified-Since.
  if (noneMatch) {
    if (noneMatch === '*') return true;
    const etag = String(reply.getHeader('ETag'));
    return noneMatch.split(',').some((match) => {
      const tag = match.trim();
      return tag === etag || `W/${tag}` === etag || tag === `W/${etag}`;
    });
  }
  const lastModified = reply.getHeader('Last-Modified');
  return lastModified !== undefined && Date.parse(String(lastModified)) <= Date.parse(modifiedSince as string);
}
