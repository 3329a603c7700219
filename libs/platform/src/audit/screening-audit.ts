import { appendAuditEvents } from './audit-chain.js';
import { pgAuditSql } from './audit-trail.js';

/** What the audit trail needs of a stored screening (structurally, ScreeningRecord of @lantern/screening). */
export interface AuditedScreening {
  id: string;
  organizationId: string;
  apiKeyId: string | null;
  actorRole: string;
  trigger: 'request' | 'rescreen';
  bidderName: string;
  decision: string;
  ruleId: string;
  matchCount: number;
  input: unknown;
  answer: unknown;
}

/**
 * The audit events of a batch of screenings, in the batch's transaction: one
 * `screening.created` (a request) or `screening.rescreened` (the worker after
 * a list or block change) per screening, chained per organisation. The after
 * digest covers what the screening row stores and answers: `{ id, bidderName,
 * decision, ruleId, matchCount, input, answer }`, so a changed row no longer
 * matches its event.
 */
export async function appendScreeningAuditEvents(client: { query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }> }, records: readonly AuditedScreening[]): Promise<void> {
  const byOrganization = new Map<string, AuditedScreening[]>();
  for (const r of records) {
    const list = byOrganization.get(r.organizationId);
    if (list === undefined) byOrganization.set(r.organizationId, [r]);
    else list.push(r);
  }
  const sql = pgAuditSql(client);
  // A fixed order of organisations: two batches never take the per-organisation locks in opposite orders.
  for (const organizationId of [...byOrganization.keys()].sort()) {
    await appendAuditEvents(
      sql,
      organizationId,
      byOrganization.get(organizationId)!.map((r) => ({
        actor: { apiKeyId: r.apiKeyId, role: r.actorRole },
        change: {
          action: r.trigger === 'rescreen' ? 'screening.rescreened' : 'screening.created',
          subjectType: 'screening',
          subjectId: r.id,
          after: { id: r.id, bidderName: r.bidderName, decision: r.decision, ruleId: r.ruleId, matchCount: r.matchCount, input: r.input, answer: r.answer },
        },
      })),
    );
  }
}
