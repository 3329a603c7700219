import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { DomainError } from '@lantern/domain';

/**
 * A PATCH must carry a JSON object with at least one field: a missing, null,
 * non-object or empty body is a client error (400), not a silent no-op that
 * answers 200. Runs after authentication and before validation.
 */
@Injectable()
export class NonEmptyPatchInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      if (request.method === 'PATCH') {
        const body = request.body;
        if (body === null || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body) || Object.keys(body).length === 0) {
          throw DomainError.validation([{ field: 'body', reason: 'must be a JSON object with at least one field to change' }]);
        }
      }
    }
    return next.handle();
  }
}
