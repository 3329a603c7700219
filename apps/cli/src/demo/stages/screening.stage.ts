/**
 * Procurement screening (issue #4): the procurement authority loads four
 * exclusion lists (SAM.gov extract, UFLPA Entity List, World Bank debarred
 * firms, CBP WROs), publishes a block to its jurisdiction, the company turns
 * one of its scoring block recommendations into a block, and 24 sample bids
 * are screened: clean ones, and ones that reach a list entry or a block only
 * through a name variant, an identifier, a subcontractor or a recruiter. Then
 * an officer dismisses a false positive (adjudication memory) and a new SAM
 * edition is loaded: the worker re-screens the earlier bids and reports what
 * changed. Every company and person here is invented.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient } from '../api-client.js';
import { apiFor, DemoError, type DemoContext, type DemoStage } from '../context.js';

type Decision = 'clear' | 'review' | 'blocked';

interface Answer {
  id: string;
  decision: Decision;
  rule: { id: string };
  reasons: string[];
  matches: { record: { key: string; name: string }; source: string; party: { role: string; index: number } }[];
  suppressed: unknown[];
  durationMs: number;
}

export interface DemoScreening {
  bidder: string;
  decision: Decision;
  reasons: string[];
  rule: string;
  /** How the bid reaches (or does not reach) an exclusion: what the sample was built to show. */
  scenario: string;
  expected: Decision;
  matches: number;
  screenedBy: string;
  durationMs: number;
}

// ----------------------------------------------------------------------------- lists (invented entities)

const SAM_HEADER =
  'Classification,Name,Prefix,First,Middle,Last,Suffix,Address 1,Address 2,Address 3,City,State / Province,Country,Zip Code,Open Data Flag,Unique Entity ID,Exclusion Program,Excluding Agency,CT Code,Exclusion Type,Additional Comments,Active Date,Termination Date,Record Status,Cross-Reference,SAM Number,CAGE,NPI,Creation_Date';
const SAM_ROWS = [
  'Firm,KORVELIN TEXTILES CO. LTD.,,,,,,"88 Xiangyun Road",,,Shaoxing,Zhejiang,CHN,312000,Y,KV7LMQ2XH9N3,Reciprocal,DOD,A1,Ineligible (Proceedings Completed),Debarred after a FAR 52.222-50(b)(3) violation.,03/14/2024,Indefinite,Active,"(also  KORVELIN TEXTILE GROUP ,  ZHEJIANG KORVELIN FABRICS CO LTD )",S1,8F3K2,,03/15/2024',
  'Firm,Dravemont Apparel Limited,,,,,,"Plot 12, Sector 7",,,Gazipur,,BGD,1702,Y,DRV2M8PQ4L71,Reciprocal,STATE,A1,Ineligible (Proceedings Completed),Recruitment fees charged to migrant workers.,09/01/2024,Indefinite,Active,,S2,9A1B2,,09/02/2024',
  'Individual,,,Pyotr,Sergeyevich,Vorontelkin,,,,,Moscow,,RUS,,Y,,Reciprocal,HHS,,Prohibition/Restriction,,01/10/2022,Indefinite,Active,,S3,,,01/11/2022',
  'Firm,OSTRAVEL FISHING COMPANY SDN BHD,,,,,,"Lot 5, Jalan Pelabuhan",,,Kuantan,Pahang,MYS,25050,Y,OSF9K3L2M8Q4,Reciprocal,NOAA,A2,Ineligible (Proceedings Completed),Forced labour on fishing vessels; debarment ended.,02/01/2019,01/31/2022,Active,,S4,7Q2W3,,02/02/2019',
  'Firm,Halvoric Mining Company SA,,,,,,Avenue de la Mine 14,,,Kolwezi,,COD,,Y,HLV8C2N5D1X6,Reciprocal,USAID,A1,Ineligible (Proceedings Completed),Child labour in artisanal cobalt supply.,11/20/2024,11/19/2027,Active,"(also  HALVORIC CONGO MINING )",S5,3E4R5,,11/21/2024',
  'Firm,Teshavar Manpower Services LLC,,,,,,Al Quoz 4,,,Dubai,,ARE,,Y,TSV5H2K8L3M9,Reciprocal,DOL,A1,Ineligible (Proceedings Completed),Passports of recruited workers retained (FAR 52.222-50(b)(4)).,06/01/2025,Indefinite,Active,,S6,6H7J8,,06/02/2025',
];
/** A firm the next SAM edition adds: a bid screened clear earlier is re-checked and becomes blocked. */
const SAM_NEXT_ROW =
  'Firm,BRAMSVEL LOGISTICS PTY LTD,,,,,,12 Wharf Street,,,Fremantle,WA,AUS,6160,Y,BRM4L8G2T6X1,Reciprocal,DOD,A1,Ineligible (Proceedings Completed),Subcontracted crews held in debt bondage.,11/01/2026,Indefinite,Active,,S7,2B3N4,,11/02/2026';

