import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { SelectQueryBuilder } from 'typeorm';
import { DomainError } from '@lantern/domain';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;
const MAX_CURSOR_LENGTH = 200;
const CURSOR_FIELD = 'cursor';

/** `?limit=&cursor=` of every list endpoint; list queries extend it with their filters. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = DEFAULT_PAGE_LIMIT;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (`nextCursor`)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Base of the OpenAPI page schemas; each resource declares `data` with its own item type. */
export class PageResponseBase {
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` to get the next page; null on the last page' })
  nextCursor: string | null;
}

/** Position after a row in (created_at, id) order. created_at is kept at full microsecond precision. */
interface Keyset {
  createdAt: string;
  id: string;
}

const KEYSET_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_COLUMN = 'lantern_cursor_created_at';

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.createdAt, keyset.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === 2 && KEYSET_TIMESTAMP.test(String(decoded[0])) && UUID.test(String(decoded[1]))) {
    return { createdAt: String(decoded[0]), id: String(decoded[1]) };
  }
  throw DomainError.validation([{ field: CURSOR_FIELD, reason: 'is not a cursor returned by this list' }]);
}

/**
 * One page of `qb` in stable (created_at, id) order, by keyset: no offsets, no
 * duplicates or gaps between pages while rows are inserted. `qb` carries the
 * tenant scope and filters; its main alias must be an entity with `id` and
 * `created_at` columns.
 */
export async function paginate<E extends { id: string }>(qb: SelectQueryBuilder<E>, page: { limit: number; cursor?: string }): Promise<Page<E>> {
  const alias = qb.alias;
  const query = qb
    .clone()
    .addSelect(`to_char("${alias}"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, CURSOR_COLUMN)
    .orderBy(`"${alias}"."created_at"`, 'ASC')
    .addOrderBy(`"${alias}"."id"`, 'ASC')
    .limit(page.limit + 1);
  if (page.cursor !== undefined) {
    const after = decodeCursor(page.cursor);
    query.andWhere(`("${alias}"."created_at", "${alias}"."id") > (CAST(:cursorCreatedAt AS timestamptz), CAST(:cursorId AS uuid))`, {
      cursorCreatedAt: after.createdAt,
      cursorId: after.id,
    });
  }
  const { entities, raw } = await query.getRawAndEntities<Record<string, string>>();
  const data = entities.slice(0, page.limit);
  const hasMore = entities.length > page.limit;
  const last = data.at(-1);
  return {
    data,
    nextCursor: hasMore && last ? encodeCursor({ createdAt: raw[data.length - 1][CURSOR_COLUMN], id: last.id }) : null,
  };
}

/** Every row of `qb`, fetched page by page (for exports that must not hold the whole result in memory). */
export async function* paginateAll<E extends { id: string }>(qb: SelectQueryBuilder<E>, batchSize = MAX_PAGE_LIMIT): AsyncGenerator<E> {
  let cursor: string | undefined;
  do {
    const page = await paginate(qb, { limit: batchSize, cursor });
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
