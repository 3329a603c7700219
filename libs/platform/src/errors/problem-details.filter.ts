import { ArgumentsHost, Catch, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_FAILURE_WINDOW_SECONDS } from '../auth/auth-failure-limiter.js';
import { mapException, statusTitle, UNAVAILABLE_RETRY_AFTER_SECONDS } from './problem-mapping.js';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemResponse } from './problem.js';

/**
 * Renders every error as RFC 9457 `application/problem+json`. A 5xx never
 * leaks its cause to the client; it is logged with the request id instead.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const mapped = mapException(exception);

    if (mapped.code === 'service_unavailable') {
      // Expected while PostgreSQL or Redis is down (and from /health/ready then): one line, no stack.
      this.logger.warn(`request ${request.id} ${request.method} ${request.url}: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else if (mapped.status >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error(`request ${request.id} ${request.method} ${request.url} failed`, exception instanceof Error ? exception.stack : String(exception));
    }

    const problem: ProblemResponse = {
      type: problemType(mapped.code),
      title: statusTitle(mapped.status),
      status: mapped.status,
      detail: mapped.detail,
      instance: request.url,
      code: mapped.code,
      requestId: request.id,
      ...(mapped.errors && mapped.errors.length > 0 ? { errors: mapped.errors } : {}),
    };

    if (reply.sent) return;
    if (mapped.status === HttpStatus.UNAUTHORIZED) reply.header('www-authenticate', 'Bearer realm="lantern"');
    // The only 429 is the authentication-failure limiter: its fixed window ends within this many seconds.
    if (mapped.status === HttpStatus.TOO_MANY_REQUESTS) reply.header('retry-after', String(AUTH_FAILURE_WINDOW_SECONDS));
    if (mapped.status === HttpStatus.SERVICE_UNAVAILABLE) reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    reply.status(mapped.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}
