/**
 * The worker-level methodology of @lantern/scoring compiled to one SQL pass.
 *
 * `assessWorker` costs about 20 µs per interview in JavaScript: a million
 * interviews would take 20 s of one core before anything is written. Only a
 * few facts of each worker assessment reach a site's GroupFacts (which rules
 * are active or remediated, the known and unknown inputs per indicator group,
 * the fee burden in months of wage, what is still owed, the current Delphi
 * label). This module generates a query that computes exactly those facts per
 * interview inside PostgreSQL, streamed out with COPY and folded into
 * GroupFacts by ./group-facts.accumulator.ts while PostgreSQL still computes
 * (two cores busy instead of one).
 *
 * Every rule below mirrors libs/scoring/src/rules/*.ts; the SQL is generated
 * from the rule and question catalogues wherever possible (generic ILO/Delphi
 * rules, Delphi hits of answers, rule order). The parity integration test
 * (test/integration/scoring-parity.int-spec.ts) runs this query and
 * summarizeWorkers(assessWorker(...)) over the same interviews and requires
 * identical GroupFacts: change a rule there and this file must follow.
 *
 * COPY cannot take bind parameters, so every value spliced into the text is
 * validated (UUIDs, dates, finite numbers) or quoted as a SQL literal.
 */
import { DomainError, ILLEGITIMATE_FEE_CATEGORIES, INTERVIEW_QUESTIONS, getInterviewQuestion, isIsoDate, type DelphiDimension, type IndicatorStrength } from '@lantern/domain';
import { RULES, type ScoringConfig } from '@lantern/scoring';
import type { FxSegments } from './fx-segments.js';

/** Rule ids in catalogue order; bit i of the masks is RULES[i]. */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
/** Rules per 30-bit mask word (JavaScript bit operations are 32-bit signed). */
export const MASK_BITS = 30;
export const MASK_WORDS = Math.ceil(RULE_IDS.length / MASK_BITS);

/** Which verified record remediates a rule: fee repayments, a document return, or a sponsorship transfer. */
export type RemediationFamily = 'fees' | 'documents' | 'sponsorship';
export const REMEDIATION_FAMILY: Readonly<Record<string, RemediationFamily>> = {
  'FEE-01': 'fees',
  'FEE-02': 'fees',
  'FEE-03': 'fees',
  'DOC-01': 'documents',
  'DOC-02': 'documents',
  'DOC-03': 'documents',
  'DOC-04': 'documents',
  'VISA-01': 'sponsorship',
  'VISA-02': 'sponsorship',
  'VISA-03': 'sponsorship',
  'VISA-06': 'sponsorship',
};

/** Column order of one streamed row (tab-separated, `\N` = NULL). */
export const ROW_COLUMNS = [
  'id',
  'site_id',
  'recruiter_id',
  ...Array.from({ length: MASK_WORDS }, (_, i) => `active_${i}`),
  ...Array.from({ length: MASK_WORDS }, (_, i) => `remediated_${i}`),
  'unknown_fee',
  'inputs_fee',
  'unknown_documents',
  'inputs_documents',
  'unknown_visa',
  'inputs_visa',
  'unknown_other',
  'inputs_other',
  'fee_months',
  'owed',
  'label',
  'repayment_ids',
  'document_return_id',
  'sponsorship_id',
] as const;

export type ScoringScope =
  | { kind: 'organization' }
  /** Interviews at these sites or placed by these recruiters. */
  | { kind: 'subset'; siteIds: readonly string[]; recruiterIds: readonly string[] };

