import type { EntityManager } from 'typeorm';
import { METHODOLOGY_VERSION } from '@lantern/scoring';
import type {
  AssessmentInput,
  AuditInput,
  Availability,
  BlockInput,
  FindingInput,
  InterviewAggregateInput,
  RecruiterInput,
  RemediationInput,
  RemediationRecordsInput,
  ReportInput,
  ReportOptions,
  ReportType,
  SiteInput,
  SupplierInput,
} from '@lantern/reports';

export interface ReportRequest {
  type: ReportType;
  organizationId: string;
  periodStart: string;
  periodEnd: string;
  supplierId: string | null;
  options: ReportOptions;
}

type Row = Record<string, unknown>;
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const day = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const num = (v: unknown): number => Number(v);

interface ExplanationNode {
  ruleId?: string;
  label?: string;
  weight?: number;
  children?: ExplanationNode[];
}

/** Explanation tree -> indented lines (depth and count bounded so a dossier stays readable). */
export function explanationLines(node: unknown, maxDepth = 3, maxLines = 40): string[] {
  const out: string[] = [];
  const walk = (n: ExplanationNode, depth: number) => {
    if (out.length >= maxLines || depth > maxDepth || n === null || typeof n !== 'object') return;
    out.push(`${'\u00a0\u00a0\u00a0'.repeat(depth)}${n.ruleId ?? '?'}: ${n.label ?? ''}${typeof n.weight === 'number' && depth > 0 ? ` (weight ${n.weight})` : ''}`);
    for (const c of n.children ?? []) walk(c, depth + 1);
  };
  walk(node as ExplanationNode, 0);
  return out;
}

/**
 * Gathers everything a report shows, in one REPEATABLE READ read-only
 * transaction (one consistent snapshot), as plain data for the pure model
 * builder. Worker data leaves the database only as per-site counts.
 */