const UFLPA_CSV = [
  'Name of Entity,Effective Date,Section',
  '"Xinhuaqiao Polymer Technology Co., Ltd. (and one alias: Xinhuaqiao Plastics Co., Ltd.)","June 21, 2022",(i)',
  '"Fendralux Polysilicon Co., Ltd. and its three Xinjiang-based subsidiaries, which include Fendralux Silicon Materials Co., Ltd., Fendralux New Energy Co., Ltd., and Fendralux Quartz Co., Ltd.","December 16, 2022",(ii)',
  '"Qinvoltai Textile Co., Ltd. (including two aliases: Qinvoltai Cotton Spinning Co., Ltd.; and Qinvoltai Yarn Co., Ltd.)","August 2, 2023",(v)',
].join('\n');

const WORLD_BANK_JSON = JSON.stringify({
  response: {
    ZPROCSUPP: [
      {
        SUPP_ID: '1174022',
        SUPP_NAME: 'M/S PELMORATH RECRUITMENT AGENCY PVT LTD*',
        SUPP_ADDR: 'Ward 10, New Baneshwor',
        SUPP_CITY: 'Kathmandu',
        COUNTRY_NAME: 'Nepal',
        DEBAR_REASON: 'Cross-debarment: African Development Bank',
        DEBAR_FROM_DATE: '2023-07-01T00:00:00',
        DEBAR_TO_DATE: 'Ongoing',
      },
      {
        SUPP_ID: '1174025',
        SUPP_NAME: 'Sunvale Garments Limited a.k.a. Sunvale Knit',
        SUPP_ADDR: 'Ashulia Road',
        SUPP_CITY: 'Savar',
        COUNTRY_NAME: 'Bangladesh',
        DEBAR_REASON: 'Procurement Guidelines, 1.16(a)(ii)',
        DEBAR_FROM_DATE: '2025-03-01T00:00:00',
        DEBAR_TO_DATE: '2029-02-28T00:00:00',
      },
    ],
  },
});

const CBP_CSV = [
  'Country,Industry,Status,WRO/Finding,Remarks,Press Release,Effective Date,Entity,Calendar Year,Country Code,Merchandise',
  'Malaysia,Manufacturing,Active,WRO,Forced labour indicators at glove factories.,https://example.org/wro-1,09/30/2022,Sorvandi Hand Gloves Sdn. Bhd.,2022,MY,Disposable gloves',
  'Côte d\'Ivoire,Agriculture,Inactive,WRO,Revoked after remediation.,https://example.org/wro-2,04/02/2020,Kalimbora Tea Estates Limited,2020,CI,Tea',
].join('\n');

const LISTS = [
  { key: 'sam', name: 'SAM.gov exclusions (demo extract)', format: 'sam_exclusions', source: 'U.S. GSA, SAM.gov (invented demo rows)', contentType: 'text/csv', content: [SAM_HEADER, ...SAM_ROWS].join('\n') },
  { key: 'uflpa', name: 'UFLPA Entity List (demo)', format: 'uflpa', source: 'U.S. DHS FLETF (invented demo rows)', contentType: 'text/csv', content: UFLPA_CSV },
  { key: 'worldbank', name: 'World Bank debarred firms (demo)', format: 'worldbank_debarred', source: 'World Bank Group (invented demo rows)', contentType: 'application/json', content: WORLD_BANK_JSON },
  { key: 'cbp', name: 'CBP Withhold Release Orders (demo)', format: 'cbp_wro', source: 'U.S. CBP (invented demo rows)', contentType: 'text/csv', content: CBP_CSV },
] as const;

// ----------------------------------------------------------------------------- bids

interface Bid {
  scenario: string;
  expected: Decision;
  body: Record<string, unknown>;
}

