import type { OrganizationKind, Role } from '@lantern/domain';

/** Who is calling: resolved from the API key by ApiKeyAuthGuard. */
export interface Principal {
  organizationId: string;
  organizationKind: OrganizationKind;
  role: Role;
  apiKeyId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by ApiKeyAuthGuard on every non-public route. */
    principal?: Principal;
  }
}
