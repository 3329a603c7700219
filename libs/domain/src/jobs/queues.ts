/**
 * Queue and job names are persistent contracts (jobs survive deploys in Redis):
 * renaming one needs a drain plan. DO NOT CHANGE VALUES.
 */
export const QUEUES = {
  import: 'import',
  scoring: 'scoring',
  reports: 'reports',
  /** Re-screening of earlier screenings and active suppliers after list snapshots or blocks change. */
  rescreening: 'rescreening',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  runImport: 'run-import',
  /** Full re-score of one organisation (every site, recruiter and supplier). */
  scoreOrganization: 'score-organization',
  /** Re-score the sites marked in scoring_pending_sites (and what depends on them). */
  scoreSites: 'score-sites',
  /** Render one requested report (reports row) to PDF. */
  renderReport: 'render-report',
  /** Re-screen what a list-snapshot or block change touches (payload: RescreenJob in @lantern/screening). */
  rescreen: 'rescreen',
  /** Hourly, on the rescreening queue: expire blocks whose period has ended and re-screen what they touched. */
  expireBlocks: 'expire-blocks',
} as const;

export interface RunImportJob {
  schemaVersion: 1;
  importId: string;
  organizationId: string;
}

/** Why a scoring job was requested (kept on the run for the audit trail). */
export type ScoringReason = 'manual' | 'import' | 'interview' | 'audit' | 'site' | 'supplier' | 'engagement' | 'recruiter' | 'remediation' | 'settings' | 'demo' | 'benchmark';

export interface ScoreOrganizationJob {
  schemaVersion: 1;
  organizationId: string;
  reason: ScoringReason;
  /** YYYY-MM-DD; absent = the date the job runs. */
  asOf?: string;
}

/** The sites to re-score are not in the payload: they are read from scoring_pending_sites, so no request is lost while a job waits or runs. */
export interface ScoreSitesJob {
  schemaVersion: 1;
  organizationId: string;
  reason: ScoringReason;
  asOf?: string;
}

export interface RenderReportJob {
  schemaVersion: 1;
  reportId: string;
  organizationId: string;
}

/** Typed map from job name to payload (JobOf<'score-sites'>). */
export interface JobPayloads {
  'run-import': RunImportJob;
  'score-organization': ScoreOrganizationJob;
  'score-sites': ScoreSitesJob;
  'render-report': RenderReportJob;
}
export type JobOf<N extends keyof JobPayloads> = JobPayloads[N];

/** Deterministic job ids (BullMQ rejects ':' and integer ids). */
export const jobIds = {
  runImport: (importId: string) => `import-${importId}`,
  renderReport: (reportId: string) => `report-${reportId}`,
};

/**
 * Deduplication ids of the scoring jobs, one per organisation and job name.
 * Used with `keepLastIfActive`: while a job runs, one more is kept waiting and
 * later requests fold into it, so runs of one organisation never overlap and
 * no change made during a run is missed.
 */
export const scoringDedupIds = {
  /**
   * A re-score as of a given date is not merged into one as of today (or
   * another date): each date has its own at-most-one-waiting slot.
   */
  scoreOrganization: (organizationId: string, asOf?: string) => (asOf ? `score-organization-${organizationId}-as-of-${asOf}` : `score-organization-${organizationId}`),
  scoreSites: (organizationId: string) => `score-sites-${organizationId}`,
};

/** Default options: retried with exponential backoff, failures kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: false,
};