const BIDS: Bid[] = [
  // Clean bidders.
  { scenario: 'clean', expected: 'clear', body: { bidder: { name: 'Harbourline Apparel Pty Ltd', country: 'AU' } } },
  { scenario: 'clean', expected: 'clear', body: { bidder: { name: 'Wattlecrest Uniforms Pty Ltd', country: 'AU', identifiers: [{ scheme: 'registration', value: '612 441 908', country: 'AU' }] } } },
  { scenario: 'clean', expected: 'clear', body: { bidder: { name: 'Bramsvel Logistics Pty Ltd', country: 'AU' }, tender: { reference: 'ANPA-2026-0311' } } },
  { scenario: 'clean', expected: 'clear', body: { bidder: { name: 'Tasveld Protective Wear Ltd', country: 'NZ' } } },
  { scenario: 'clean', expected: 'clear', body: { bidder: { name: 'Quorrin Medical Textiles Sdn Bhd', country: 'MY' }, subcontractors: [{ name: 'Penrith Sewing Cooperative', country: 'AU' }] } },
  { scenario: 'clean', expected: 'clear', body: { bidder: { name: 'Golden Star Textile Trading Co., Ltd.', country: 'CN' } } },
  { scenario: 'clean (shares only common words with listed firms)', expected: 'clear', body: { bidder: { name: 'Korvanis Textiles Co., Ltd.', country: 'CN' } } },
  { scenario: 'clean (an exclusion that ended in 2022)', expected: 'clear', body: { bidder: { name: 'Ostravel Fishing Company', country: 'MY' } } },
  { scenario: 'clean (a WRO that CBP revoked)', expected: 'clear', body: { bidder: { name: 'Kalimbora Tea Estates Ltd', country: 'CI' } } },
  // Name variants.
  { scenario: 'name variant: legal form and case (SAM.gov)', expected: 'blocked', body: { bidder: { name: 'Korvelin Textiles Company Limited', country: 'CN' } } },
  { scenario: 'name variant: Cyrillic transliteration (SAM.gov individual)', expected: 'blocked', body: { bidder: { name: 'Пётр Сергеевич Воронтелкин', country: 'RU' } } },
  { scenario: 'name variant: typo and word order (SAM.gov)', expected: 'blocked', body: { bidder: { name: 'Apparels Dravemomt Ltd', country: 'BD' } } },
  { scenario: 'name variant: SAM.gov cross-reference alias', expected: 'blocked', body: { bidder: { name: 'Zhejiang Korvelin Fabrics', country: 'CN' } } },
  { scenario: 'name variant: UFLPA subsidiary named inside the entry', expected: 'blocked', body: { bidder: { name: 'Fendralux New Energy Co Ltd', country: 'CN' } } },
  { scenario: 'name variant: UFLPA alias', expected: 'blocked', body: { bidder: { name: 'Qinvoltai Yarn Company', country: 'CN' } } },
  // Identifiers.
  { scenario: 'identifier only: SAM.gov UEI under another name', expected: 'blocked', body: { bidder: { name: 'Shaoxing Bright Loom Co., Ltd.', country: 'CN', identifiers: [{ scheme: 'uei', value: 'KV7LMQ2XH9N3' }] } } },
  { scenario: 'identifier only: CAGE code', expected: 'blocked', body: { bidder: { name: 'Kolwezi Minerals Trading', identifiers: [{ scheme: 'cage', value: '3E4R5' }] } } },
  // Through a subcontractor or a recruiter.
  { scenario: 'subcontractor on the CBP WRO list', expected: 'blocked', body: { bidder: { name: 'Southern Cross Health Supplies Pty Ltd', country: 'AU' }, subcontractors: [{ name: 'Sorvandi Handgloves Sdn Bhd', country: 'MY' }] } },
  { scenario: 'recruiter excluded on SAM.gov (passport retention)', expected: 'blocked', body: { bidder: { name: 'Larrakin Facilities Services Pty Ltd', country: 'AU' }, recruiters: [{ name: 'Teshavar Manpower Services', country: 'AE' }] } },
  // Review.
  { scenario: 'recruiter cross-debarred by the World Bank (reviewed, not blocking)', expected: 'review', body: { bidder: { name: 'Outback Catering Group Pty Ltd', country: 'AU' }, recruiters: [{ name: 'Pelmorath Recruitment Agency', country: 'NP' }] } },
  { scenario: 'strong name match, different country', expected: 'review', body: { bidder: { name: 'Halvoric Mining Company', country: 'AU' } } },
  { scenario: 'World Bank debarment by alias (to be dismissed as a false positive)', expected: 'review', body: { bidder: { name: 'Sunvale Knit Pty Ltd', country: 'AU' } } },
  // Published block.
  { scenario: "a block another officer published in the jurisdiction (typo in the bid)", expected: 'blocked', body: { bidder: { name: 'Quillondar Sea Food Processing Co', country: 'TH' } } },
];

