/**
 * @lantern/screening: procurement screening.
 *
 * Pure (no Nest, no TypeORM, no driver): name normalisation, similarity, the
 * in-memory name index, the decision rules, the legal grounds and durations of
 * blocks, and the parsers of external exclusion lists. The `db/` part talks to
 * PostgreSQL through node-postgres's Pool interface (type-only import): the
 * snapshot loader, the corpus loaders and the screening engine shared by the
 * API and the worker.
 */
import { JOBS, QUEUES } from '@lantern/domain';
import type { RescreenTrigger } from './db/rescreen.js';
export * from './normalize/fold.js';
export * from './normalize/skeleton.js';
export * from './normalize/normalize-name.js';
export { LEGAL_FORM_DEFINITIONS, STOP_WORDS, type LegalFormDefinition } from './normalize/legal-forms.js';
export * from './similarity/jaro-winkler.js';
export * from './similarity/idf.js';
export * from './index/name-index.js';
export * from './identifiers.js';
export * from './match/corpus.js';
export * from './decision/types.js';
export * from './decision/decide.js';
export * from './legal/dates.js';
export * from './legal/grounds.js';
export * from './legal/far.js';
export * from './lists/index.js';
export * from './testing/synthetic-names.js';
export * from './testing/evaluation.js';
export * from './db/pg.js';
export * from './db/snapshots.js';
export * from './db/corpus-loader.js';
export * from './db/engine.js';
export * from './db/recorder.js';
export * from './db/rescreen.js';
export * from './db/block-expiry.js';


/** BullMQ queue of re-screening jobs (declared with the other queues in @lantern/domain). */
export const RESCREENING_QUEUE = QUEUES.rescreening;
/** Job name on RESCREENING_QUEUE. */
export const RESCREEN_JOB = JOBS.rescreen;

/** The slice of a BullMQ Queue that enqueueRescreen needs (type-only: this library loads no queue client). */
export interface RescreenQueue {
  add(name: string, data: { schemaVersion: 1; trigger: RescreenTrigger }, opts: Record<string, unknown>): Promise<unknown>;
}

/**
 * Queue the re-screening of what a change touches (the API after a list load
 * or block change, the CLI after an operator's list load). The job id is
 * deterministic per change and `version`, so the same change is never
 * re-checked twice (BullMQ rejects ':' in ids).
 */
export async function enqueueRescreen(queue: RescreenQueue, trigger: RescreenTrigger, version: string | number): Promise<void> {
  const jobId = `rescreen-${trigger.kind}-${trigger.id}-${version}`.replace(/:/g, '-');
  await queue.add(RESCREEN_JOB, { schemaVersion: 1, trigger }, { jobId, attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 }, removeOnFail: false });
}
