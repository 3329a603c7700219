import { randomUUID } from 'node:crypto';
import type { Decision, ScreeningMatch } from '../decision/types.js';
import type { ScreeningEngine, ScreeningRequest } from './engine.js';
import type { PgPool } from './pg.js';
import type { ScreeningRecorder } from './recorder.js';

/** What changed: a list snapshot became current, or a block was created or changed state. */
export interface RescreenTrigger {
  kind: 'list_snapshot' | 'block';
  /** The snapshot id or the block id. */
  id: string;
  /** One line for people: "SAM.gov exclusions v3: 2 added, 1 removed, 4 changed". */
  summary: string;
}

export interface RescreenReport {
  organizations: number;
  screeningsChecked: number;
  suppliersChecked: number;
  changes: number;
}

export interface RescreenOptions {
  /** Earlier screenings considered (default: the last 365 days). */
  sinceDays?: number;
  now?: () => Date;
}

/** A match as a change record shows it. */
export interface MatchSummary {
  party: string;
  role: string;
  source: string;
  recordKey: string;
  record: string;
  strength: string;
  score: number;
  inForce: boolean;
}

function summary(m: ScreeningMatch): MatchSummary {
  return {
    party: m.party.name,
    role: m.party.role,
    source: m.source,
    recordKey: m.record.key,
    record: m.record.name,
    strength: m.strength,
    score: m.score,
    inForce: m.record.inForce,
  };
}

/** Key of a match for comparing answers: which party, which record, how strongly, whether in force. */
function matchKey(m: Pick<MatchSummary, 'role' | 'recordKey' | 'strength' | 'inForce'> & { index?: number }): string {
  return `${m.role}|${m.recordKey}|${m.strength}|${m.inForce}`;
}

function relevant(m: ScreeningMatch): boolean {
  return m.source !== 'supplier';
}

/** Organisations a trigger can touch. */
async function affectedOrganizations(pool: PgPool, trigger: RescreenTrigger): Promise<string[]> {
  if (trigger.kind === 'list_snapshot') {
    const { rows } = await pool.query<{ organization_id: string | null }>(
      'SELECT l.organization_id FROM exclusion_list_snapshots s JOIN exclusion_lists l ON l.id = s.list_id WHERE s.id = $1',
      [trigger.id],
    );
    if (rows.length === 0) return [];
    if (rows[0]!.organization_id !== null) return [rows[0]!.organization_id];
    const { rows: all } = await pool.query<{ id: string }>(
      'SELECT DISTINCT organization_id AS id FROM screenings UNION SELECT DISTINCT organization_id FROM suppliers',
    );
    return all.map((r) => r.id);
  }
  const { rows } = await pool.query<{ organization_id: string; published: boolean; jurisdiction: string }>(
    'SELECT organization_id, published_at IS NOT NULL AS published, jurisdiction FROM blocks WHERE id = $1',
    [trigger.id],
  );
  const b = rows[0];
  if (b === undefined) return [];
  if (!b.published) return [b.organization_id];
  const { rows: others } = await pool.query<{ id: string }>(
    `SELECT id FROM organizations WHERE id = $1 OR (jurisdiction = $2 AND kind IN ('procurement_authority', 'regulator'))`,
    [b.organization_id, b.jurisdiction],
  );
  return others.map((r) => r.id);
}

/**
 * Re-check, after a list snapshot or a block changed, the latest screening of
 * every distinct bid the affected organisations screened (last `sinceDays`)
 * and every supplier and recruiter in their registers. Where the decision or
 * the set of matches differs from before, a change is recorded (what changed,
 * whom it touches): for a bid, a new screening (`trigger = rescreen`, linked
 * to the earlier one) and a `screening_changes` row; for a supplier, its
 * stored screening state is updated and a change row written. Idempotent:
 * running it twice records nothing the second time.
 */