export interface GroupFactsQueryInput {
  organizationId: string;
  asOf: string;
  config: ScoringConfig;
  fx: FxSegments;
  /** Name of the temporary fx table the caller created and filled (see FX_TABLE_DDL). */
  fxTable: string;
  scope: ScoringScope;
  /** Only interviews whose site id is in [from, to) (UUID order): lets several connections share one pass. */
  partition?: { from: string | null; to: string | null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuid(value: string, field: string): string {
  if (!UUID.test(value)) throw DomainError.validation([{ field, reason: 'must be a UUID' }]);
  return `'${value.toLowerCase()}'`;
}

function date(value: string, field: string): string {
  if (!isIsoDate(value)) throw DomainError.validation([{ field, reason: 'must be a date YYYY-MM-DD' }]);
  return `'${value}'`;
}

function num(value: number, field: string): string {
  if (!Number.isFinite(value)) throw DomainError.validation([{ field, reason: 'must be a finite number' }]);
  return `(${String(value)})::float8`;
}

function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw DomainError.internal(`bad SQL identifier ${name}`);
  return name;
}

/** Temporary table of compiled exchange rates (one per scoring session). */
export function fxTableDdl(table: string): string {
  return `CREATE TEMP TABLE IF NOT EXISTS ${ident(table)} (f text NOT NULL, t text NOT NULL, seg int NOT NULL, rate float8 NOT NULL, p_from float8 NOT NULL, p_to float8 NOT NULL, PRIMARY KEY (f, t, seg))`;
}

/** Insert the compiled rates (parameters: arrays). */
export function fxTableFill(table: string, fx: FxSegments): { sql: string; params: unknown[] } {
  return {
    sql: `INSERT INTO ${ident(table)} (f, t, seg, rate, p_from, p_to)
          SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::float8[], $5::float8[], $6::float8[])`,
    params: [
      fx.rows.map((r) => r.from),
      fx.rows.map((r) => r.to),
      fx.rows.map((r) => r.segment),
      fx.rows.map((r) => String(r.rate)),
      fx.rows.map((r) => String(r.fromScale)),
      fx.rows.map((r) => String(r.toScale)),
    ],
  };
}

/** Segment index of a YYYY-MM-DD text expression (already clamped to the as-of date). */
function segmentOf(expr: string, fx: FxSegments): string {
  if (fx.breakpoints.length === 0) return '0';
  const cases = fx.breakpoints
    .map((d, i) => ({ d, k: i + 1 }))
    .reverse()
    .map(({ d, k }) => `WHEN ${expr} >= ${date(d, 'validFrom')} THEN ${k}`)
    .join(' ');
  return `(CASE ${cases} ELSE 0 END)`;
}

/** JavaScript's Math.round (half up) of a float8 expression, exactly. */
function jsRound(expr: string): string {
  return `(CASE WHEN (${expr}) - floor(${expr}) >= 0.5 THEN ceil(${expr}) ELSE floor(${expr}) END)`;
}

/** Conversion of `amt` (float8 minor units) of currency `cur` on date text `d` into `settle`, or NULL. */
function convert(amt: string, cur: string, d: string, settle: string, input: GroupFactsQueryInput, asOf: string): string {
  const day = `(CASE WHEN ${d} IS NULL OR ${d} > ${asOf} THEN ${asOf} ELSE ${d} END)`;
  const fx = ident(input.fxTable);
  return `(CASE WHEN ${cur} = ${settle} THEN ${amt} ELSE (SELECT ${jsRound(`${amt} / fx.p_from * fx.rate * fx.p_to`)} FROM ${fx} fx WHERE fx.f = ${cur} AND fx.t = ${settle} AND fx.seg = ${segmentOf(day, input.fx)}) END)`;
}

const STRENGTH_LEVEL: Readonly<Record<IndicatorStrength, number>> = { W: 1, M: 2, S: 3 };

interface Hit {
  dimension: DelphiDimension;
  indicator: string;
  strength: IndicatorStrength;
  /** Boolean SQL over the rule layer. */
  when: string;
}

/** Columns of the base layer, carried up to the answer layer. */
const BASE_COLUMNS = [
  'id', 'site_id', 'recruiter_id', 'age', 'wage', 'wcur', 'ph', 'ih', 'wh', 'acc', 'rdays', 'consent', 'withheld', 'visa', 'tied', 'canchg',
  'renewal', 'exitp', 'bond', 'cw', 'clang', 'cbefore', 'cchanged', 'fees', 'settle', 'rep_amt', 'rep_cur', 'rep_on', 'rep_id', 'doc_id', 'sp_id',
] as const;

/** Builds the COPY query; the result rows follow ROW_COLUMNS. */
export function groupFactsQuery(input: GroupFactsQueryInput): string {
  const { config } = input;
  const org = uuid(input.organizationId, 'organizationId');
  const asOf = date(input.asOf, 'asOf');

  // --- answers: q<i> is question i of the catalogue ('unknown' when missing); y<w> are 30-bit "yes" masks.
  const qIndex = new Map(INTERVIEW_QUESTIONS.map((q, i) => [q.key as string, i]));
  const indexOf = (key: string): number => {
    const i = qIndex.get(key);
    if (i === undefined) throw DomainError.internal(`unknown interview question ${key}`);
    return i;
  };
  const yesWords = Math.ceil(INTERVIEW_QUESTIONS.length / MASK_BITS);
  const yes = (key: string): string => {
    const i = indexOf(key);
    return `((y${Math.floor(i / MASK_BITS)} & ${2 ** (i % MASK_BITS)}) <> 0)`;
  };
  const unknownSum = (keys: readonly string[]): string => (keys.length === 0 ? '0' : `(${keys.map((k) => `(q${indexOf(k)} = 'unknown')::int`).join(' + ')})`);
  const answerColumns = INTERVIEW_QUESTIONS.map((x, i) => `coalesce(b0.ans ->> ${lit(x.key)}, 'unknown') AS q${i}`).join(',\n                 ');
  const yesMasks = Array.from({ length: yesWords }, (_, w) => {
    const terms = INTERVIEW_QUESTIONS.slice(w * MASK_BITS, (w + 1) * MASK_BITS).map((_, bit) => `CASE WHEN q${w * MASK_BITS + bit} = 'yes' THEN ${2 ** bit} ELSE 0 END`);
    return `(${terms.join(' + ')}) AS y${w}`;
  });

  // --- scope
  let scope = '';
  if (input.scope.kind === 'subset') {
    const sites = input.scope.siteIds.map((s) => uuid(s, 'siteIds'));
    const recruiters = input.scope.recruiterIds.map((r) => uuid(r, 'recruiterIds'));
    const parts = [
      ...(sites.length > 0 ? [`i.site_id = ANY (ARRAY[${sites.join(',')}]::uuid[])`] : []),
      ...(recruiters.length > 0 ? [`i.recruiter_id = ANY (ARRAY[${recruiters.join(',')}]::uuid[])`] : []),
    ];
    scope = parts.length === 0 ? 'AND false' : `AND (${parts.join(' OR ')})`;
  }
  if (input.partition?.from) scope += ` AND i.site_id >= ${uuid(input.partition.from, 'partition.from')}::uuid`;
  if (input.partition?.to) scope += ` AND i.site_id < ${uuid(input.partition.to, 'partition.to')}::uuid`;

  // --- documents
  const exempt = config.documents.exemptHolders.map(lit);
  const held = (col: string): string => `(${col} NOT IN ('worker', 'unknown')${exempt.length > 0 ? ` AND ${col} NOT IN (${exempt.join(', ')})` : ''})`;
  const grace = num(config.documents.returnGraceDays, 'documents.returnGraceDays');

  // --- rule conditions; status: 0 none, 1 active, 2 remediated.
  const tiedPermit = `(tied = 'yes' OR (tied = 'unknown' AND visa = 'employer_sponsored'))`;
  const needsPermission = `(canchg = 'no')`;
  const controls = `(renewal IN ('employer', 'recruiter'))`;
  const tie = `(${tiedPermit} OR ${needsPermission} OR ${controls})`;
  const isHeld = `(${held('ph')} OR ${held('ih')} OR ${held('wh')})`;
  const late = `(rdays IS NOT NULL AND rdays > ${grace})`;
  const compliant = `(consent = 'yes' AND acc = 'yes' AND NOT ${late})`;
  const migrant = `(visa <> 'citizen_or_resident')`;
  const debtMonths = num(config.fees.debtMonths, 'fees.debtMonths');
  const childAge = num(config.delphi.childAge, 'delphi.childAge');

  const topic: Record<string, { fired: string; remediated?: string }> = {
    'FEE-01': { fired: `(nl > 0)`, remediated: 'fee_rem' },
    'FEE-02': { fired: `illegit`, remediated: 'fee_rem' },
    'FEE-03': { fired: `(financed OR (months IS NOT NULL AND months > ${debtMonths}) OR ${yes('debt_bondage_at_recruitment')})`, remediated: `(NOT ${yes('debt_bondage_at_recruitment')} AND fee_rem)` },
    'FEE-04': { fired: `(${yes('debt_bondage')} OR withheld = 'yes')` },
    'FEE-05': { fired: yes('deceived_about_fees') },
    'DOC-01': { fired: `((${isHeld} AND (acc = 'no' OR ${late})) OR ${yes('documents_retained')})`, remediated: 'doc_rem' },
    'DOC-02': { fired: `(withheld = 'yes')`, remediated: 'doc_rem' },
    'DOC-03': { fired: `(${isHeld} AND NOT ${compliant})`, remediated: 'doc_rem' },
    'DOC-04': { fired: yes('documents_taken_at_recruitment'), remediated: 'doc_rem' },
    'VISA-01': { fired: tiedPermit, remediated: 'sp_rem' },
    'VISA-02': { fired: needsPermission, remediated: 'sp_rem' },
    'VISA-03': { fired: controls, remediated: 'sp_rem' },
    'VISA-04': { fired: `(exitp = 'yes')` },
    'VISA-05': { fired: `(bond = 'yes')` },
    'VISA-06': { fired: `(${yes('forced_to_stay_with_employer')} OR (${tie} AND ${yes('threat_of_denunciation')}))`, remediated: 'sp_rem' },
    'CON-01': { fired: `(cw = 'no')` },
    'CON-02': { fired: `(clang = 'no')` },
    'CON-03': { fired: `(${migrant} AND cbefore = 'no')` },
    'CON-04': { fired: `(cchanged = 'yes')` },
    'CHILD-01': { fired: `(age IS NOT NULL AND age < ${childAge})` },
  };
  const genericRules = RULES.filter((r) => /^(ILO-FL-|DELPHI-)/.test(r.id));
  for (const r of genericRules) topic[r.id] = { fired: `(${(r.answerKeys ?? []).map(yes).join(' OR ') || 'false'})` };
  for (const id of RULE_IDS) if (topic[id] === undefined) throw DomainError.internal(`rule ${id} has no SQL`);
  for (const id of Object.keys(topic)) if (!RULE_IDS.includes(id)) throw DomainError.internal(`SQL for unknown rule ${id}`);

  const statusCol = (id: string): string => `s_${id.toLowerCase().replace(/-/g, '_')}`;
  const statuses = RULE_IDS.map((id) => {
    const r = topic[id]!;
    return `CASE WHEN ${r.fired} THEN ${r.remediated ? `CASE WHEN ${r.remediated} THEN 2 ELSE 1 END` : '1'} ELSE 0 END AS ${statusCol(id)}`;
  });
  const active = (id: string): string => `(${statusCol(id)} = 1)`;

  // --- coverage (known + unknown inputs per indicator group), as in each rule module's inputs()
  const ownedFee = ['debt_bondage_at_recruitment', 'debt_bondage', 'deceived_about_fees'];
  const ownedDocuments = ['documents_retained', 'documents_taken_at_recruitment'];
  const ownedVisa = ['forced_to_stay_with_employer'];
  const genericKeys = genericRules.flatMap((r) => r.answerKeys ?? []);
  const coverage = [
    `(ua_fee + CASE WHEN nl > 0 AND months IS NULL THEN 1 ELSE 0 END + (nl - form_known) + (nl - fin_known) + nunconv) AS unknown_fee`,
    `(${ownedFee.length} + CASE WHEN nl > 0 THEN 1 ELSE 0 END + 3 * nl) AS inputs_fee`,
    `((ph = 'unknown')::int + (ih = 'unknown')::int + (wh = 'unknown')::int
       + CASE WHEN ${isHeld} THEN (acc = 'unknown')::int + (consent = 'unknown')::int + (withheld = 'unknown')::int
           + CASE WHEN acc <> 'no' AND rdays IS NULL THEN 1 ELSE 0 END ELSE 0 END
       + ua_documents) AS unknown_documents`,
    `(3 + CASE WHEN ${isHeld} THEN 3 + CASE WHEN acc <> 'no' THEN 1 ELSE 0 END ELSE 0 END + ${ownedDocuments.length}) AS inputs_documents`,
    `((visa = 'unknown')::int + CASE WHEN visa = 'citizen_or_resident' THEN 0 ELSE
        (tied = 'unknown')::int + (canchg = 'unknown')::int + (renewal = 'unknown')::int + (exitp = 'unknown')::int + (bond = 'unknown')::int
        + ua_visa END) AS unknown_visa`,
    `(CASE WHEN visa = 'citizen_or_resident' THEN 1 ELSE ${6 + ownedVisa.length} END) AS inputs_visa`,
    `((cw = 'unknown')::int + CASE WHEN cw = 'no' THEN 0 ELSE (clang = 'unknown')::int + (cchanged = 'unknown')::int
        + CASE WHEN ${migrant} THEN (cbefore = 'unknown')::int ELSE 0 END END
       + (age IS NULL)::int + ua_other) AS unknown_other`,
    `(1 + CASE WHEN cw = 'no' THEN 0 ELSE 2 + CASE WHEN ${migrant} THEN 1 ELSE 0 END END + 1 + ${genericKeys.length}) AS inputs_other`,
  ];

  // --- Delphi hits of the *active* indicators (the current classification)
  const structural: Hit[] = [
    { dimension: 'D2', indicator: 'debt bondage', strength: 'M', when: active('FEE-03') },
    { dimension: 'D5', indicator: 'debt bondage', strength: 'S', when: active('FEE-04') },
    { ...answerHit('deceived_about_fees'), when: active('FEE-05') },
    { dimension: 'D5', indicator: 'confiscation of documents', strength: 'S', when: active('DOC-01') },
    { dimension: 'D5', indicator: 'confiscation of documents', strength: 'S', when: active('DOC-02') },
    { ...answerHit('documents_taken_at_recruitment'), when: active('DOC-04') },
    { dimension: 'D5', indicator: 'under strong influence', strength: 'M', when: active('VISA-06') },
    { dimension: 'D6', indicator: 'relationship with authorities/legal status', strength: 'M', when: `(${active('VISA-06')} AND tie)` },
    { dimension: 'D1', indicator: 'deceived about content or legality of work contract', strength: 'M', when: active('CON-04') },
  ];
  const answerHits: (Hit & { key: string })[] = genericKeys.map((key) => ({ ...answerHit(key), key, when: yes(key) }));
  const indicators = new Map<string, { dimension: DelphiDimension; hits: (Hit & { key?: string })[] }>();
  for (const h of [...structural, ...answerHits]) {
    const k = `${h.dimension}\u0000${h.indicator}`;
    const entry = indicators.get(k) ?? { dimension: h.dimension, hits: [] };
    entry.hits.push(h);
    indicators.set(k, entry);
  }
  const dims: DelphiDimension[] = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6'];
  // Per dimension and level, the number of distinct indicators at that (maximum) strength.
  const levelTerms = new Map<string, string[]>();
  const addTerm = (dim: DelphiDimension, level: number, term: string) => {
    const k = `${dim}${level}`;
    levelTerms.set(k, [...(levelTerms.get(k) ?? []), term]);
  };
  for (const { dimension, hits } of indicators.values()) {
    const strengths = new Set(hits.map((h) => h.strength));
    if (strengths.size === 1) {
      // One strength: the indicator counts at it when any of its facts or answers is present.
      addTerm(dimension, STRENGTH_LEVEL[hits[0]!.strength], `(${hits.map((h) => h.when).join(' OR ')})::int`);
    } else {
      const level = `GREATEST(${hits.map((h) => `CASE WHEN ${h.when} THEN ${STRENGTH_LEVEL[h.strength]} ELSE 0 END`).join(', ')})`;
      for (const l of [1, 2, 3]) addTerm(dimension, l, `(${level} = ${l})::int`);
    }
  }
  const counts = dims.flatMap((d) => [3, 2, 1].map((l) => `(${(levelTerms.get(`${d}${l}`) ?? ['0']).join(' + ')}) AS ${d.toLowerCase()}_${l}`));
  const positive = (d: DelphiDimension): string => {
    const [s, m, w] = [3, 2, 1].map((l) => `${d.toLowerCase()}_${l}`);
    return `(${s} >= 2 OR (${s} >= 1 AND ${m} + ${w} >= 1) OR ${m} >= 3 OR (${m} >= 2 AND ${w} >= 1))`;
  };
  const pd = Object.fromEntries(dims.map((d) => [d, positive(d)])) as Record<DelphiDimension, string>;
  const strict = config.delphi.strictMode;
  const recruitment = `(${pd.D1} OR ${pd.D2} OR ${pd.D3})`;
  const recruitmentMeans = strict ? `(${pd.D1} OR ${pd.D2})` : recruitment;
  const destinationMeans = strict ? pd.D5 : `(${pd.D5} OR ${pd.D6})`;
  const label = `CASE WHEN NOT ${pd.D4} THEN 0
      WHEN child AND (${recruitment} OR intermediary) THEN 4
      WHEN ${recruitmentMeans} AND ${destinationMeans} THEN 4
      WHEN ${destinationMeans} THEN 3
      WHEN ${recruitment} THEN 2
      ELSE 1 END`;

  // --- masks
  const maskWord = (word: number, status: number): string => {
    const terms = RULE_IDS.slice(word * MASK_BITS, (word + 1) * MASK_BITS).map((id, bit) => `CASE WHEN ${statusCol(id)} = ${status} THEN ${2 ** bit} ELSE 0 END`);
    return `(${terms.join(' + ')})`;
  };
  const masks = [
    ...Array.from({ length: MASK_WORDS }, (_, w) => `${maskWord(w, 1)} AS active_${w}`),
    ...Array.from({ length: MASK_WORDS }, (_, w) => `${maskWord(w, 2)} AS remediated_${w}`),
  ];

  /** The worker's fee lines with amounts > 0 and their conversion into the settlement currency, from the row alias `r`. */
  const feeLines = (r: string): string => `(
            SELECT t.ord, t.category, t.amt, t.cur, t.form, t.fin,
                   ${convert('t.amt', 't.cur', 't.paid_on', `${r}.settle`, input, asOf)} AS conv
            FROM ROWS FROM (jsonb_to_recordset(${r}.fees) AS (category text, "amountMinor" float8, currency text, "paidOn" text, "paymentForm" text, "financedByLoan" text))
                 WITH ORDINALITY AS t(category, amt, cur, paid_on, form, fin, ord)
            WHERE t.amt > 0)`;
  const repaidSql = `(SELECT coalesce(sum(${convert('u.amt', 'u.cur', 'u.d', 'settle', input, asOf)}), 0)
        FROM unnest(rep_amt, rep_cur, rep_on) AS u(amt, cur, d))`;
  const base = BASE_COLUMNS.map((c) => `b0.${c}`).join(', ');
  const carried = BASE_COLUMNS.filter((c) => c !== 'fees').map((c) => `b1.${c}`).join(', ');

  return `
WITH rem AS (
  SELECT r.interview_id,
         array_agg(r.amount_minor::float8 ORDER BY r.occurred_on, r.id) FILTER (WHERE r.kind = 'fee_repayment') AS rep_amt,
         array_agg(r.currency::text ORDER BY r.occurred_on, r.id) FILTER (WHERE r.kind = 'fee_repayment') AS rep_cur,
         array_agg(r.occurred_on::text ORDER BY r.occurred_on, r.id) FILTER (WHERE r.kind = 'fee_repayment') AS rep_on,
         array_agg(r.id::text ORDER BY r.occurred_on, r.id) FILTER (WHERE r.kind = 'fee_repayment') AS rep_id,
         (array_agg(r.id::text ORDER BY r.occurred_on, r.id) FILTER (WHERE r.kind = 'document_return'))[1] AS doc_id,
         (array_agg(r.id::text ORDER BY r.occurred_on, r.id) FILTER (WHERE r.kind = 'sponsorship_transfer'))[1] AS sp_id
    FROM remediation_records r
   WHERE r.organization_id = ${org} AND r.verified AND r.occurred_on <= ${asOf}::date
     AND (r.kind <> 'fee_repayment' OR (r.amount_minor IS NOT NULL AND r.currency IS NOT NULL))
   GROUP BY r.interview_id
)
SELECT id, site_id, recruiter_id,
       ${masks.join(',\n       ')},
       unknown_fee, inputs_fee, unknown_documents, inputs_documents, unknown_visa, inputs_visa, unknown_other, inputs_other,
       CASE WHEN nl > 0 THEN months END AS fee_months,
       CASE WHEN ${active('FEE-01')} THEN nullif(concat_ws(';', CASE WHEN settle IS NOT NULL AND outstanding > 0 THEN settle || ' ' || outstanding::bigint END, unconv), '') END AS owed,
       ${label} AS label,
       CASE WHEN fee_rem THEN array_to_string(rep_id, ',') END AS repayment_ids,
       doc_id AS document_return_id,
       sp_id AS sponsorship_id
FROM (
  SELECT d.*, ${counts.join(',\n         ')}
  FROM (
    SELECT c.*, ${tie} AS tie, (age IS NOT NULL AND age < ${childAge}) AS child, (recruiter_id IS NOT NULL) AS intermediary,
           ${statuses.join(',\n           ')},
           ${coverage.join(',\n           ')}
    FROM (
      SELECT m.*,
             greatest(0, paid - repaid) AS outstanding,
             CASE WHEN wage_ok IS NULL THEN NULL ELSE ${jsRound('paid / wage_ok * 100')} / 100 END AS months,
             (nl > 0 AND nunconv = 0 AND greatest(0, paid - repaid) = 0 AND coalesce(cardinality(rep_id), 0) > 0) AS fee_rem,
             (doc_id IS NOT NULL) AS doc_rem,
             (sp_id IS NOT NULL) AS sp_rem
      FROM (
        SELECT f.*,
               coalesce(fa[1], 0)::int AS nl,
               coalesce(fa[2], 0) AS paid,
               coalesce(fa[3], 0)::int AS nunconv,
               coalesce(fa[4], 0) = 1 AS illegit,
               coalesce(fa[5], 0) = 1 AS financed,
               coalesce(fa[6], 0)::int AS form_known,
               coalesce(fa[7], 0)::int AS fin_known,
               -- only for the few workers with a fee that could not be converted
               CASE WHEN fa[3] > 0 THEN (SELECT string_agg(l.cur || ' ' || l.amt::bigint, ';' ORDER BY l.ord) FILTER (WHERE l.conv IS NULL) FROM ${feeLines('f')} l) END AS unconv
        FROM (
          SELECT ${carried}, b1.fees,
                 ${yesMasks.join(',\n                 ')},
                 ${unknownSum(ownedFee)} AS ua_fee,
                 ${unknownSum(ownedDocuments)} AS ua_documents,
                 ${unknownSum(ownedVisa)} AS ua_visa,
                 ${unknownSum(genericKeys)} AS ua_other,
                 -- the fee summary, only for workers who reported fees (most did not)
                 CASE WHEN b1.fees = '[]'::jsonb THEN NULL ELSE (
                   SELECT ARRAY[count(*), coalesce(sum(l.conv), 0), count(*) FILTER (WHERE l.conv IS NULL),
                                coalesce(bool_or(l.category IN (${ILLEGITIMATE_FEE_CATEGORIES.map(lit).join(', ')})), false)::int,
                                coalesce(bool_or(l.fin = 'yes' OR l.form IN ('loan', 'wage_deduction')), false)::int,
                                count(*) FILTER (WHERE l.form IS DISTINCT FROM 'unknown'),
                                count(*) FILTER (WHERE l.fin IS DISTINCT FROM 'unknown')]::float8[]
                     FROM ${feeLines('b1')} l) END AS fa,
                 CASE WHEN b1.rep_id IS NULL THEN 0::float8 ELSE ${repaidSql} END AS repaid,
                 CASE WHEN b1.wcur IS NOT NULL AND b1.wage > 0 THEN b1.wage::float8 END AS wage_ok
          FROM (
            SELECT ${base},
                   ${answerColumns}
            FROM (
              SELECT i.id, i.site_id, i.recruiter_id, i.age_at_recruitment AS age, i.monthly_wage_minor AS wage, i.wage_currency::text AS wcur,
                     i.passport_holder AS ph, i.id_card_holder AS ih, i.work_permit_holder AS wh,
                     i.documents_accessible_on_request::text AS acc, i.document_return_days AS rdays,
                     i.documents_held_with_consent::text AS consent, i.documents_withheld_until_debt_repaid::text AS withheld,
                     i.visa_type AS visa, i.visa_tied_to_employer::text AS tied, i.can_change_employer_without_permission::text AS canchg,
                     i.permit_renewal_controlled_by AS renewal, i.exit_permit_required::text AS exitp, i.security_bond_required::text AS bond,
                     i.contract_written::text AS cw, i.contract_in_own_language::text AS clang,
                     i.contract_signed_before_departure::text AS cbefore, i.contract_terms_changed_on_arrival::text AS cchanged,
                     i.fees,
                     coalesce(i.wage_currency::text, CASE WHEN i.fees <> '[]'::jsonb THEN
                       (SELECT e ->> 'currency' FROM jsonb_array_elements(i.fees) e WHERE (e ->> 'amountMinor')::numeric > 0 LIMIT 1) END) AS settle,
                     rem.rep_amt, rem.rep_cur, rem.rep_on, rem.rep_id, rem.doc_id, rem.sp_id,
                     -- detoasted once here (a compressed answers object would otherwise be decompressed for every key below)
                     (i.answers || '{}'::jsonb) AS ans
              FROM interviews i
              LEFT JOIN rem ON rem.interview_id = i.id
              WHERE i.organization_id = ${org} ${scope}
              OFFSET 0
            ) b0
            OFFSET 0
          ) b1
          OFFSET 0
        ) f
        OFFSET 0
      ) m
      OFFSET 0
    ) c
    OFFSET 0
  ) d
  OFFSET 0
) z`;
}

function answerHit(key: string): { dimension: DelphiDimension; indicator: string; strength: IndicatorStrength } {
  const question = getInterviewQuestion(key);
  if (question === undefined) throw DomainError.internal(`unknown interview question ${key}`);
  return { dimension: question.dimension, indicator: question.delphiIndicator, strength: question.strength };
}
