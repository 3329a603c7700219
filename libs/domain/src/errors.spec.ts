import { describe, expect, it } from '@jest/globals';
import { ConflictError, DOMAIN_ERROR_CODES, DomainError, NotFoundError, ValidationError, isDomainError, prefixIssues } from './errors.js';

describe('DomainError', () => {
  it('carries the codes of the API contract', () => {
    expect(DOMAIN_ERROR_CODES).toEqual([
      'validation_failed',
      'not_found',
      'conflict',
      'forbidden',
      'unauthorized',
      'payload_too_large',
      'unsupported_media_type',
      'rate_limited',
      'internal',
    ]);
  });

  it.each([
    [DomainError.validation([{ field: 'country', reason: 'unknown country' }]), ValidationError, 'validation_failed', 'Validation failed: country: unknown country'],
    [DomainError.notFound('supplier', 'abc'), NotFoundError, 'not_found', 'supplier abc not found'],
    [DomainError.conflict('external_ref already used'), ConflictError, 'conflict', 'external_ref already used'],
    [DomainError.forbidden(), DomainError, 'forbidden', 'Not allowed'],
    [DomainError.unauthorized(), DomainError, 'unauthorized', 'Authentication required'],
    [DomainError.internal('broken invariant'), DomainError, 'internal', 'broken invariant'],
    [new DomainError('rate_limited', 'slow down'), DomainError, 'rate_limited', 'slow down'],
  ])('%#: factory builds the right class, code and message', (error, cls, code, message) => {
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(isDomainError(error)).toBe(true);
  });

  it('keeps validation details and summarises at most five of them', () => {
    const details = Array.from({ length: 7 }, (_, i) => ({ field: `f${i}`, reason: 'bad' }));
    const e = DomainError.validation(details);
    expect(e.details).toEqual(details);
    expect(e.message).toBe('Validation failed: f0: bad; f1: bad; f2: bad; f3: bad; f4: bad (and 2 more)');
    expect(DomainError.validation(details, 'Row 3 is invalid').message).toBe('Row 3 is invalid');
    expect(DomainError.validation([]).message).toBe('Validation failed');
  });

  it('names the class and keeps the cause', () => {
    const cause = new Error('root');
    expect(DomainError.notFound('audit', '1').name).toBe('NotFoundError');
    expect(DomainError.validation([]).name).toBe('ValidationError');
    expect(new DomainError('internal', 'x').name).toBe('DomainError');
    expect(DomainError.internal('x', cause).cause).toBe(cause);
    const nf = DomainError.notFound('audit', '42');
    expect([nf.resource, nf.id]).toEqual(['audit', '42']);
  });

  it('is not confused with other errors', () => {
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError({ code: 'not_found' })).toBe(false);
  });
});

describe('prefixIssues', () => {
  it('prefixes field paths', () => {
    expect(prefixIssues('fees[2]', [{ field: 'currency', reason: 'r' }, { field: '', reason: 's' }])).toEqual([
      { field: 'fees[2].currency', reason: 'r' },
      { field: 'fees[2]', reason: 's' },
    ]);
  });
});
