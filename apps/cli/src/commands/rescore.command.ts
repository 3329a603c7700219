import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import pg from 'pg';
import { QUEUES, isIsoDate } from '@lantern/domain';
import { ScoringQueueClient, loadConfig, redisConnectionOptions, type ScoringJobView } from '@lantern/platform';

const USAGE = `usage: lantern rescore [--org ORG_ID] [--as-of YYYY-MM-DD] [--no-wait]

Queues a full re-score of an organisation (every site, recruiter and supplier)
on the scoring queue, exactly as POST /api/v1/scoring/rescore does, then shows
its progress until a worker has finished it (start one with
\`npm run start:worker\`). Exit code 0 when the run completed, 1 when it failed.

  --org     organisation id (default: the only organisation in the database)
  --as-of   as-of date of the assessments (default: the day the job runs)
  --no-wait return once the job is queued`;

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        org: { type: 'string' },
        'as-of': { type: 'string' },
        'no-wait': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`lantern rescore: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !isIsoDate(asOf)) {
    process.stderr.write(`lantern rescore: --as-of must be a date YYYY-MM-DD\n`);
    return 2;
  }
  const config = loadConfig();
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 2, application_name: 'lantern-cli' });
  const queue = new Queue(QUEUES.scoring, { connection: redisConnectionOptions(config.REDIS_URL), prefix: config.LANTERN_QUEUE_PREFIX });
  try {
    const organization = await chooseOrganization(pool, values.org);
    const client = new ScoringQueueClient(queue);
    const ref = await client.requestFullRescore(organization.id, { reason: 'manual', ...(asOf ? { asOf } : {}) });
    const how = ref.disposition === 'queued' ? 'queued' : ref.disposition === 'merged' ? 'already waiting; joined it' : 'queued after the running one';
    process.stderr.write(`re-score of ${organization.name} (${organization.id}): job ${ref.jobId} ${how}\n`);
    if (values['no-wait']) {
      process.stdout.write(`${JSON.stringify(ref)}\n`);
      return 0;
    }
    const final = await follow(client, organization.id, ref.jobId);
    printSummary(final);
    return final.state === 'completed' ? 0 : 1;
  } finally {
    await queue.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
  }
}

async function chooseOrganization(pool: pg.Pool, org: string | undefined): Promise<{ id: string; name: string }> {
  if (org !== undefined) {
    const { rows } = await pool.query<{ id: string; name: string }>('SELECT id, name FROM organizations WHERE id::text = $1', [org]);
    if (rows.length === 0) throw new Error(`no organisation ${org}`);
    return rows[0]!;
  }
  const { rows } = await pool.query<{ id: string; name: string }>('SELECT id, name FROM organizations ORDER BY name LIMIT 50');
  if (rows.length !== 1) {
    throw new Error(
      rows.length === 0
        ? 'no organisation in the database: create one first (npm run demo creates several)'
        : `several organisations: choose one with --org\n${rows.map((r) => `  ${r.id}  ${r.name}`).join('\n')}`,
    );
  }
  return rows[0]!;
}

/** Poll the job until it has finished, drawing a progress bar on stderr. */
async function follow(client: ScoringQueueClient, organizationId: string, jobId: string): Promise<ScoringJobView> {
  const tty = process.stderr.isTTY === true;
  const since = Date.now();
  let hinted = false;
  let lastLine = 0;
  for (;;) {
    const view = await client.getJob(organizationId, jobId);
    if (view === null) throw new Error(`job ${jobId} disappeared from the queue`);
    const done = view.state === 'completed' || view.state === 'failed';
    const width = 30;
    const filled = Math.round(Math.min(1, view.progress) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(view.progress * 100)).padStart(3)}%  ${view.state}${view.phase ? ` (${view.phase})` : ''}`;
    if (tty) process.stderr.write(`\r${line}\x1b[K`);
    else if (done || Date.now() - lastLine > 5000) {
      process.stderr.write(`${line}\n`);
      lastLine = Date.now();
    }
    if (done) {
      if (tty) process.stderr.write('\n');
      return view;
    }
    if (!hinted && (view.state === 'waiting' || view.state === 'scheduled') && Date.now() - since > 15_000) {
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}still waiting: is a worker running? (npm run start:worker)\n`);
      hinted = true;
    }
    await sleep(250);
  }
}

function printSummary(view: ScoringJobView): void {
  if (view.state !== 'completed') {
    process.stdout.write(`re-score ${view.id}: ${view.state}${view.failedReason ? `: ${view.failedReason}` : ''}\n`);
    return;
  }
  const r = (view.result ?? {}) as {
    interviews?: number;
    sites?: number;
    recruiters?: number;
    suppliers?: number;
    assessments?: number;
    blockRecommendations?: number;
    remediationItems?: number;
    methodologyVersion?: string;
    asOf?: string;
    bands?: Record<string, Record<string, number>>;
    timingsMs?: Record<string, number>;
  };
  const bands = (b?: Record<string, number>) => (b ? `low ${b.low}, medium ${b.medium}, high ${b.high}, critical ${b.critical}` : '-');
  const lines = [
    `re-score ${view.id}: completed (${r.methodologyVersion}, as of ${r.asOf})`,
    `  read      ${(r.interviews ?? 0).toLocaleString('en')} interviews`,
    `  assessed  ${r.sites} sites, ${r.recruiters} recruiters, ${r.suppliers} suppliers (${r.assessments} assessments)`,
    `  sites     ${bands(r.bands?.site)}`,
    `  suppliers ${bands(r.bands?.supplier)}`,
    `  raised    ${r.blockRecommendations} block recommendations, ${r.remediationItems} remediation items`,
    `  time      ${((r.timingsMs?.total ?? 0) / 1000).toFixed(1)} s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
