import { describe, it, expect } from '@jest/globals';
import { BadRequestException, HttpException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '@lantern/domain';
import { mapException } from './problem-mapping.js';

const pgError = (fields: Record<string, string>) => new QueryFailedError('INSERT …', [], Object.assign(new Error('pg'), fields));

describe('mapException', () => {
  it.each([
    ['validation_failed', 400],
    ['not_found', 404],
    ['conflict', 409],
    ['forbidden', 403],
    ['unauthorized', 401],
    ['payload_too_large', 413],
    ['unsupported_media_type', 415],
    ['rate_limited', 429],
  ] as const)('maps the domain code %s to %i', (code, status) => {
    expect(mapException(new DomainError(code, 'message'))).toMatchObject({ status, code, detail: 'message' });
  });

  it('keeps field issues of domain validation errors', () => {
    const issues = [{ field: 'fees[0].currency', reason: 'unknown' }];
    expect(mapException(DomainError.validation(issues)).errors).toEqual(issues);
  });

  it('hides the message of internal errors and unknown throwables', () => {
    for (const error of [DomainError.internal('key k1 missing from keyring'), new Error('secret stack detail'), 'a string']) {
      const mapped = mapException(error);
      expect(mapped.status).toBe(500);
      expect(mapped.code).toBe('internal');
      expect(mapped.detail).not.toMatch(/keyring|secret/);
    }
  });

  it('maps a unique violation to 409 naming the column without the tenant column', () => {
    const mapped = mapException(pgError({ code: '23505', constraint: 'uq_supplier_ref', detail: 'Key (organization_id, external_ref)=(x, y) already exists.' }));
    expect(mapped).toMatchObject({ status: 409, code: 'conflict', errors: [{ field: 'externalRef', reason: 'must be unique' }] });
  });

  it('maps foreign-key, check and not-null violations to 400 naming the field', () => {
    expect(mapException(pgError({ code: '23503', detail: 'Key (supplier_id)=(x) is not present in table "suppliers".' })).errors).toEqual([
      { field: 'supplierId', reason: 'references a record that does not exist' },
    ]);
    expect(mapException(pgError({ code: '23514', constraint: 'chk_supplier_lei' }))).toMatchObject({ status: 400, errors: [{ field: 'lei', reason: 'violates chk_supplier_lei' }] });
    expect(mapException(pgError({ code: '23502', column: 'wage_currency' })).errors).toEqual([{ field: 'wageCurrency', reason: 'is required' }]);
    expect(mapException(pgError({ code: '22P02' }))).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('treats other database errors as server faults', () => {
    expect(mapException(pgError({ code: 'XX000' }))).toMatchObject({ status: 500, code: 'internal' });
  });

  it("maps Fastify's body errors by their code", () => {
    const fastify = (code: string, status: number) => new HttpException('raw', status, { cause: Object.assign(new Error('raw'), { code }) });
    expect(mapException(fastify('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415))).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(mapException(fastify('FST_ERR_CTP_BODY_TOO_LARGE', 413))).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(mapException(fastify('FST_ERR_CTP_INVALID_JSON_BODY', 400))).toMatchObject({ status: 400, code: 'malformed_json' });
  });

  it('maps Nest HTTP exceptions by status and keeps 503 as service_unavailable', () => {
    expect(mapException(new NotFoundException('Cannot GET /x'))).toMatchObject({ status: 404, code: 'not_found', detail: 'Cannot GET /x' });
    expect(mapException(new BadRequestException(['a', 'b']))).toMatchObject({ status: 400, detail: 'a; b' });
    expect(mapException(new ServiceUnavailableException('Not ready: redis unavailable'))).toMatchObject({ status: 503, code: 'service_unavailable' });
  });

  it('maps lost or refused PostgreSQL and Redis connections to 503 service_unavailable, other errors stay 500', () => {
    const errno = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
    const unavailable = [
      errno('ECONNREFUSED'),
      errno('ECONNRESET'),
      new AggregateError([errno('ECONNREFUSED')], 'connect failed'),
      pgError({ code: '57P01' }), // terminating connection due to administrator command
      pgError({ code: '08006' }),
      new Error('Connection terminated unexpectedly'),
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      new Error('Connection is closed.'),
      new Error('Command timed out'),
      Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }),
      new Error('enqueue failed', { cause: errno('ECONNREFUSED') }),
    ];
    for (const error of unavailable) {
      expect(mapException(error)).toMatchObject({ status: 503, code: 'service_unavailable' });
    }
    expect(mapException(new Error('Connection pool of ours is fine'))).toMatchObject({ status: 500 });
    expect(mapException(pgError({ code: 'XX000' }))).toMatchObject({ status: 500 });
  });

  it('maps a deadlock or serialization failure to 503 (nothing was written; a retry succeeds), not 500', () => {
    for (const code of ['40P01', '40001', '55P03']) {
      expect(mapException(pgError({ code }))).toMatchObject({ status: 503, code: 'service_unavailable', detail: expect.stringMatching(/concurrent work/) });
    }
  });
});
