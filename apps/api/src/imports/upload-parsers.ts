import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ImportFormat } from '@lantern/domain';

/** Media types of a raw (non-multipart) upload body, and the format each one means (null: say it with ?format=). */
export const RAW_UPLOAD_TYPES: Readonly<Record<string, ImportFormat | null>> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/x-jsonlines': 'ndjson',
  'application/octet-stream': null,
};

/**
 * A raw upload body, handed to the handler unread so that it is streamed into
 * storage instead of buffered. The stream is not enumerable: code that
 * inspects request bodies generically (the Idempotency-Key fingerprint, loggers)
 * sees an empty object, not a socket.
 */
export class RawUpload {
  declare readonly stream: Readable;

  constructor(stream: Readable) {
    Object.defineProperty(this, 'stream', { value: stream, enumerable: false });
  }
}

/** `text/csv; charset=utf-8` -> `text/csv` */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Register pass-through content-type parsers for the raw upload types (the
 * body stays a stream; the size limit is enforced while storing it). Types
 * some other module already parses are left alone. Must run before the
 * Fastify instance is ready (onModuleInit is).
 */
export function installUploadParsers(fastify: FastifyInstance): void {
  for (const type of Object.keys(RAW_UPLOAD_TYPES)) {
    if (fastify.hasContentTypeParser(type)) continue;
    fastify.addContentTypeParser(type, (_request, payload, done) => done(null, new RawUpload(payload as unknown as Readable)));
  }
}
