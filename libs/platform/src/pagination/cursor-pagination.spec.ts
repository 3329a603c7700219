import { describe, it, expect } from '@jest/globals';
import { DomainError } from '@lantern/domain';
import { decodeCursor, encodeCursor } from './cursor-pagination.js';

describe('cursors', () => {
  const keyset = { createdAt: '2025-03-14T09:00:00.123456Z', id: '0b5f7f0e-7c5a-4c1b-9f51-8c1a3a1b2c3d' };

  it('round-trip the keyset as opaque base64url', () => {
    const cursor = encodeCursor(keyset);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(keyset);
  });

  it.each([
    ['not base64 JSON', 'garbage!'],
    ['a wrong shape', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
    ['a millisecond timestamp', encodeCursor({ ...keyset, createdAt: '2025-03-14T09:00:00.123Z' })],
    ['a non-uuid id', encodeCursor({ ...keyset, id: "1' OR 1=1" })],
  ])('reject %s as a validation error on `cursor`', (_case, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(DomainError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as DomainError).details).toEqual([{ field: 'cursor', reason: expect.any(String) }]);
    }
  });
});
