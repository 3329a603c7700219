import { Injectable, Module } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Job, JobState, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  JOBS,
  QUEUES,
  scoringDedupIds,
  type ScoreOrganizationJob,
  type ScoreSitesJob,
  type ScoringReason,
} from '@lantern/domain';
import { DatabaseModule } from '../database/database.module.js';
import { QueueModule } from '../queue/queue.module.js';
import { queryFnOf, type QueryFn } from './scoring-inputs.js';

export interface ScoringRequest {
  reason: ScoringReason;
  /** YYYY-MM-DD; default: the day the job runs. */
  asOf?: string;
}

export interface EnqueueForOrganizationOptions extends ScoringRequest {
  /** Sites whose data changed. Absent: re-score the whole organisation. Empty: nothing to do. */
  siteIds?: readonly string[];
}

/** Where a scoring request went. */
export interface ScoringJobRef {
  jobId: string;
  name: typeof JOBS.scoreOrganization | typeof JOBS.scoreSites;
  /**
   * `queued`: a new job. `merged`: a waiting job of the organisation already covers it.
   * `after-active`: a job of the organisation is running; this one starts when it ends.
   */
  disposition: 'queued' | 'merged' | 'after-active';
}

export interface ScoringJobView {
  id: string;
  name: string;
  organizationId: string;
  reason: string;
  state: JobState | 'unknown' | 'scheduled';
  /** 0..1 */
  progress: number;
  phase: string | null;
  result: Record<string, unknown> | null;
  failedReason: string | null;
  attemptsMade: number;
  createdAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Enqueues scoring work. Each organisation has at most one running and one
 * waiting job per job name (BullMQ deduplication with keepLastIfActive), and
 * the runner serialises runs of one organisation with an advisory lock, so
 * a burst of changes costs one or two runs, never parallel ones.
 *
 * Affected sites are recorded in `scoring_pending_sites` (an outbox in
 * PostgreSQL): the job payload names only the organisation, and the job
 * claims every pending site when it runs. A change made while a job waits or
 * runs is therefore never lost.
 *
 * Usable without Nest (CLI, import worker, tests): `new ScoringQueueClient(queue)`.
 */
export class ScoringQueueClient {
  constructor(readonly queue: Queue) {}

  /** Full re-score of the organisation. */
  async requestFullRescore(organizationId: string, request: ScoringRequest): Promise<ScoringJobRef> {
    const data: ScoreOrganizationJob = { schemaVersion: 1, organizationId, reason: request.reason, ...(request.asOf ? { asOf: request.asOf } : {}) };
    return this.add(JOBS.scoreOrganization, data, scoringDedupIds.scoreOrganization(organizationId, request.asOf));
  }

  /**
   * Record that these sites changed. Call it inside the transaction of the
   * change when you can (outbox), then `requestSitesRescore` after commit.
   */
  async markSitesDirty(query: QueryFn, organizationId: string, siteIds: readonly string[], reason: ScoringReason): Promise<number> {
    const ids = [...new Set(siteIds)].filter((id) => UUID.test(id));
    if (ids.length === 0) return 0;
    const rows = await query(
      `INSERT INTO scoring_pending_sites (organization_id, site_id, reason)
       SELECT $1, s.id, $3 FROM sites s WHERE s.organization_id = $1 AND s.id = ANY($2::uuid[])
       ON CONFLICT (organization_id, site_id) DO UPDATE SET requested_at = now(), reason = EXCLUDED.reason
       RETURNING site_id`,
      [organizationId, ids, reason],
    );
    return rows.length;
  }

  /** Score the organisation's pending sites (and the recruiters and suppliers that depend on them). */
  async requestSitesRescore(organizationId: string, request: ScoringRequest): Promise<ScoringJobRef> {
    const data: ScoreSitesJob = { schemaVersion: 1, organizationId, reason: request.reason, ...(request.asOf ? { asOf: request.asOf } : {}) };
    return this.add(JOBS.scoreSites, data, scoringDedupIds.scoreSites(organizationId));
  }

  /**
   * The one call the rest of the code base needs after data changed:
   * `siteIds` given -> mark them and queue `score-sites`; absent -> `score-organization`.
   * `query` runs the outbox insert (pass the transaction's EntityManager/pg client to make it atomic with the change).
   */
  async enqueueForOrganization(query: QueryFn, organizationId: string, options: EnqueueForOrganizationOptions): Promise<ScoringJobRef | null> {
    if (options.siteIds === undefined) return this.requestFullRescore(organizationId, options);
    const marked = await this.markSitesDirty(query, organizationId, options.siteIds, options.reason);
    if (marked === 0) return null;
    return this.requestSitesRescore(organizationId, options);
  }

