import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { isDomainError, type DomainErrorCode, type FieldIssue } from '@lantern/domain';

/** What the filter renders, before the request-specific `instance` and `requestId` are added. */
export interface MappedProblem {
  status: number;
  code: string;
  detail: string;
  errors?: FieldIssue[];
}

function domainStatus(code: DomainErrorCode): HttpStatus {
  switch (code) {
    case 'validation_failed':
      return HttpStatus.BAD_REQUEST;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'unauthorized':
      return HttpStatus.UNAUTHORIZED;
    case 'payload_too_large':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'unsupported_media_type':
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case 'rate_limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'internal':
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped domain error code ${String(unreachable)}`);
    }
  }
}

const HTTP_STATUS_CODES: Partial<Record<number, string>> = {
  [HttpStatus.BAD_REQUEST]: 'bad_request',
  [HttpStatus.UNAUTHORIZED]: 'unauthorized',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'method_not_allowed',
  [HttpStatus.CONFLICT]: 'conflict',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate_limited',
};

/** Fastify's own request errors (body parsing, content types), keyed by their `code`. */
const FASTIFY_ERRORS: Record<string, { status: HttpStatus; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, code: 'unsupported_media_type', detail: 'Unsupported Content-Type: send application/json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: HttpStatus.PAYLOAD_TOO_LARGE, code: 'payload_too_large', detail: 'The request body is larger than the server accepts' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: HttpStatus.BAD_REQUEST, code: 'bad_request', detail: 'The Content-Length header does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: HttpStatus.BAD_REQUEST, code: 'malformed_json', detail: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: HttpStatus.BAD_REQUEST, code: 'malformed_json', detail: 'The body is not valid JSON' },
};

/** PostgreSQL SQLSTATEs a request can cause (anything else is a server fault). */
const PG = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  invalidTextRepresentation: '22P02',
  stringTooLong: '22001',
  numericOutOfRange: '22003',
  invalidDatetime: '22007',
  datetimeOutOfRange: '22008',
  characterNotInRepertoire: '22021',
  untranslatableCharacter: '22P05',
} as const;

interface PgDriverError {
  code?: string;
  detail?: string;
  constraint?: string;
  column?: string;
}

const snakeToCamel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `Key (organization_id, external_ref)=(…) already exists.` -> `externalRef` (the tenant column is implied). */
function fieldFromKeyDetail(detail: string | undefined): string | undefined {
  const columns = /Key \(([^)]+)\)/.exec(detail ?? '')?.[1];
  if (columns === undefined) return undefined;
  const named = columns
    .split(',')
    .map((c) => c.trim().replace(/^lower\((.*)\)$/, '$1'))
    .filter((c) => c !== 'organization_id');
  return named.length > 0 ? named.map(snakeToCamel).join(',') : undefined;
}

/** `chk_supplier_lei` -> `lei`; the constraint name is reported whole when it has no field suffix. */
function fieldFromCheckConstraint(constraint: string | undefined): string {
  const match = /^chk_[a-z]+_(.+)$/.exec(constraint ?? '');
  return match ? snakeToCamel(match[1]) : (constraint ?? 'body');
}

function mapQueryFailed(error: QueryFailedError): MappedProblem | undefined {
  const pg = error.driverError as PgDriverError;
  switch (pg.code) {
    case PG.uniqueViolation: {
      const field = fieldFromKeyDetail(pg.detail) ?? pg.constraint ?? 'body';
      return { status: HttpStatus.CONFLICT, code: 'conflict', detail: `A record with this ${field} already exists`, errors: [{ field, reason: 'must be unique' }] };
    }
    case PG.foreignKeyViolation: {
      const field = fieldFromKeyDetail(pg.detail) ?? pg.constraint ?? 'body';
      return { status: HttpStatus.BAD_REQUEST, code: 'validation_failed', detail: `${field} does not reference an existing record`, errors: [{ field, reason: 'references a record that does not exist' }] };
    }
    case PG.checkViolation: {
      const field = fieldFromCheckConstraint(pg.constraint);
      return { status: HttpStatus.BAD_REQUEST, code: 'validation_failed', detail: `${field} is out of the allowed range`, errors: [{ field, reason: `violates ${pg.constraint ?? 'a check constraint'}` }] };
    }
    case PG.notNullViolation: {
      const field = snakeToCamel(pg.column ?? 'body');
      return { status: HttpStatus.BAD_REQUEST, code: 'validation_failed', detail: `${field} is required`, errors: [{ field, reason: 'is required' }] };
    }
    case PG.invalidTextRepresentation:
    case PG.stringTooLong:
    case PG.numericOutOfRange:
    case PG.invalidDatetime:
    case PG.datetimeOutOfRange:
    case PG.characterNotInRepertoire:
    case PG.untranslatableCharacter:
      return { status: HttpStatus.BAD_REQUEST, code: 'bad_request', detail: 'A value has the wrong format or is out of range' };
    default:
      return undefined;
  }
}

function fastifyCode(exception: HttpException): string | undefined {
  const cause = exception.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

function mapHttpException(exception: HttpException): MappedProblem {
  const known = FASTIFY_ERRORS[fastifyCode(exception) ?? ''];
  if (known) return { ...known };
  const status = exception.getStatus();
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
  return { status, code: HTTP_STATUS_CODES[status] ?? (status >= 500 ? 'internal' : `http_${status}`), detail };
}

const INTERNAL: MappedProblem = {
  status: HttpStatus.INTERNAL_SERVER_ERROR,
  code: 'internal',
  detail: 'An unexpected error occurred; quote the requestId when reporting it',
};

/** Seconds a client is asked to wait (Retry-After) when a backing service is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const UNAVAILABLE: MappedProblem = {
  status: HttpStatus.SERVICE_UNAVAILABLE,
  code: 'service_unavailable',
  detail: 'A backing service (database or queue) is unavailable; nothing was changed unless stated otherwise. Retry shortly',
};

/**
 * PostgreSQL aborted the transaction because of concurrent work, not because
 * of the request: deadlock_detected, serialization_failure, lock_not_available.
 * Nothing was written; the same request succeeds when retried.
 */
const PG_TRANSIENT = new Set(['40P01', '40001', '55P03']);

const TRANSIENT: MappedProblem = {
  status: HttpStatus.SERVICE_UNAVAILABLE,
  code: 'service_unavailable',
  detail: 'The database aborted the change because of concurrent work (deadlock or serialization failure); nothing was changed. Retry shortly',
};

/** True when the error (or its driverError/cause) is one of PG_TRANSIENT. */
export function isTransientDatabaseError(exception: unknown): boolean {
  return anyInChain(exception, (e) => typeof e.code === 'string' && PG_TRANSIENT.has(e.code));
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  name?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** `test` on the error and on what it wraps (`driverError`, `cause`, AggregateError's `errors`), a few levels deep. */
function anyInChain(exception: unknown, test: (e: ErrorLike) => boolean, depth = 0): boolean {
  if (exception === null || typeof exception !== 'object' || depth > 5) return false;
  const e = exception as ErrorLike;
  if (test(e)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => anyInChain(inner, test, depth + 1))) return true;
  return anyInChain(e.driverError, test, depth + 1) || anyInChain(e.cause, test, depth + 1);
}

/** Socket-level failures of node-pg and ioredis (Node's errno codes). */
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL SQLSTATEs that mean "the server is going away or not accepting connections" (class 08 is every connection exception). */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03']);
/** Errors node-pg and ioredis raise without a code when the connection is lost, closed or cannot take commands. */
const LOST_CONNECTION_MESSAGES = [
  /^Connection terminated/, // node-pg: the server closed the connection (shutdown, crash)
  /^timeout exceeded when trying to connect/, // node-pg pool
  /^Client has encountered a connection error and is not queryable/, // node-pg
  /^Connection is closed\.?$/, // ioredis
  /enableOfflineQueue options is false/, // ioredis: disconnected, commands fail fast
  /^Command timed out/, // ioredis commandTimeout
  /^Reached the max retries per request limit/, // ioredis MaxRetriesPerRequestError
];

/**
 * True when the error says PostgreSQL or Redis cannot be reached right now
 * (refused, reset, shut down, timed out), looking through `driverError` and
 * `cause` chains. Those are answered 503 with Retry-After, not 500: the request
 * was fine and will succeed once the service is back.
 */
export function isServiceUnavailableError(exception: unknown): boolean {
  return anyInChain(
    exception,
    (e) =>
      (typeof e.code === 'string' && (NETWORK_ERROR_CODES.has(e.code) || PG_UNAVAILABLE.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) ||
      e.name === 'MaxRetriesPerRequestError' ||
      (typeof e.message === 'string' && LOST_CONNECTION_MESSAGES.some((re) => re.test(e.message as string))),
  );
}

/** Map anything thrown while serving a request to a problem; unknown errors become an opaque 500. */
export function mapException(exception: unknown): MappedProblem {
  if (isDomainError(exception)) {
    const status = domainStatus(exception.code);
    if (status >= HttpStatus.INTERNAL_SERVER_ERROR) return INTERNAL;
    return { status, code: exception.code, detail: exception.message, errors: exception.details };
  }
  if (exception instanceof HttpException) {
    const mapped = mapHttpException(exception);
    if (mapped.status === HttpStatus.SERVICE_UNAVAILABLE) return { ...mapped, code: 'service_unavailable' };
    return mapped.status >= HttpStatus.INTERNAL_SERVER_ERROR ? INTERNAL : mapped;
  }
  if (isServiceUnavailableError(exception)) return UNAVAILABLE;
  if (isTransientDatabaseError(exception)) return TRANSIENT;
  if (exception instanceof QueryFailedError) return mapQueryFailed(exception) ?? INTERNAL;
  return INTERNAL;
}

export const statusTitle = (status: number): string => STATUS_CODES[status] ?? 'Error';
