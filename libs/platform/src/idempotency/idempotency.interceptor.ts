import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { DomainError } from '@lantern/domain';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on a response that replays a stored one. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
const MAX_KEY_LENGTH = 255;
/** How long a key is remembered; afterwards it may be reused for a new request. */
const RETENTION_HOURS = 24;
/** status_code of a reserved key whose first request has not finished. */
const IN_PROGRESS = 0;
const NOT_REPLAYABLE_KEY = 'lantern:notReplayable';

/**
 * The route's response carries a secret that must not be stored (e.g. a new
 * API key), so it cannot be replayed: an Idempotency-Key on it is refused.
 */
export const NotReplayable = () => SetMetadata(NOT_REPLAYABLE_KEY, true);

interface StoredResponse {
  request_hash: string;
  status_code: number;
  response: unknown;
}

/** JSON with object keys sorted, so that key order does not change a request's fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Only parsed JSON bodies (or none) can be fingerprinted; streamed bodies such
 * as multipart uploads are not seen here, so their routes handle repeats
 * themselves (imports are idempotent by content hash).
 */
function hasFingerprintableBody(request: FastifyRequest): boolean {
  const contentType = request.headers['content-type'];
  return contentType === undefined || contentType.startsWith('application/json');
}

/**
 * Honours `Idempotency-Key` on authenticated POSTs with a JSON body. The key is reserved
 * (per organisation) before the handler runs; on success the response is
 * stored, and a retry with the same key and the same request replays it. The
 * same key with a different request, or while the first is still running,
 * answers 409. A failed request releases its key so that it can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    const organizationId = request.principal?.organizationId;
    if (request.method !== 'POST' || key === undefined || organizationId === undefined || !hasFingerprintableBody(request)) return next.handle();
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw DomainError.validation([{ field: 'Idempotency-Key', reason: `must be a single header of 1..${MAX_KEY_LENGTH} characters` }]);
    }
    if (this.reflector.getAllAndOverride<boolean>(NOT_REPLAYABLE_KEY, [context.getHandler(), context.getClass()])) {
      throw DomainError.validation([{ field: 'Idempotency-Key', reason: 'is not supported here: the response carries a secret that is never stored' }]);
    }

    const requestHash = createHash('sha256').update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`).digest('hex');
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (!(await this.reserve(organizationId, key, requestHash))) return of(await this.replay(organizationId, key, requestHash, reply));

    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.dataSource.query(
          `UPDATE idempotency_keys SET status_code = $3, response = $4::jsonb WHERE organization_id = $1 AND key = $2`,
          [organizationId, key, reply.statusCode, JSON.stringify(body ?? null)],
        );
        return body;
      }),
      catchError((error: unknown) => from(this.release(organizationId, key)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }

  /** True when this request now owns the key (new, or the previous use has expired). */
  private async reserve(organizationId: string, key: string, requestHash: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (organization_id, key, request_hash, status_code, response)
       VALUES ($1, $2, $3, ${IN_PROGRESS}, 'null'::jsonb)
       ON CONFLICT (organization_id, key) DO UPDATE
          SET request_hash = EXCLUDED.request_hash, status_code = ${IN_PROGRESS}, response = 'null'::jsonb, created_at = now()
        WHERE idempotency_keys.created_at < now() - make_interval(hours => ${RETENTION_HOURS})
       RETURNING key`,
      [organizationId, key, requestHash],
    );
    return rows.length > 0;
  }

  private async replay(organizationId: string, key: string, requestHash: string, reply: FastifyReply): Promise<unknown> {
    const [stored]: StoredResponse[] = await this.dataSource.query(
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE organization_id = $1 AND key = $2`,
      [organizationId, key],
    );
    if (stored === undefined || stored.status_code === IN_PROGRESS) {
      throw DomainError.conflict('A request with this Idempotency-Key is in progress; retry later', [{ field: 'Idempotency-Key', reason: 'is in use' }]);
    }
    if (stored.request_hash !== requestHash) {
      throw DomainError.conflict('This Idempotency-Key was used for a different request', [{ field: 'Idempotency-Key', reason: 'was used with a different request' }]);
    }
    reply.status(stored.status_code).header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return stored.response;
  }

  private async release(organizationId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE organization_id = $1 AND key = $2 AND status_code = ${IN_PROGRESS}`, [organizationId, key]);
  }
}