  /** A scoring job of the organisation (null when it does not exist or belongs to another one). */
  async getJob(organizationId: string, jobId: string): Promise<ScoringJobView | null> {
    const job = (await this.queue.getJob(jobId)) as Job<ScoreOrganizationJob | ScoreSitesJob> | undefined;
    if (job === undefined || job === null) return this.scheduledView(organizationId, jobId);
    if (job.data?.organizationId !== organizationId) return null;
    const state = await job.getState();
    const progress = job.progress as { progress?: number; phase?: string } | number | undefined;
    const ratio = typeof progress === 'number' ? progress : (progress?.progress ?? 0);
    const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);
    return {
      id: String(job.id),
      name: job.name,
      organizationId,
      reason: job.data.reason,
      state,
      progress: state === 'completed' ? 1 : ratio,
      phase: typeof progress === 'object' ? (progress?.phase ?? null) : null,
      result: (job.returnvalue as Record<string, unknown> | null) ?? null,
      failedReason: job.failedReason ?? null,
      attemptsMade: job.attemptsMade,
      createdAt: iso(job.timestamp),
      startedAt: iso(job.processedOn),
      finishedAt: iso(job.finishedOn),
    };
  }

  private async add(name: ScoringJobRef['name'], data: ScoreOrganizationJob | ScoreSitesJob, dedupId: string): Promise<ScoringJobRef> {
    // The as-of date is part of the id, so that a job BullMQ keeps back can be found again (scheduledView).
    const jobId = `${name}-${data.organizationId}-${data.asOf ? `${data.asOf}-` : ''}${Date.now()}-${randomUUID().slice(0, 8)}`;
    const job = await this.queue.add(name, data, { jobId, deduplication: { id: dedupId, keepLastIfActive: true } });
    if (job.id === jobId) return { jobId, name, disposition: 'queued' };
    const existing = job.id === undefined ? undefined : await this.queue.getJob(job.id);
    const active = existing !== undefined && existing !== null && (await existing.getState()) === 'active';
    // While a job runs, BullMQ keeps ours (with our id) and creates it when the running one ends.
    return active ? { jobId, name, disposition: 'after-active' } : { jobId: String(job.id), name, disposition: 'merged' };
  }

  /** A job BullMQ keeps back until the organisation's running job ends (keepLastIfActive). */
  private async scheduledView(organizationId: string, jobId: string): Promise<ScoringJobView | null> {
    const asOf = /-(\d{4}-\d{2}-\d{2})-\d+-[0-9a-f]{8}$/.exec(jobId)?.[1];
    for (const dedupId of [scoringDedupIds.scoreOrganization(organizationId, asOf), scoringDedupIds.scoreSites(organizationId)]) {
      const client = await this.queue.getBackend().client;
      const next = await client.hgetall(this.queue.toKey(`dn:${dedupId}`));
      if (next?.jid !== jobId) continue;
      const data = JSON.parse(next.data ?? '{}') as Partial<ScoreOrganizationJob>;
      return {
        id: jobId,
        name: next.name ?? '',
        organizationId,
        reason: data.reason ?? '',
        state: 'scheduled',
        progress: 0,
        phase: 'waiting for the running job of the organisation to finish',
        result: null,
        failedReason: null,
        attemptsMade: 0,
        createdAt: null,
        startedAt: null,
        finishedAt: null,
      };
    }
    return null;
  }
}

/** The Nest face of ScoringQueueClient (API services and the worker inject it). */
@Injectable()
export class ScoringProducer extends ScoringQueueClient {
  private readonly queryFn: QueryFn;

  constructor(@InjectQueue(QUEUES.scoring) queue: Queue, @InjectDataSource() dataSource: DataSource) {
    super(queue);
    this.queryFn = queryFnOf(dataSource);
  }

  /** enqueueForOrganization with the application's DataSource (outside any transaction). */
  enqueue(organizationId: string, options: EnqueueForOrganizationOptions): Promise<ScoringJobRef | null> {
    return this.enqueueForOrganization(this.queryFn, organizationId, options);
  }
}

@Module({
  imports: [QueueModule, DatabaseModule],
  providers: [ScoringProducer],
  exports: [ScoringProducer],
})
export class ScoringProducerModule {}
