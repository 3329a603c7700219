import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrganizationKind, Role } from '@lantern/domain';
import { apiKeyMatches, parseApiKey } from './api-keys.js';
import type { Principal } from './principal.js';

/** `last_used_at` is refreshed at most this often per key, to keep authentication read-only. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const BEARER = /^Bearer ([^\s]+)$/i;

interface ApiKeyRow {
  id: string;
  organization_id: string;
  role: Role;
  key_hash: string;
  last_used_at: Date | null;
  organization_kind: OrganizationKind;
}

/** Resolves `Authorization: Bearer lnt_…` to a Principal, or null when the key is missing, malformed, unknown or revoked. */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly logger = new Logger(ApiKeyAuthenticator.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async authenticate(authorization: string | undefined): Promise<Principal | null> {
    const key = BEARER.exec(authorization ?? '')?.[1];
    const parsed = key === undefined ? null : parseApiKey(key);
    if (key === undefined || parsed === null) return null;

    const rows: ApiKeyRow[] = await this.dataSource.query(
      `SELECT k.id, k.organization_id, k.role, k.key_hash, k.last_used_at, o.kind AS organization_kind
         FROM api_keys k JOIN organizations o ON o.id = k.organization_id
        WHERE k.prefix = $1 AND k.revoked_at IS NULL`,
      [parsed.prefix],
    );
    const row = rows[0];
    if (row === undefined || !apiKeyMatches(key, row.key_hash)) return null;

    this.touch(row);
    return { organizationId: row.organization_id, organizationKind: row.organization_kind, role: row.role, apiKeyId: row.id };
  }

  /** Fire-and-forget: a failed bookkeeping write must not fail the request. */
  private touch(row: ApiKeyRow): void {
    if (row.last_used_at !== null && Date.now() - row.last_used_at.getTime() < LAST_USED_RESOLUTION_MS) return;
    this.dataSource
      .query(
        `UPDATE api_keys SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`,
        [row.id, LAST_USED_RESOLUTION_MS / 1000],
      )
      .catch((err: Error) => this.logger.warn(`could not record use of api key ${row.id}: ${err.message}`));
  }
}
