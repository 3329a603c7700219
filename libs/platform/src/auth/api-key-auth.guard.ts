import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, type Role } from '@lantern/domain';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { AuthFailureLimiter } from './auth-failure-limiter.js';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import type { Principal } from './principal.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Roles that may call a mutating route that declares no @Roles(). */
export const DEFAULT_WRITER_ROLES: readonly Role[] = ['admin', 'compliance', 'auditor'];

/**
 * Global guard: authenticates the API key, puts the Principal on the request,
 * and authorises the role. Regulator keys are read-only everywhere; mutating
 * routes are open to their @Roles() (default DEFAULT_WRITER_ROLES); reads are
 * open to every role of the organisation unless @Roles() narrows them.
 */
@Injectable()
export class ApiKeyAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly limiter: AuthFailureLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await this.limiter.assertAllowed(request.ip);
    const principal = await this.authenticator.authenticate(request.headers.authorization);
    if (principal === null) {
      await this.limiter.recordFailure(request.ip);
      throw DomainError.unauthorized('A valid API key is required: Authorization: Bearer lnt_…');
    }
    request.principal = principal;
    this.authorize(principal, request.method, this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets));
    return true;
  }

  private authorize(principal: Principal, method: string, roles: Role[] | undefined): void {
    const mutating = !READ_METHODS.has(method);
    if (mutating && principal.role === 'regulator') throw DomainError.forbidden('Regulator keys are read-only');
    const allowed = roles ?? (mutating ? DEFAULT_WRITER_ROLES : undefined);
    if (allowed !== undefined && !allowed.includes(principal.role)) {
      throw DomainError.forbidden(`This action needs one of the roles: ${allowed.join(', ')}`);
    }
  }
}
