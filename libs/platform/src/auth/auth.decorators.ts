import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError, type Role } from '@lantern/domain';
import type { Principal } from './principal.js';

export const IS_PUBLIC_KEY = 'lantern:isPublic';
export const ROLES_KEY = 'lantern:roles';

/** No API key needed (health, metrics, docs). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Roles allowed to call the handler (or every handler of the controller). A
 * regulator key is read-only whatever this says.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller. Only valid on routes that are not @Public(). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw DomainError.internal('CurrentPrincipal used on a route without authentication');
  return principal;
});
