import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ScoringReason } from '@lantern/domain';
import { queryFnOf, ScoringProducer } from '@lantern/platform';

/**
 * How API writes ask for re-scoring (ARCHITECTURE.md flow 2). Inside the
 * change's transaction, `markSites` records the affected sites in the scoring
 * outbox, so the request commits or rolls back with the change. After commit,
 * `sitesChanged` / `organizationChanged` queue the job. Queueing never fails
 * the request: when Redis is away the outbox keeps the sites for the next run.
 */
@Injectable()
export class ScoringTrigger {
  private readonly logger = new Logger(ScoringTrigger.name);

  constructor(private readonly producer: ScoringProducer) {}

  async markSites(em: EntityManager, organizationId: string, siteIds: ReadonlyArray<string | null | undefined>, reason: ScoringReason): Promise<void> {
    const ids = siteIds.filter((id): id is string => typeof id === 'string');
    await this.producer.markSitesDirty(queryFnOf(em), organizationId, ids, reason);
  }

  async sitesChanged(organizationId: string, reason: ScoringReason): Promise<void> {
    await this.producer.requestSitesRescore(organizationId, { reason }).catch((err: unknown) => this.queueFailed(organizationId, err));
  }

  async organizationChanged(organizationId: string, reason: ScoringReason): Promise<void> {
    await this.producer.requestFullRescore(organizationId, { reason }).catch((err: unknown) => this.queueFailed(organizationId, err));
  }

  private queueFailed(organizationId: string, err: unknown): void {
    this.logger.warn(`could not queue scoring for organisation ${organizationId} (kept in the outbox for the next run): ${String(err)}`);
  }
}