export async function readReportInput(em: EntityManager, req: ReportRequest): Promise<ReportInput> {
  const q = <T = Row>(sql: string, params: unknown[]): Promise<T[]> => em.query(sql, params);
  const org = req.organizationId;
  const asOf: string[] = [];
  const track = (rows: Row[]) => {
    for (const r of rows) if (r.updated_at) asOf.push(iso(r.updated_at));
  };

  const [organization] = await q(`SELECT id, name, jurisdiction, kind FROM organizations WHERE id = $1`, [org]);
  if (!organization) throw new Error(`organisation ${org} not found`);

  const dossier = req.type === 'supplier_dossier';
  const supplierRows = dossier
    ? await q(`SELECT s.*, p.name AS parent_name FROM suppliers s LEFT JOIN suppliers p ON p.id = s.parent_id WHERE s.organization_id = $1 AND s.id = $2`, [org, req.supplierId])
    : await q(`SELECT * FROM suppliers WHERE organization_id = $1 ORDER BY tier, name, id`, [org]);
  track(supplierRows);
  const siteRows = dossier
    ? await q(`SELECT * FROM sites WHERE organization_id = $1 AND supplier_id = $2 ORDER BY name, id`, [org, req.supplierId])
    : await q(`SELECT * FROM sites WHERE organization_id = $1 ORDER BY name, id`, [org]);
  track(siteRows);
  const siteIds = siteRows.map((s) => String(s.id));
  // Org-wide reports cover every site; a dossier only its supplier's sites.
  const siteFilter = dossier ? `AND site_id = ANY($4::uuid[])` : '';
  const periodParams = (extra: unknown[] = []) => (dossier ? [org, req.periodStart, req.periodEnd, siteIds, ...extra] : [org, req.periodStart, req.periodEnd, ...extra]);

  const recruiterRows = dossier
    ? await q(
        `SELECT r.*, coalesce(array_agg(DISTINCT e.site_id::text) FILTER (WHERE e.site_id IS NOT NULL), '{}') AS site_ids, coalesce(sum(e.workers_placed), 0)::int AS workers
           FROM recruiters r JOIN recruitment_engagements e ON e.recruiter_id = r.id AND e.site_id = ANY($2::uuid[])
          WHERE r.organization_id = $1 GROUP BY r.id ORDER BY r.name, r.id`,
        [org, siteIds],
      )
    : await q(
        `SELECT r.*, coalesce(array_agg(DISTINCT e.site_id::text) FILTER (WHERE e.site_id IS NOT NULL), '{}') AS site_ids, coalesce(sum(e.workers_placed), 0)::int AS workers
           FROM recruiters r LEFT JOIN recruitment_engagements e ON e.recruiter_id = r.id
          WHERE r.organization_id = $1 GROUP BY r.id ORDER BY r.name, r.id`,
        [org],
      );
  track(recruiterRows);

  const auditRows = await q(
    `SELECT * FROM audits WHERE organization_id = $1 AND conducted_at >= $2::date AND conducted_at < ($3::date + 1) ${siteFilter} ORDER BY conducted_at, external_ref, id`,
    periodParams(),
  );
  track(auditRows);
  const auditIds = auditRows.map((a) => String(a.id));
  const findingRows = await q(`SELECT * FROM findings WHERE organization_id = $1 AND audit_id = ANY($2::uuid[]) ORDER BY external_ref, id`, [org, auditIds]);
  track(findingRows);
  const interviewRows = await q(
    `SELECT site_id, count(*)::int AS workers,
            count(*) FILTER (WHERE jsonb_array_length(fees) > 0)::int AS paid_fees,
            count(*) FILTER (WHERE passport_holder NOT IN ('worker','unknown'))::int AS passport_other,
            count(*) FILTER (WHERE visa_tied_to_employer = 'yes')::int AS visa_tied,
            count(*) FILTER (WHERE contract_in_own_language = 'no')::int AS contract_not_own,
            max(updated_at) AS updated_at
       FROM interviews WHERE organization_id = $1 AND interviewed_at >= $2::date AND interviewed_at < ($3::date + 1) ${siteFilter}
      GROUP BY site_id ORDER BY site_id`,
    periodParams(),
  );
  track(interviewRows);

  const exists = async (table: string): Promise<boolean> => (await q<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [table]))[0]?.t != null;

  let assessments: Availability<AssessmentInput[]> = { available: false, reason: 'the risk-scoring tables are not installed.' };
  let methodologyVersion = METHODOLOGY_VERSION;
  if (await exists('current_assessments')) {
    const rows = await q(
      `SELECT ca.*, a.explanation FROM current_assessments ca JOIN assessments a ON a.id = ca.assessment_id
        WHERE ca.organization_id = $1 AND ca.subject_type IN ('supplier','site','recruiter')
          AND (${dossier ? `(ca.subject_type = 'supplier' AND ca.subject_id = $2) OR (ca.subject_type = 'site' AND ca.subject_id = ANY($3::uuid[])) OR (ca.subject_type = 'recruiter' AND ca.subject_id = ANY($4::uuid[]))` : `ca.subject_type = 'supplier'`})
        ORDER BY ca.subject_type DESC, ca.overall DESC, ca.subject_id`,
      dossier ? [org, req.supplierId, siteIds, recruiterRows.map((r) => String(r.id))] : [org],
    );
    for (const r of rows) asOf.push(iso(r.assessed_at));
    assessments = {
      available: true,
      rows: rows.map((r) => ({
        subjectType: r.subject_type as AssessmentInput['subjectType'],
        subjectId: String(r.subject_id),
        name: (r.name as string | null) ?? null,
        country: (r.country as string | null) ?? null,
        sector: (r.sector as string | null) ?? null,
        overall: num(r.overall),
        band: r.band as AssessmentInput['band'],
        recruitmentFee: num(r.recruitment_fee),
        tiedVisa: num(r.tied_visa),
        documentConfiscation: num(r.document_confiscation),
        confidence: String(r.confidence),
        sampleSize: num(r.sample_size),
        methodologyVersion: String(r.methodology_version),
        asOf: day(r.as_of),
        assessedAt: iso(r.assessed_at),
        explanation: dossier ? explanationLines(r.explanation) : [],
      })),
    };
    const versions = [...new Set(rows.map((r) => String(r.methodology_version)))].sort();
    if (versions.length > 0) methodologyVersion = versions.join(', ');
  }

  let remediation: Availability<{ items: RemediationInput[]; records: RemediationRecordsInput }> = { available: false, reason: 'the remediation tables are not installed.' };
  if ((await exists('remediation_items')) && (await exists('remediation_records'))) {
    const items = await q(
      `SELECT ri.* FROM remediation_items ri JOIN current_assessments ca ON ca.assessment_id = ri.assessment_id
        WHERE ri.organization_id = $1 ${dossier ? `AND ((ri.subject_type = 'supplier' AND ri.subject_id = $2) OR (ri.subject_type = 'site' AND ri.subject_id = ANY($3::uuid[])))` : `AND ri.subject_type = 'site'`}
        ORDER BY ri.kind, ri.subject_id, ri.id`,
      dossier ? [org, req.supplierId, siteIds] : [org],
    );
    const records = await q(
      `SELECT rr.kind, count(*)::int AS n, count(*) FILTER (WHERE rr.verified)::int AS verified, max(rr.updated_at) AS updated_at
         FROM remediation_records rr JOIN interviews i ON i.id = rr.interview_id
        WHERE rr.organization_id = $1 AND rr.occurred_on BETWEEN $2::date AND $3::date ${dossier ? 'AND i.site_id = ANY($4::uuid[])' : ''}
        GROUP BY rr.kind ORDER BY rr.kind`,
      periodParams(),
    );
    track(records);
    remediation = {
      available: true,
      rows: {
        items: items.map((r) => ({ subjectType: String(r.subject_type), subjectId: String(r.subject_id), kind: String(r.kind), workers: num(r.workers), explanation: String(r.explanation), createdAt: iso(r.created_at) })),
        records: { total: records.reduce((s, r) => s + num(r.n), 0), verified: records.reduce((s, r) => s + num(r.verified), 0), byKind: Object.fromEntries(records.map((r) => [String(r.kind), num(r.n)])) },
      },
    };
  }

  let blocks: Availability<BlockInput[]> = { available: false, reason: 'the blocks table is not installed.' };
  if (await exists('blocks')) {
    const rows = await q(
      `SELECT * FROM blocks WHERE organization_id = $1 ${dossier ? 'AND supplier_id = $2' : ''} ORDER BY starts_on, id`,
      dossier ? [org, req.supplierId] : [org],
    );
    track(rows);
    blocks = {
      available: true,
      rows: rows.map((b) => ({ id: String(b.id), supplierId: (b.supplier_id as string | null) ?? null, subjectName: String(b.subject_name), status: String(b.status), legalGround: String(b.legal_ground), jurisdiction: String(b.jurisdiction), startsOn: day(b.starts_on), endsOn: day(b.ends_on), reason: String(b.reason) })),
    };
  }

  const suppliers: SupplierInput[] = supplierRows.map((s) => ({ id: String(s.id), externalRef: String(s.external_ref), name: String(s.name), country: String(s.country), sector: (s.sector as string | null) ?? null, tier: num(s.tier), parentId: (s.parent_id as string | null) ?? null, ...(s.parent_name !== undefined ? { parentName: (s.parent_name as string | null) ?? null } : {}) }));
  const sites: SiteInput[] = siteRows.map((s) => ({ id: String(s.id), supplierId: String(s.supplier_id), externalRef: String(s.external_ref), name: String(s.name), country: String(s.country), sector: (s.sector as string | null) ?? null, headcount: s.headcount === null ? null : num(s.headcount), migrantWorkerShare: s.migrant_worker_share === null ? null : num(s.migrant_worker_share) }));
  const recruiters: RecruiterInput[] = recruiterRows.map((r) => ({ id: String(r.id), externalRef: String(r.external_ref), name: String(r.name), country: String(r.country), licenceStatus: String(r.licence_status), siteIds: [...(r.site_ids as string[])].sort(), workersPlaced: num(r.workers) }));
  const audits: AuditInput[] = auditRows.map((a) => ({ id: String(a.id), externalRef: String(a.external_ref), siteId: String(a.site_id), type: String(a.type), conductedAt: iso(a.conducted_at), auditFirm: (a.audit_firm as string | null) ?? null, standard: (a.standard as string | null) ?? null }));
  const findings: FindingInput[] = findingRows.map((f) => ({ id: String(f.id), externalRef: String(f.external_ref), auditId: String(f.audit_id), indicatorCode: String(f.indicator_code), severity: f.severity as FindingInput['severity'], status: f.status as FindingInput['status'], description: String(f.description), evidence: (f.evidence as FindingInput['evidence']) ?? [] }));
  const interviews: InterviewAggregateInput[] = interviewRows.map((r) => ({ siteId: String(r.site_id), workers: num(r.workers), paidRecruitmentFees: num(r.paid_fees), passportHeldByOther: num(r.passport_other), visaTiedToEmployer: num(r.visa_tied), contractNotInOwnLanguage: num(r.contract_not_own) }));

  return {
    type: req.type,
    organization: { id: String(organization.id), name: String(organization.name), jurisdiction: String(organization.jurisdiction), kind: String(organization.kind) },
    periodStart: req.periodStart,
    periodEnd: req.periodEnd,
    supplierId: req.supplierId,
    options: req.options,
    dataAsOf: asOf.length === 0 ? null : asOf.reduce((a, b) => (a > b ? a : b)),
    methodologyVersion,
    suppliers,
    sites,
    recruiters,
    audits,
    findings,
    interviews,
    assessments,
    remediation,
    blocks,
  };
}
