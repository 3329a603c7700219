/**
 * Queue and job names are persistent contracts (jobs survive deploys in Redis):
 * renaming one needs a drain plan. DO NOT CHANGE VALUES.
 */
export const QUEUES = {
  import: 'import',
  scoring: 'scoring',
  reports: 'reports',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  runImport: 'run-import',
} as const;

export interface RunImportJob {
  schemaVersion: 1;
  importId: string;
  organizationId: string;
}

/** Deterministic job ids (BullMQ rejects ':' and integer ids). */
export const jobIds = {
  runImport: (importId: string) => `import-${importId}`,
};

/** Default options: retried with exponential backoff, failures kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: false,
};