// ----------------------------------------------------------------------------- helpers

async function screen(api: ApiClient, body: Record<string, unknown>): Promise<Answer> {
  const { status, body: answer } = await api.post<Answer>('/screenings', body);
  if (status !== 201) throw new DemoError(`POST /screenings answered ${status}`);
  return answer;
}

function bidderOf(body: Record<string, unknown>): string {
  return (body.bidder as { name: string }).name;
}

const decision = { decisionMaker: 'M. Okonkwo, Chief Procurement Officer', reason: 'Labour inspectorate report of 2026-02-10 and the bidder\'s own admissions' };

async function loadLists(ctx: DemoContext, api: ApiClient): Promise<{ name: string; version: number; entries: number; issues: number; id: string }[]> {
  const loaded = [];
  const existing = await api.get<{ data: { id: string; name: string }[] }>('/exclusion-lists?limit=100');
  for (const l of LISTS) {
    let id = existing.data.find((x) => x.name === l.name)?.id;
    if (id === undefined) {
      const { body } = await api.post<{ id: string }>('/exclusion-lists', { name: l.name, format: l.format, source: l.source, licence: 'Public domain (US government work); demo rows invented', sourceUrl: 'https://example.org/lists' });
      id = body.id;
    }
    const { body: snap } = await api.request<{ version: number; entryCount: number; issueCount: number; duplicate: boolean }>('POST', `/exclusion-lists/${id}/snapshots?sourceDate=2026-11-01`, {
      body: l.content,
      contentType: l.contentType,
    });
    loaded.push({ name: l.name, version: snap.version, entries: snap.entryCount, issues: snap.issueCount, id });
    ctx.console.info(`${l.name}: snapshot v${snap.version}, ${snap.entryCount} entries${snap.issueCount > 0 ? `, ${snap.issueCount} row(s) reported` : ''}`);
  }
  return loaded;
}

/** The company turns its riskiest supplier's block recommendation (from scoring) into an active block, then screens two bids. */
async function companyBlock(ctx: DemoContext): Promise<Record<string, unknown> | null> {
  const company = ctx.organizations.get('company');
  if (!company) return null;
  const recs = (await ctx.db.query(
    `SELECT br.id, s.name, s.id AS supplier_id FROM block_recommendations br JOIN suppliers s ON s.id = br.subject_id
      WHERE br.organization_id = $1 AND br.subject_type = 'supplier' AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.recommendation_id = br.id)
      ORDER BY br.created_at DESC LIMIT 2`,
    [company.id],
  )) as { id: string; name: string; supplier_id: string }[];
  const risky = (await ctx.db.query(
    `SELECT s.name FROM current_assessments ca JOIN suppliers s ON s.id = ca.subject_id
      WHERE ca.organization_id = $1 AND ca.subject_type = 'supplier' AND ca.band IN ('high', 'critical')
        AND NOT EXISTS (SELECT 1 FROM block_recommendations br WHERE br.subject_id = s.id) ORDER BY ca.overall DESC LIMIT 1`,
    [company.id],
  )) as { name: string }[];
  if (recs.length === 0) {
    ctx.console.warn('no supplier block recommendation from scoring: the company block is skipped');
    return null;
  }
  const api = apiFor(ctx, 'company', 'compliance');
  const rec = recs[0]!;
  const { body: block } = await api.post<{ id: string; endsOn: string }>('/blocks', {
    recommendationId: rec.id,
    legalGround: 'organization_policy',
    evidence: [{ kind: 'url', url: 'https://example.org/northwind/supplier-code-of-conduct', description: 'Supplier code of conduct, clause 4 (forced labour)' }],
    decisionMaker: 'Head of Responsible Sourcing',
    reason: 'Scoring recommends a block (critical document-confiscation and fee findings)',
  });
  await api.post(`/blocks/${block.id}/activate`, { decisionMaker: 'Chief Procurement Officer', reason: 'Confirmed after a desk review of the audit evidence' });
  const buyer = apiFor(ctx, 'company', 'procurement');
  const out: Record<string, unknown> = { blockId: block.id, supplier: rec.name, endsOn: block.endsOn, screenings: [] as unknown[] };
  const bids: Bid[] = [{ scenario: 'company: its own supplier, blocked from a scoring recommendation', expected: 'blocked', body: { bidder: { name: rec.name } } }];
  if (risky[0]) bids.push({ scenario: 'company: a supplier with a high-risk assessment', expected: 'review', body: { bidder: { name: risky[0].name } } });
  for (const bid of bids) {
    const a = await screen(buyer, bid.body);
    (out.screenings as unknown[]).push({ bidder: bidderOf(bid.body), decision: a.decision, reasons: a.reasons, rule: a.rule.id, scenario: bid.scenario, expected: bid.expected, matches: a.matches.length, durationMs: a.durationMs });
    ctx.summary.checks.push({ name: `screening: ${bid.scenario}`, ok: a.decision === bid.expected, detail: `${bidderOf(bid.body)} -> ${a.decision} (${a.rule.id}), expected ${bid.expected}` });
  }
  return out;
}

