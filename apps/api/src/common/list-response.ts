import type { StreamableFile } from '@nestjs/common';
import type { Page } from '@lantern/platform';
import { csvFile } from './csv.js';
import type { ListQuery } from './list.query.js';

/** Where a list endpoint's rows come from: one page, or every matching row for an export. */
export interface ListSource<E> {
  page(): Promise<Page<E>>;
  all(): AsyncIterable<E>;
}

export interface ListPresentation<E, R> {
  toResponse(entity: E): R;
  /** File name (without .csv) and column order of the CSV export. */
  csvName: string;
  csvColumns: readonly (keyof R & string)[];
}

async function* mapRows<E, R>(rows: AsyncIterable<E>, map: (e: E) => R): AsyncGenerator<R> {
  for await (const row of rows) yield map(row);
}

/** Answer a list request as a JSON page (`{ data, nextCursor }`) or, with `?format=csv`, a streamed CSV export. */
export async function listResponse<E, R>(query: ListQuery, source: ListSource<E>, presentation: ListPresentation<E, R>): Promise<Page<R> | StreamableFile> {
  if (query.format === 'csv') {
    return csvFile(presentation.csvName, presentation.csvColumns, mapRows(source.all(), (e) => presentation.toResponse(e)));
  }
  const page = await source.page();
  return { data: page.data.map((e) => presentation.toResponse(e)), nextCursor: page.nextCursor };
}