export async function rescreen(pool: PgPool, engine: ScreeningEngine, recorder: ScreeningRecorder, trigger: RescreenTrigger, options: RescreenOptions = {}): Promise<RescreenReport> {
  const now = options.now ?? (() => new Date());
  const sinceDays = options.sinceDays ?? 365;
  const organizations = await affectedOrganizations(pool, trigger);
  const report: RescreenReport = { organizations: organizations.length, screeningsChecked: 0, suppliersChecked: 0, changes: 0 };
  for (const organizationId of organizations) {
    engine.invalidate(organizationId);
    const caller = { organizationId };

    // 1. Earlier screenings: the latest answer for each distinct input.
    const { rows: latest } = await pool.query<{ id: string; input: ScreeningRequest; decision: Decision; answer: { matches: ScreeningMatch[] }; bidder_name: string; rescreen_of: string | null; api_key_id: string | null; actor_role: string }>(
      `SELECT DISTINCT ON (md5(input::text)) id, input, decision, answer, bidder_name, rescreen_of, api_key_id, actor_role
         FROM screenings
        WHERE organization_id = $1 AND created_at > now() - make_interval(days => $2)
        ORDER BY md5(input::text), created_at DESC, id DESC`,
      [organizationId, sinceDays],
    );
    for (const old of latest) {
      report.screeningsChecked++;
      const t0 = performance.now();
      const outcome = await engine.screen(caller, old.input);
      const before = new Map(old.answer.matches.filter(relevant).map((m) => [matchKey({ ...summary(m) }), summary(m)]));
      const after = new Map(outcome.answer.matches.filter(relevant).map((m) => [matchKey({ ...summary(m) }), summary(m)]));
      const added = [...after].filter(([k]) => !before.has(k)).map(([, v]) => v);
      const removed = [...before].filter(([k]) => !after.has(k)).map(([, v]) => v);
      if (outcome.answer.decision === old.decision && added.length === 0 && removed.length === 0) continue;
      const id = randomUUID();
      const createdAt = now();
      await recorder.record({
        id,
        organizationId,
        apiKeyId: null,
        actorRole: 'system',
        trigger: 'rescreen',
        rescreenOf: old.rescreen_of ?? old.id,
        bidderName: old.bidder_name,
        tenderReference: typeof old.input.tender?.reference === 'string' ? old.input.tender.reference : null,
        decision: outcome.answer.decision,
        ruleId: outcome.answer.rule.id,
        matchCount: outcome.answer.matches.length,
        input: old.input,
        answer: { id, screenedAt: createdAt.toISOString(), trigger: 'rescreen', rescreenOf: old.rescreen_of ?? old.id, ...outcome.answer },
        partyKeys: outcome.partyKeys,
        dataVersion: outcome.dataVersion,
        durationMs: Math.round((performance.now() - t0) * 100) / 100,
        createdAt,
      });
      await pool.query(
        `INSERT INTO screening_changes (organization_id, trigger_kind, trigger_id, trigger_summary, subject_kind, screening_id, rescreening_id, subject_name,
                                        previous_decision, new_decision, added_matches, removed_matches)
         VALUES ($1, $2, $3, $4, 'screening', $5, $6, $7, $8, $9, $10, $11)`,
        [organizationId, trigger.kind, trigger.id, trigger.summary, old.rescreen_of ?? old.id, id, old.bidder_name, old.decision, outcome.answer.decision, JSON.stringify(added), JSON.stringify(removed)],
      );
      report.changes++;
    }

    // 2. The organisation's suppliers and recruiters, against lists and blocks.
    const { rows: subjects } = await pool.query<{ kind: 'supplier' | 'recruiter'; id: string; name: string; country: string; lei: string | null; duns: string | null; tax_id: string | null; decision: string | null; match_keys: string[] | null }>(
      `SELECT 'supplier' AS kind, s.id, s.name, s.country, s.lei, s.duns, s.tax_id, st.decision, st.match_keys
         FROM suppliers s LEFT JOIN supplier_screening_states st ON st.supplier_id = s.id WHERE s.organization_id = $1`,
      [organizationId],
    );
    for (const s of subjects) {
      report.suppliersChecked++;
      const identifiers = [
        ...(s.lei ? [{ scheme: 'lei' as const, value: s.lei }] : []),
        ...(s.duns ? [{ scheme: 'duns' as const, value: s.duns }] : []),
        ...(s.tax_id ? [{ scheme: 'tax' as const, value: s.tax_id, country: s.country }] : []),
      ];
      const outcome = await engine.screen(caller, { bidder: { name: s.name, identifiers, country: s.country } }, { registry: false });
      const matches = outcome.answer.matches.filter(relevant).map(summary);
      const keys = matches.map((m) => matchKey(m)).sort();
      const beforeKeys = [...(s.match_keys ?? [])].sort();
      const beforeDecision = s.decision ?? 'clear';
      if (beforeDecision === outcome.answer.decision && keys.join('\n') === beforeKeys.join('\n')) continue;
      await pool.query(
        `INSERT INTO supplier_screening_states (supplier_id, organization_id, decision, match_keys, checked_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (supplier_id) DO UPDATE SET decision = EXCLUDED.decision, match_keys = EXCLUDED.match_keys, checked_at = now()`,
        [s.id, organizationId, outcome.answer.decision, keys],
      );
      const beforeSet = new Set(beforeKeys);
      const afterSet = new Set(keys);
      await pool.query(
        `INSERT INTO screening_changes (organization_id, trigger_kind, trigger_id, trigger_summary, subject_kind, supplier_id, subject_name,
                                        previous_decision, new_decision, added_matches, removed_matches)
         VALUES ($1, $2, $3, $4, 'supplier', $5, $6, $7, $8, $9, $10)`,
        [
          organizationId, trigger.kind, trigger.id, trigger.summary, s.id, s.name, beforeDecision, outcome.answer.decision,
          JSON.stringify(matches.filter((m) => !beforeSet.has(matchKey(m)))),
          JSON.stringify([...beforeSet].filter((k) => !afterSet.has(k)).map((k) => ({ key: k }))),
        ],
      );
      report.changes++;
    }
  }
  return report;
}