export const screeningStage: DemoStage = {
  name: 'screening',
  title: 'Screen sample bids against exclusion lists, blocks and the supplier register',
  async run(ctx) {
    const admin = apiFor(ctx, 'procurement', 'admin');
    const officer = apiFor(ctx, 'procurement', 'procurement');
    const started = Date.now();

    // 1. Exclusion lists, as versioned snapshots.
    const lists = await loadLists(ctx, admin);

    // 2. A block published to the jurisdiction (FAR 52.222-50 debarment), seen by every authority and regulator there.
    const { body: block } = await admin.post<{ id: string; endsOn: string; maxEndsOn: string }>('/blocks', {
      subject: { name: 'Quillondar Seafood Processing Co., Ltd.', country: 'TH', identifiers: [{ scheme: 'registration', value: '0105559012345', country: 'TH' }] },
      scope: 'jurisdiction',
      legalGround: 'far_52_222_50_debarment',
      evidence: [{ kind: 'url', url: 'https://example.org/anpa/investigation-2026-07.pdf', description: 'Investigation report: debt bondage of vessel crews' }],
      ...decision,
    });
    await admin.post(`/blocks/${block.id}/activate`, decision);
    await admin.post(`/blocks/${block.id}/publish`, { ...decision, reason: 'Published so that every authority in AU screens against it' });
    ctx.console.info(`block ${block.id} (FAR 52.222-50 debarment) active until ${block.endsOn} (maximum ${block.maxEndsOn}), published in AU`);

    // 3. The company's block from a scoring recommendation.
    const company = await companyBlock(ctx);

    // 4. The sample bids.
    const screenings: DemoScreening[] = [];
    const answers = new Map<string, Answer>();
    for (const bid of BIDS) {
      const a = await screen(officer, bid.body);
      answers.set(bid.scenario, a);
      screenings.push({
        bidder: bidderOf(bid.body),
        decision: a.decision,
        reasons: a.reasons,
        rule: a.rule.id,
        scenario: bid.scenario,
        expected: bid.expected,
        matches: a.matches.length,
        screenedBy: 'Austral National Procurement Agency',
        durationMs: a.durationMs,
      });
      ctx.summary.checks.push({ name: `screening: ${bid.scenario}`, ok: a.decision === bid.expected, detail: `${bidderOf(bid.body)} -> ${a.decision} (${a.rule.id}), expected ${bid.expected}` });
      if (a.decision !== bid.expected) ctx.console.warn(`${bidderOf(bid.body)}: ${a.decision}, expected ${bid.expected} (${bid.scenario})`);
    }
    for (const c of (company?.screenings as Omit<DemoScreening, 'screenedBy'>[] | undefined) ?? []) {
      screenings.push({ ...c, screenedBy: 'Northwind Apparel & Electronics plc' });
    }
    const kinds = new Set(screenings.map((s) => s.decision));
    for (const d of ['clear', 'review', 'blocked'] as const) {
      ctx.summary.checks.push({ name: `screening decision ${d} present`, ok: kinds.has(d), detail: `${screenings.filter((s) => s.decision === d).length} of ${screenings.length} bids` });
    }

    // 5. Adjudication memory: the officer dismisses the World Bank alias match; the same bid is then clear.
    const fp = BIDS.find((b) => b.scenario.startsWith('World Bank debarment by alias'))!;
    const fpAnswer = answers.get(fp.scenario)!;
    let adjudication: Record<string, unknown> = {};
    const fpMatch = fpAnswer.matches.find((m) => m.source === 'exclusion_list');
    if (fpMatch) {
      const { body: adj } = await officer.post<{ id: string }>(`/screenings/${fpAnswer.id}/adjudications`, {
        recordKey: fpMatch.record.key,
        verdict: 'false_positive',
        reason: 'Different firm: the bidder is an Australian company (ABN 51 824 753 556) with no link to the Bangladeshi debarred firm',
      });
      const again = await screen(officer, fp.body);
      adjudication = { bidder: bidderOf(fp.body), record: fpMatch.record.name, adjudicationId: adj.id, before: fpAnswer.decision, after: again.decision, suppressed: again.suppressed.length };
      ctx.summary.checks.push({ name: 'adjudication memory', ok: again.decision === 'clear' && again.suppressed.length === 1, detail: `${bidderOf(fp.body)}: ${fpAnswer.decision} -> ${again.decision} after the false positive was recorded` });
    }

    // 6. Re-screening: a new SAM edition lists a bidder screened clear above; the worker re-checks and reports it.
    const sam = lists.find((l) => l.name.startsWith('SAM.gov'))!;
    const { body: next } = await admin.request<{ id: string; version: number; diff: Record<string, number> }>('POST', `/exclusion-lists/${sam.id}/snapshots?sourceDate=2026-11-20`, {
      body: [SAM_HEADER, ...SAM_ROWS, SAM_NEXT_ROW].join('\n'),
      contentType: 'text/csv',
    });
    ctx.console.info(`SAM.gov (demo) v${next.version}: ${next.diff.added} added, ${next.diff.removed} removed, ${next.diff.changed} changed; waiting for the worker's re-screening`);
    let changes: { subjectKind: string; subjectName: string; previousDecision: string; newDecision: string; triggerSummary: string }[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      changes = (await officer.get<{ data: typeof changes }>('/screenings/changes?limit=100')).data;
      if (changes.some((c) => c.subjectName.startsWith('Bramsvel'))) break;
      await sleep(500);
    }
    const found = changes.find((c) => c.subjectName.startsWith('Bramsvel'));
    ctx.summary.checks.push({
      name: 're-screening after a list refresh',
      ok: found !== undefined && found.newDecision === 'blocked',
      detail: found ? `${found.subjectName}: ${found.previousDecision} -> ${found.newDecision} (${found.triggerSummary})` : 'no change reported within 60 s (is the worker running?)',
    });

    ctx.summary.screenings = screenings.map((s) => ({ bidder: s.bidder, decision: s.decision, reasons: s.reasons, rule: s.rule, scenario: s.scenario, screenedBy: s.screenedBy }));
    ctx.summary.screeningRun = {
      lists,
      publishedBlock: { id: block.id, ground: 'far_52_222_50_debarment', endsOn: block.endsOn, jurisdiction: 'AU' },
      companyBlock: company,
      decisions: { clear: screenings.filter((s) => s.decision === 'clear').length, review: screenings.filter((s) => s.decision === 'review').length, blocked: screenings.filter((s) => s.decision === 'blocked').length },
      adjudication,
      rescreening: { snapshotVersion: next.version, diff: next.diff, changes },
      medianScreeningMs: [...screenings.map((s) => s.durationMs)].sort((a, b) => a - b)[Math.floor(screenings.length / 2)],
      durationMs: Date.now() - started,
    };
    ctx.console.table(
      ['bidder', 'decision', 'rule', 'scenario'],
      screenings.map((s) => [s.bidder.length > 38 ? `${s.bidder.slice(0, 37)}…` : s.bidder, s.decision, s.rule, s.scenario.length > 60 ? `${s.scenario.slice(0, 59)}…` : s.scenario]),
    );
    const wrong = screenings.filter((s) => s.decision !== s.expected);
    if (wrong.length > 0) throw new DemoError(`${wrong.length} sample bid(s) got an unexpected decision: ${wrong.map((w) => `${w.bidder} ${w.decision} (expected ${w.expected})`).join('; ')}`);
  },
};
