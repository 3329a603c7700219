import { Injectable, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { mergeMap, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@lantern/platform';

/** Audit action of a file handed out by the API (CSV exports, original uploads, report PDFs, rejection lists). */
export const EXPORT_AUDIT_ACTION = 'export.downloaded';

/**
 * Records the use of an API key for an export: every authenticated answer
 * that is a file (`?format=csv` on a list, `GET /imports/:id/file`,
 * `GET /reports/:id/pdf`, `GET /imports/:id/rejections`) appends an
 * `export.downloaded` event to the organisation's chain (subject: the path
 * exported; after digest: the route and the query) before the first byte is
 * sent. If the event cannot be written, nothing is exported.
 */
@Injectable()
export class ExportAuditInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method !== 'GET') return next.handle();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const principal = request.principal;
        if (body instanceof StreamableFile && principal !== undefined) {
          const path = request.url.split('?')[0]!;
          await this.dataSource.transaction((em) =>
            AuditTrail.record(em, principal, {
              action: EXPORT_AUDIT_ACTION,
              subjectType: 'export',
              subjectId: path,
              after: { route: request.routeOptions.url ?? path, query: request.query ?? {} },
            }),
          );
        }
        return body;
      }),
    );
  }
}
