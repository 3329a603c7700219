/**
 * Deterministic generator of the demo supply chain: suppliers over three tiers,
 * their sites, labour recruiters and the corridors they work, audits, findings
 * and worker interviews. Pure: no I/O, no clock, no Math.random; the same seed
 * always gives the same dataset.
 *
 * Risk is planted, not uniform, so the scoring stages have signal: a few
 * recruiters charge large loan-financed fees, some sites keep passports
 * without access, destinations with employer-tied permits (QA, SA, AE, MY, TW,
 * JO, TH) differ from sites employing local workers who can change employer
 * freely, most workers at good sites answer "no", and a realistic share of
 * answers is "unknown" (an empty cell or an unasked question, never "no").
 */
import {
  currencyExponent,
  formatMinor,
  INTERVIEW_QUESTIONS,
  type Fee,
  type FeeCategory,
  type FeePayee,
  type FeePaymentForm,
  type TriAnswer,
} from '@lantern/domain';
import type {
  AuditRow,
  BadRow,
  DemoDataset,
  EngagementRow,
  FindingRow,
  InterviewRow,
  RecruiterProfile,
  RecruiterRow,
  SiteRow,
  SupplierConduct,
  SupplierRow,
  TriCell,
} from './dataset.js';
import { NameFactory } from './names.js';
import { Rng } from './prng.js';
import { AUDIT_STANDARDS, DESTINATIONS, DESTINATION_AGENCIES, ORIGINS, PLACES, SEGMENTS, type Segment } from './reference.js';

export interface GeneratorOptions {
  seed: number;
  /** Name written in most audit rows (the demo audit-firm organisation). */
  auditFirmName: string;
  suppliers?: number;
  recruiters?: number;
  audits?: number;
  interviews?: number;
}

export const DEFAULT_SEED = 20251122;
export const DEMO_AS_OF = '2025-10-31';

/** Minimums the demo promises (issue #2 §7). */
export const DEMO_MINIMUMS = { suppliers: 200, recruiters: 40, audits: 300, interviews: 20_000, countries: 10, tiers: 3 } as const;

const DAY_MS = 86_400_000;
const AS_OF_MS = Date.parse(`${DEMO_AS_OF}T00:00:00Z`);
const OTHER_AUDIT_FIRMS = ['Brevanor Compliance Services', 'Quillomar Social Assurance'];

/** Tier-share of suppliers per segment (sums to 200 at the default size). */
const SEGMENT_SHARES: Record<string, number> = {
  apparel: 18, footwear: 6, electronics: 13, logistics: 8,
  textile_mill: 22, components: 18, rubber_products: 10, packaging: 10, chemicals: 10,
  cotton: 24, palm_oil: 14, seafood: 14, rubber: 15, electronic_parts: 12, tin: 6,
};

// ------------------------------------------------------------------ internal model

interface SupplierModel {
  row: SupplierRow;
  segment: Segment;
  stem: string;
  conduct: SupplierConduct;
  index: number;
}

type DocumentPractice = 'worker_holds' | 'safekeeping' | 'retention';

interface SiteModel {
  row: SiteRow;
  supplier: SupplierModel;
  segment: Segment;
  migrantShare: number;
  destination: boolean;
  documents: DocumentPractice;
  hotspot: boolean;
  /** Per-worker probabilities of site-level conditions. */
  overtime: number;
  living: number;
  threats: number;
  wagesWithheld: number;
  confinement: number;
  hazard: number;
  engagements: EngagementModel[];
  /** Workers interviewed at earlier audits (for follow-up interviews). */
  pool: WorkerProfile[];
}

interface RecruiterModel {
  row: RecruiterRow;
  profile: RecruiterProfile;
  /** Origins it recruits from and destinations it places in. */
  origins: string[];
  destinations: string[];
}

interface EngagementModel {
  row: EngagementRow;
  recruiter: RecruiterModel;
  origin: string;
}

interface AuditModel {
  row: AuditRow;
  site: SiteModel;
  dateMs: number;
  interviews: number;
}

/** What stays the same when a worker is interviewed again. */
interface WorkerProfile {
  workerRef: string;
  migrant: boolean;
  engagement: EngagementModel | null;
  origin: string;
  gender: string;
  age: number | null;
  recruitedMs: number;
  fees: Fee[];
  /** Fees in months of wage (approximate, USD-based). */
  feeMonths: number;
  loan: boolean;
  visaType: string | null;
  deceived: boolean;
  wageMajor: number | null;
}

// ------------------------------------------------------------------ helpers

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isoDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Round to three significant digits (how people quote fees and wages). */
function roundSig(value: number, digits = 3): number {
  if (value <= 0) return 0;
  const p = Math.pow(10, Math.max(0, Math.floor(Math.log10(value)) - digits + 1));
  return Math.round(value / p) * p;
}

/** Major units -> integer minor units of the currency (no float residue). */
function toMinor(major: number, currency: string): number {
  const exp = currencyExponent(currency);
  if (exp === undefined) throw new Error(`generator: unknown currency ${currency}`);
  return Math.round(major * Math.pow(10, exp));
}

function tri(rng: Rng, pYes: number, pUnknown = 0.05, emptyForUnknown = 0.6): TriCell {
  if (rng.chance(pUnknown)) return rng.chance(emptyForUnknown) ? null : 'unknown';
  return rng.chance(pYes) ? 'yes' : 'no';
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ISO 17442 LEI with valid ISO 7064 MOD 97-10 check digits. */
function lei(rng: Rng): string {
  const base = `${rng.code(4, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}00${rng.code(12, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}`;
  const numeric = (base + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return base + pad(98 - rem, 2);
}

function taxId(rng: Rng, country: string): string {
  switch (country) {
    case 'CN': return `91${rng.code(16, '0123456789ABCDEFGHJKLMNPQRTUWXY')}`;
    case 'IN': return `${pad(rng.int(1, 37), 2)}${rng.code(5, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}${rng.digits(4)}${rng.code(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}1Z${rng.code(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}`;
    case 'VN': return `0${rng.digits(9)}`;
    case 'MY': return `C${rng.digits(10)}`;
    case 'TH': return `0${rng.digits(12)}`;
    case 'BD': return `${rng.digits(9)}-${rng.digits(4)}`;
    case 'PK': return `${rng.digits(7)}-${rng.digits(1)}`;
    case 'TR': return rng.digits(10);
    case 'TW': return rng.digits(8);
    case 'ID': return `${rng.digits(2)}.${rng.digits(3)}.${rng.digits(3)}.${rng.digits(1)}-${rng.digits(3)}.${rng.digits(3)}`;
    default: return `${country}${rng.digits(9)}`;
  }
}

function osId(rng: Rng, country: string): string {
  return `${country}${rng.int(2019, 2025)}${pad(rng.int(1, 365), 3)}${rng.code(6)}`;
}

function weightedCountry(rng: Rng, seg: Segment): string {
  return rng.weighted(seg.countries);
}

// ------------------------------------------------------------------ the generator

export function generateDemoDataset(options: GeneratorOptions): DemoDataset {
  const seed = options.seed >>> 0;
  const root = new Rng(seed);
  const names = new NameFactory(root.fork('names'));
  const sizes = {
    suppliers: options.suppliers ?? DEMO_MINIMUMS.suppliers,
    recruiters: options.recruiters ?? DEMO_MINIMUMS.recruiters,
    audits: options.audits ?? DEMO_MINIMUMS.audits,
    interviews: options.interviews ?? DEMO_MINIMUMS.interviews,
  };

  const suppliers = makeSuppliers(root.fork('suppliers'), names, sizes.suppliers);
  const sites = makeSites(root.fork('sites'), names, suppliers);
  const recruiters = makeRecruiters(root.fork('recruiters'), names, sizes.recruiters);
  const engagements = makeEngagements(root.fork('engagements'), sites, recruiters);
  const audits = makeAudits(root.fork('audits'), sites, sizes.audits, options.auditFirmName);
  allocateInterviews(audits, sizes.interviews);
  const interviews = makeInterviews(root.fork('interviews'), audits);
  const findings = makeFindings(root.fork('findings'), audits);
  const ndjsonAudit = pickNdjsonAudit(audits);

  const dataset: DemoDataset = {
    seed,
    asOf: DEMO_AS_OF,
    rows: {
      suppliers: suppliers.map((s) => s.row),
      sites: sites.map((s) => s.row),
      recruiters: recruiters.map((r) => r.row),
      engagements: engagements.map((e) => e.row),
      audits: audits.map((a) => a.row),
      findings,
      interviews,
    },
    ndjsonAuditRef: ndjsonAudit.row.ref,
    badRows: [],
    truth: {
      recruiterProfiles: Object.fromEntries(recruiters.map((r) => [r.row.ref, r.profile])),
      supplierConduct: Object.fromEntries(suppliers.map((s) => [s.row.ref, s.conduct])),
      hotspotSites: sites.filter((s) => s.hotspot).map((s) => s.row.ref),
      documentRetentionSites: sites.filter((s) => s.documents === 'retention').map((s) => s.row.ref),
    },
  };
  dataset.badRows = makeBadRows(dataset);
  return dataset;
}

// ------------------------------------------------------------------ suppliers

function makeSuppliers(rng: Rng, names: NameFactory, total: number): SupplierModel[] {
  const shareTotal = Object.values(SEGMENT_SHARES).reduce((a, b) => a + b, 0);
  // Largest-remainder allocation of `total` over segments.
  const raw = SEGMENTS.map((seg) => ({ seg, exact: (SEGMENT_SHARES[seg.id]! / shareTotal) * total }));
  const counts = new Map(raw.map((r) => [r.seg.id, Math.floor(r.exact)]));
  let left = total - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const r of [...raw].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left-- <= 0) break;
    counts.set(r.seg.id, counts.get(r.seg.id)! + 1);
  }

  const out: SupplierModel[] = [];
  for (const tier of [1, 2, 3] as const) {
    for (const seg of SEGMENTS.filter((s) => s.tier === tier)) {
      const n = counts.get(seg.id) ?? 0;
      for (let i = 0; i < n; i++) {
        const index = out.length;
        const country = weightedCountry(rng, seg);
        const conduct: SupplierConduct =
          tier === 3 ? rng.weighted([['good', 30], ['average', 45], ['poor', 25]]) : rng.weighted([['good', 45], ['average', 40], ['poor', 15]]);
        // Corporate groups: some suppliers belong to an earlier supplier of the same country.
        const candidates = out.filter((p) => p.row.country === country && p.row.parent_ref === null && p.segment.tier <= tier);
        const parent = candidates.length > 0 && rng.chance(0.12) ? rng.pick(candidates) : null;
        const stem = parent ? parent.stem : names.stem();
        const word = rng.pick(seg.nameWords);
        const name = names.company(stem, word, country);
        const buyers = tier === 1 ? [] : pickBuyers(rng, out, seg, country);
        const row: SupplierRow = {
          ref: `SUP-${pad(index + 1, 4)}`,
          name,
          country,
          sector: seg.sector,
          tier,
          parent_ref: parent ? parent.row.ref : null,
          supplies_to: buyers.map((b) => b.row.ref),
          lei: rng.chance(tier === 1 ? 0.35 : tier === 2 ? 0.15 : 0.05) ? lei(rng) : null,
          tax_id: rng.chance(0.75) ? taxId(rng, country) : null,
          duns: rng.chance(tier === 3 ? 0.2 : 0.45) ? rng.digits(9) : null,
          os_id: null,
        };
        out.push({ row, segment: seg, stem, conduct, index });
      }
    }
  }
  return out;
}

function pickBuyers(rng: Rng, existing: SupplierModel[], seg: Segment, country: string): SupplierModel[] {
  const pool = existing.filter((s) => seg.sellsTo.includes(s.segment.id));
  if (pool.length === 0) throw new Error(`generator: no buyers for segment ${seg.id}`);
  const n = rng.weighted([[1, 5], [2, 3], [3, 1]] as const);
  const chosen = new Set<SupplierModel>();
  for (let i = 0; i < n * 4 && chosen.size < n; i++) {
    chosen.add(rng.weighted(pool.map((p) => [p, p.row.country === country ? 4 : 1] as const)));
  }
  return [...chosen];
}

// ------------------------------------------------------------------ sites

function makeSites(rng: Rng, names: NameFactory, suppliers: SupplierModel[]): SiteModel[] {
  const out: SiteModel[] = [];
  const estates = Array.from({ length: 40 }, () => names.stem());
  for (const s of suppliers) {
    const n = rng.weighted([[1, 3], [2, 4], [3, 3]] as const);
    for (let i = 0; i < n; i++) {
      const seg = s.segment;
      const country = i > 0 && rng.chance(0.1) ? weightedCountry(rng, seg) : s.row.country;
      const dest = DESTINATIONS[country];
      if (!dest) throw new Error(`generator: no labour-market profile for ${country}`);
      let place = rng.pick(PLACES[country] ?? ['Capital region']);
      if (seg.id === 'cotton' && country === 'CN' && rng.chance(0.5)) place = rng.pick(['Aksu, Xinjiang', 'Korla, Xinjiang']);
      const [hMin, hMax] = seg.headcount;
      const headcount = Math.round(Math.exp(rng.float(Math.log(hMin), Math.log(hMax))));
      const labourIntensive = seg.tier === 3 && ['palm_oil', 'seafood', 'rubber'].includes(seg.id);
      let share = rng.float(dest.migrantShare[0], dest.migrantShare[1]);
      if (labourIntensive && dest.tiedPermits) share = Math.min(0.97, share * 1.2);
      share = Math.round(share * 100) / 100;
      const destination = dest.tiedPermits && share >= 0.1;

      const conductFactor = s.conduct === 'good' ? 0.25 : s.conduct === 'average' ? 1 : 1.9;
      const hotspot = destination && s.conduct === 'poor' && rng.chance(0.35);
      let documents: DocumentPractice = 'worker_holds';
      if (hotspot || rng.chance(Math.min(0.95, dest.passportRetention * conductFactor))) documents = 'retention';
      else if (destination && rng.chance(0.35)) documents = 'safekeeping';

      const peakSeason = ['apparel', 'footwear', 'electronics', 'components', 'seafood'].includes(seg.id) ? 1.4 : 1;
      const bad = s.conduct === 'poor' ? 1 : s.conduct === 'average' ? 0.4 : 0.08;
      const kind = seg.tier === 3 ? (labourIntensive ? 'Estate' : 'Processing Plant') : seg.id === 'logistics' ? 'Warehouse' : rng.pick(['Factory', 'Plant', 'Unit']);
      const placeShort = place.split(',')[0]!;
      const site: SiteModel = {
        row: {
          ref: `SITE-${pad(out.length + 1, 4)}`,
          supplier_ref: s.row.ref,
          name: `${s.stem} ${placeShort} ${kind}${n > 1 ? ` ${i + 1}` : ''}`,
          address: `${rng.pick(['Plot', 'Lot', 'Block', 'Unit'])} ${rng.int(2, 480)}, ${rng.pick(estates)} ${rng.pick(['Industrial Park', 'Industrial Estate', 'Export Processing Zone', 'Road'])}, ${place}`,
          country,
          sector: seg.sector,
          headcount,
          migrant_worker_share: share.toFixed(2),
          os_id: seg.tier < 3 && rng.chance(0.3) ? osId(rng, country) : null,
        },
        supplier: s,
        segment: seg,
        migrantShare: share,
        destination,
        documents,
        hotspot,
        overtime: Math.min(0.9, (0.04 + 0.3 * bad) * peakSeason + (hotspot ? 0.35 : 0)),
        living: Math.min(0.9, 0.03 + 0.25 * bad * (destination ? 1.4 : 0.6) + (hotspot ? 0.3 : 0)),
        threats: Math.min(0.8, 0.01 + 0.08 * bad + (hotspot ? 0.35 : 0)),
        wagesWithheld: Math.min(0.8, 0.01 + 0.07 * bad + (hotspot ? 0.3 : 0)),
        confinement: hotspot ? 0.45 : 0.004 + 0.02 * bad,
        hazard: 0.03 + (labourIntensive || seg.id === 'tin' ? 0.2 : 0.05) * (0.5 + bad),
        engagements: [],
        pool: [],
      };
      out.push(site);
      if (n === 1 && site.row.os_id && s.row.os_id === null) s.row.os_id = site.row.os_id;
    }
  }
  return out;
}

// ------------------------------------------------------------------ recruiters

/** How many recruiters per origin country (origin-based agencies). */
const ORIGIN_ALLOCATION: readonly (readonly [string, number])[] = [
  ['NP', 5], ['BD', 5], ['MM', 3], ['KH', 2], ['LA', 1], ['PH', 4], ['ID', 4], ['IN', 4], ['LK', 2], ['PK', 2], ['VN', 3], ['ET', 1],
];

function licenceNumber(rng: Rng, country: string): string {
  const prefix: Record<string, string> = {
    NP: 'DOFE', BD: 'RL', MM: 'MOL', KH: 'MLVT', LA: 'MLSW', PH: 'DMW', ID: 'KEP', IN: 'B', LK: 'SLBFE', PK: 'OEP', VN: 'DOLAB', ET: 'MOLS',
    MY: 'JTK', TW: 'WDA', QA: 'MOL', TH: 'DOE',
  };
  return `${prefix[country] ?? country}-${rng.code(2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}${rng.digits(4)}`;
}

function makeRecruiters(rng: Rng, names: NameFactory, total: number): RecruiterModel[] {
  const specs: { country: string; agency?: (typeof DESTINATION_AGENCIES)[number] }[] = [];
  for (const [country, n] of ORIGIN_ALLOCATION) for (let i = 0; i < n; i++) specs.push({ country });
  for (const agency of DESTINATION_AGENCIES) specs.push({ country: agency.country, agency });
  while (specs.length < total) specs.push({ country: rng.pick(ORIGIN_ALLOCATION)[0] });
  specs.length = Math.max(total, 0);

  const profiles: RecruiterProfile[] = [];
  const nEthical = Math.round(total * 0.2);
  const nExploit = Math.round(total * 0.22);
  for (let i = 0; i < total; i++) profiles.push(i < nEthical ? 'ethical' : i < nEthical + nExploit ? 'exploitative' : 'typical');
  rng.shuffle(profiles);

  const out: RecruiterModel[] = specs.map((spec, i) => {
    const profile = profiles[i]!;
    let origins: string[];
    let destinations: string[];
    let words: readonly string[];
    let authority: string;
    if (spec.agency) {
      origins = [...spec.agency.sources];
      destinations = [spec.agency.country];
      words = spec.agency.words;
      authority = spec.agency.authority;
    } else {
      const o = ORIGINS[spec.country]!;
      const all = Object.keys(o.corridors);
      destinations = all.filter(() => rng.chance(0.65));
      if (destinations.length === 0) destinations = [rng.pick(all)];
      origins = [spec.country];
      words = o.recruiterNameWords;
      authority = o.licenceAuthority;
    }
    const status =
      profile === 'ethical'
        ? 'valid'
        : profile === 'typical'
          ? rng.weighted([['valid', 75], ['expired', 15], ['unknown', 10]] as const)
          : rng.weighted([['valid', 30], ['expired', 20], ['suspended', 20], ['revoked', 15], ['none', 15]] as const);
    const certifications: string[] = [];
    if (profile === 'ethical' && rng.chance(0.75)) certifications.push('iom_iris');
    if (profile === 'ethical' && rng.chance(0.25)) certifications.push('fair_hiring_initiative');
    if (profile === 'typical' && rng.chance(0.06)) certifications.push('iom_iris');
    const operation = [...new Set([spec.country, ...origins, ...destinations])];
    return {
      row: {
        ref: `REC-${pad(i + 1, 3)}`,
        name: names.company(names.stem(), rng.pick(words), spec.country),
        country: spec.country,
        licence_number: status === 'none' ? null : licenceNumber(rng, spec.country),
        licence_status: status,
        licence_authority: status === 'none' ? null : authority,
        countries_of_operation: operation,
        certifications,
      },
      profile,
      origins,
      destinations,
    };
  });

  // Every destination must be served by at least one recruiter.
  for (const dest of Object.keys(DESTINATIONS).filter((d) => DESTINATIONS[d]!.tiedPermits)) {
    if (out.some((r) => r.destinations.includes(dest))) continue;
    const candidate = out.find((r) => ORIGINS[r.row.country]?.corridors[dest] !== undefined);
    if (candidate) {
      candidate.destinations.push(dest);
      candidate.row.countries_of_operation.push(dest);
    }
  }
  return out;
}

// ------------------------------------------------------------------ engagements

function makeEngagements(rng: Rng, sites: SiteModel[], recruiters: RecruiterModel[]): EngagementModel[] {
  const out: EngagementModel[] = [];
  for (const site of sites) {
    if (!site.destination) continue;
    const dest = site.row.country;
    const candidates = recruiters.filter(
      (r) => r.destinations.includes(dest) && r.origins.some((o) => ORIGINS[o]?.corridors[dest] !== undefined),
    );
    if (candidates.length === 0) continue;
    const conduct = site.supplier.conduct;
    const weight = (r: RecruiterModel): number => {
      const table = { good: { ethical: 5, typical: 2, exploitative: 0.2 }, average: { ethical: 1, typical: 3, exploitative: 1 }, poor: { ethical: 0.2, typical: 1.5, exploitative: 4 } } as const;
      return table[conduct][r.profile] * (site.hotspot && r.profile === 'exploitative' ? 4 : 1);
    };
    const n = Math.min(candidates.length, rng.weighted([[1, 4], [2, 4], [3, 2]] as const));
    const chosen = new Set<RecruiterModel>();
    for (let i = 0; i < 20 && chosen.size < n; i++) chosen.add(rng.weighted(candidates.map((c) => [c, weight(c)] as const)));
    const migrants = Math.round(site.row.headcount * site.migrantShare);
    for (const recruiter of chosen) {
      const origin = rng.pick(recruiter.origins.filter((o) => ORIGINS[o]?.corridors[dest] !== undefined));
      const startMs = Date.parse('2019-01-01T00:00:00Z') + rng.int(0, 5 * 365) * DAY_MS;
      const ended = rng.chance(0.25);
      const endMs = startMs + rng.int(365, 4 * 365) * DAY_MS;
      const row: EngagementRow = {
        ref: `ENG-${pad(out.length + 1, 4)}`,
        recruiter_ref: recruiter.row.ref,
        site_ref: site.row.ref,
        origin_country: origin,
        destination_country: dest,
        starts_on: isoDate(startMs),
        ends_on: ended ? isoDate(Math.min(endMs, AS_OF_MS - 30 * DAY_MS)) : null,
        workers_placed: Math.max(1, Math.round((migrants / chosen.size) * rng.float(0.3, 0.9))),
      };
      if (row.ends_on !== null && row.ends_on < row.starts_on) row.ends_on = null;
      const e: EngagementModel = { row, recruiter, origin };
      site.engagements.push(e);
      out.push(e);
    }
  }
  return out;
}

// ------------------------------------------------------------------ audits

function makeAudits(rng: Rng, sites: SiteModel[], total: number, auditFirm: string): AuditModel[] {
  const perSite = new Map<SiteModel, number>();
  const picks: { site: SiteModel; dateMs: number; type: string }[] = [];
  const startMs = Date.parse('2024-01-08T00:00:00Z');
  const span = Math.floor((AS_OF_MS - 7 * DAY_MS - startMs) / DAY_MS);
  for (let i = 0; i < total; i++) {
    const pool = sites.filter((s) => (perSite.get(s) ?? 0) < 3);
    const site = rng.weighted(
      pool.map((s) => [s, (s.segment.tier === 1 ? 3 : s.segment.tier === 2 ? 2 : 1.2) * (s.destination ? 2.5 : 1) * (s.hotspot ? 1.5 : 1)] as const),
    );
    perSite.set(site, (perSite.get(site) ?? 0) + 1);
    const type = rng.weighted([['announced', 35], ['unannounced', 20], ['desk', 15], ['worker_voice', 30]] as const);
    const dateMs = startMs + rng.int(0, span) * DAY_MS + rng.int(6 * 60, 10 * 60) * 60_000;
    picks.push({ site, dateMs, type });
  }
  picks.sort((a, b) => a.dateMs - b.dateMs);
  return picks.map((p, i) => {
    const standard = rng.pick(AUDIT_STANDARDS[p.type]!);
    const firm = rng.chance(0.8) ? auditFirm : rng.pick(OTHER_AUDIT_FIRMS);
    const row: AuditRow = {
      ref: `AUD-${pad(i + 1, 4)}`,
      site_ref: p.site.row.ref,
      type: p.type,
      conducted_at: isoDateTime(p.dateMs),
      audit_firm: firm,
      standard,
      summary: '',
    };
    return { row, site: p.site, dateMs: p.dateMs, interviews: 0 };
  });
}

/** Spread `total` interviews over the audits that interview workers, capped by headcount. */
function allocateInterviews(audits: AuditModel[], total: number): void {
  const eligible = audits.filter((a) => a.row.type !== 'desk');
  if (eligible.length === 0) throw new Error('generator: no audits with interviews');
  const factor: Record<string, number> = { worker_voice: 2, unannounced: 1, announced: 0.8 };
  const cap = (a: AuditModel): number => Math.max(8, Math.floor(a.site.row.headcount * 0.6));
  let open = [...eligible];
  let remaining = total;
  for (const a of eligible) a.interviews = 0;
  while (remaining > 0 && open.length > 0) {
    const weights = open.map((a) => Math.sqrt(a.site.row.headcount) * factor[a.row.type]! * (a.site.destination ? 1.6 : 1));
    const sum = weights.reduce((x, y) => x + y, 0);
    const shares = open.map((a, i) => ({ a, exact: (weights[i]! / sum) * remaining }));
    let given = 0;
    for (const s of shares) {
      const add = Math.min(Math.floor(s.exact), cap(s.a) - s.a.interviews);
      s.a.interviews += add;
      given += add;
    }
    // Largest remainders take the leftover units one by one.
    for (const s of shares.sort((x, y) => (y.exact % 1) - (x.exact % 1))) {
      if (given >= remaining) break;
      if (s.a.interviews < cap(s.a)) {
        s.a.interviews += 1;
        given += 1;
      }
    }
    remaining -= given;
    open = open.filter((a) => a.interviews < cap(a));
    if (given === 0) break;
  }
  if (remaining > 0) throw new Error(`generator: cannot place ${remaining} interviews within site headcounts`);
}

function pickNdjsonAudit(audits: AuditModel[]): AuditModel {
  // A worker-voice batch from a high-risk site, of modest size: shows the NDJSON path on interesting data.
  const candidates = audits.filter((a) => a.row.type === 'worker_voice' && a.interviews >= 40 && a.interviews <= 200);
  const hot = candidates.filter((a) => a.site.hotspot || a.site.documents === 'retention');
  return (hot[0] ?? candidates[0] ?? audits.find((a) => a.interviews > 0))!;
}

// ------------------------------------------------------------------ interviews

const QUESTIONS = INTERVIEW_QUESTIONS as readonly { key: string; phase: string; dimension: string; strength: string }[];

/** Asked in every interview of a migrant worker (the core protocol). */
const CORE_KEYS = new Set([
  'deceived_nature_of_job', 'deceived_conditions', 'deceived_contract', 'deceived_housing', 'deceived_legal_status', 'deceived_about_fees',
  'deceived_wages', 'documents_taken_at_recruitment', 'debt_bondage_at_recruitment', 'threats_at_recruitment', 'money_withheld_at_recruitment',
  'abuse_of_language_barrier', 'abuse_of_lack_of_information', 'economic_hardship_exploited', 'legal_status_dependency_at_recruitment',
  'difficulty_organising_travel', 'excessive_hours', 'forced_overtime', 'no_rest_days', 'bad_living_conditions', 'hazardous_work',
  'low_or_no_salary', 'labour_law_or_contract_not_respected', 'no_social_protection', 'wage_manipulation', 'documents_retained',
  'debt_bondage', 'confined_or_surveilled', 'restricted_movement', 'threat_of_denunciation', 'threat_of_dismissal_or_worse_conditions',
  'threats_of_violence', 'forced_to_stay_with_employer', 'wages_withheld', 'dependency_on_employer_for_housing_or_job',
  'difficulty_in_unknown_area', 'economic_hardship_at_destination', 'legal_status_dependency',
]);

/** Recruitment-phase questions asked of local workers hired directly. */
const LOCAL_RECRUITMENT_KEYS = new Set(['deceived_conditions', 'deceived_wages', 'deceived_contract', 'economic_hardship_exploited']);

interface InterviewContext {
  site: SiteModel;
  audit: AuditModel;
  worker: WorkerProfile;
  profile: RecruiterProfile | null;
  tiedVisa: boolean;
  cannotChange: boolean;
  docsRetained: boolean;
  debtBound: boolean;
  contractChanged: boolean;
}

function makeInterviews(rng: Rng, audits: AuditModel[]): InterviewRow[] {
  const out: InterviewRow[] = [];
  const usedWorkerRefs = new Set<string>();
  for (const audit of audits) {
    const site = audit.site;
    const revisit = site.pool.length > 0;
    const fresh: WorkerProfile[] = [];
    for (let i = 0; i < audit.interviews; i++) {
      let worker: WorkerProfile;
      if (revisit && rng.chance(0.15)) {
        worker = rng.pick(site.pool);
      } else {
        let ref: string;
        do ref = `W-${rng.code(10)}`;
        while (usedWorkerRefs.has(ref));
        usedWorkerRefs.add(ref);
        worker = makeWorker(rng, site, audit, ref);
        fresh.push(worker);
      }
      out.push(makeInterviewRow(rng, audit, worker, out.length + 1));
    }
    site.pool.push(...fresh);
  }
  return out;
}

function makeWorker(rng: Rng, site: SiteModel, audit: AuditModel, workerRef: string): WorkerProfile {
  const seg = site.segment;
  const country = site.row.country;
  const dest = DESTINATIONS[country]!;
  // Auditors oversample migrant workers.
  const migrant = site.engagements.length > 0 && rng.chance(Math.min(0.97, site.migrantShare * 1.25));
  const informalMigrant = !migrant && country === 'TR' && rng.chance(site.migrantShare);
  const engagement = migrant ? rng.weighted(site.engagements.map((e) => [e, e.row.workers_placed] as const)) : null;
  const profile = engagement?.recruiter.profile ?? null;
  const origin = engagement ? engagement.origin : informalMigrant ? 'SY' : country;
  const female = rng.chance(seg.femaleShare);
  const gender = rng.chance(0.02) ? 'undisclosed' : rng.chance(0.003) ? 'other' : female ? 'female' : 'male';
  const child = migrant && rng.chance(profile === 'exploitative' ? 0.02 : profile === 'typical' ? 0.003 : 0);
  const age = rng.chance(0.03) ? null : child ? rng.int(15, 17) : Math.round(rng.normal(27, 6, 18, 52));
  const recruitedMs = audit.dateMs - rng.int(60, 4 * 365) * DAY_MS;

  // Wage in the destination currency; exploitative chains pay less than promised.
  const wageFactor = profile === 'exploitative' ? rng.float(0.8, 0.95) : rng.float(0.95, 1.1);
  const wageMajor = rng.chance(0.04) ? null : roundSig(rng.float(dest.wage[0], dest.wage[1]) * wageFactor);
  const wageUsd = usdWage(country, wageMajor ?? (dest.wage[0] + dest.wage[1]) / 2);

  const { fees, feeUsd, loan } = engagement ? makeFees(rng, engagement, recruitedMs, country) : { fees: [], feeUsd: 0, loan: false };
  const deceived = rng.chance(profile === 'exploitative' ? 0.5 : profile === 'typical' ? 0.14 : profile === 'ethical' ? 0.03 : 0.04);
  const visaType = migrant ? rng.weighted(dest.visas) : informalMigrant ? rng.weighted([['undocumented', 2], ['other', 3]] as const) : 'citizen_or_resident';
  return {
    workerRef,
    migrant: migrant || informalMigrant,
    engagement,
    origin,
    gender,
    age,
    recruitedMs,
    fees,
    feeMonths: wageUsd > 0 ? feeUsd / wageUsd : 0,
    loan,
    visaType: visaType === 'undocumented' && profile !== 'exploitative' && !informalMigrant ? 'employer_sponsored' : visaType,
    deceived,
    wageMajor,
  };
}

/** Approximate USD value of a monthly wage, for fee-to-wage ratios in the generator only. */
function usdWage(country: string, major: number): number {
  const perUsd: Record<string, number> = {
    MY: 4.2, TH: 33, TW: 31, QA: 3.64, AE: 3.67, SA: 3.75, JO: 0.709, BD: 122, CN: 7.1, ID: 16300, IN: 88, KH: 1, LK: 300, PK: 281, TR: 41, VN: 26000,
  };
  return major / (perUsd[country] ?? 1);
}

function makeFees(rng: Rng, engagement: EngagementModel, recruitedMs: number, destination: string): { fees: Fee[]; feeUsd: number; loan: boolean } {
  const profile = engagement.recruiter.profile;
  const origin = ORIGINS[engagement.origin]!;
  const [lo, hi] = origin.corridors[destination] ?? [800, 1500];
  const pays = rng.chance(profile === 'ethical' ? 0.08 : profile === 'typical' ? 0.72 : 0.96);
  if (!pays) return { fees: [], feeUsd: 0, loan: false };
  let totalUsd: number;
  if (profile === 'ethical') totalUsd = rng.float(30, 150); // small related costs (medical, photos) that slipped through
  else if (profile === 'typical') totalUsd = rng.float(lo, hi) * rng.float(0.6, 1.15);
  else totalUsd = rng.float(lo, hi) * rng.float(1.5, 2.6);

  const loan = profile !== 'ethical' && rng.chance(profile === 'exploitative' ? 0.78 : totalUsd > 800 ? 0.42 : 0.15);
  const parts: [FeeCategory, number][] =
    profile === 'ethical'
      ? [[rng.pick(['medical', 'passport_documents', 'skills_test'] as const), 1]]
      : [
          ['recruitment_fee', rng.float(0.55, 0.75)],
          ['medical', rng.float(0.03, 0.06)],
          ['visa', rng.float(0.05, 0.12)],
          ['travel', rng.chance(0.45) ? rng.float(0.08, 0.2) : 0],
          ['training', rng.chance(0.35) ? rng.float(0.02, 0.05) : 0],
          ['passport_documents', rng.chance(0.4) ? rng.float(0.01, 0.03) : 0],
          ['insurance', rng.chance(0.3) ? rng.float(0.01, 0.03) : 0],
          ['deposit_bond', profile === 'exploitative' && rng.chance(0.18) ? rng.float(0.1, 0.2) : 0],
          ['bribe_kickback', profile === 'exploitative' && rng.chance(0.06) ? rng.float(0.03, 0.08) : 0],
        ];
  const weightSum = parts.reduce((s, [, w]) => s + w, 0);
  const fees: Fee[] = [];
  let feeUsd = 0;
  for (const [category, w] of parts) {
    if (w <= 0) continue;
    const usd = (totalUsd * w) / weightSum;
    const inUsd = origin.currency === 'USD' || rng.chance(0.2);
    const currency = inUsd ? 'USD' : origin.currency;
    const major = roundSig(inUsd ? usd : usd * origin.perUsd);
    if (major <= 0) continue;
    feeUsd += usd;
    const paidTo: FeePayee =
      category === 'medical' || category === 'training'
        ? rng.weighted([['recruiter', 6], ['other', 3], ['unknown', 1]] as const)
        : category === 'visa' || category === 'passport_documents'
          ? rng.weighted([['recruiter', 5], ['official', 4], ['unknown', 1]] as const)
          : category === 'bribe_kickback'
            ? rng.weighted([['official', 1], ['sub_agent', 1]] as const)
            : rng.weighted([['recruiter', 7], ['sub_agent', 2], ['employer', profile === 'exploitative' ? 1 : 0.2], ['unknown', 0.5]] as const);
    const paymentForm: FeePaymentForm =
      loan && category === 'recruitment_fee'
        ? rng.weighted([['loan', 5], ['cash', 4], ['wage_deduction', 2]] as const)
        : rng.weighted([['cash', 8], ['wage_deduction', profile === 'exploitative' ? 3 : 1], ['unknown', 1]] as const);
    const paidMs = recruitedMs - rng.int(7, 120) * DAY_MS;
    fees.push({
      category,
      amountMinor: toMinor(major, currency),
      currency,
      paidTo,
      paidOn: rng.chance(0.85) ? isoDate(paidMs) : null,
      paymentForm,
      financedByLoan: loan && (category === 'recruitment_fee' || rng.chance(0.3)) ? 'yes' : rng.chance(0.1) ? 'unknown' : 'no',
    });
  }
  // A destination broker's monthly service fee deducted from wages (Taiwan-style), in the destination currency.
  if (destination === 'TW' && profile !== 'ethical' && rng.chance(0.6)) {
    const major = roundSig(rng.float(1500, 1800) * rng.int(12, 36));
    fees.push({ category: 'recruitment_fee', amountMinor: toMinor(major, 'TWD'), currency: 'TWD', paidTo: 'recruiter', paidOn: null, paymentForm: 'wage_deduction', financedByLoan: 'no' });
    feeUsd += major / 31;
  }
  return { fees, feeUsd, loan };
}

function makeInterviewRow(rng: Rng, audit: AuditModel, w: WorkerProfile, seq: number): InterviewRow {
  const site = audit.site;
  const country = site.row.country;
  const dest = DESTINATIONS[country]!;
  const profile = w.engagement?.recruiter.profile ?? null;
  const interviewedMs = audit.dateMs + rng.int(0, 2) * DAY_MS + rng.int(0, 8 * 60) * 60_000;
  const wageCurrency = w.wageMajor === null ? null : dest.currency;

  // ---- documents
  let passport: string | null;
  let idCard: string | null;
  let permit: string | null;
  let accessible: TriCell = null;
  let returnDays: number | null = null;
  let consent: TriCell = null;
  let untilDebt: TriCell = 'no';
  let practice = site.documents;
  if (practice === 'retention' && rng.chance(0.12)) practice = 'worker_holds';
  if (practice === 'worker_holds' && w.migrant && rng.chance(0.06)) practice = 'safekeeping';
  if (!w.migrant) {
    passport = rng.chance(0.3) ? 'worker' : null;
    idCard = practice === 'retention' && rng.chance(0.06) ? 'employer' : rng.chance(0.96) ? 'worker' : null;
    permit = null;
    accessible = idCard === 'employer' ? tri(rng, 0.3) : null;
    untilDebt = rng.chance(0.5) ? 'no' : null;
  } else if (practice === 'retention') {
    passport = rng.weighted([['employer', 70], ['recruiter', 15], ['dormitory_operator', 10], ['other', 5]] as const);
    idCard = rng.weighted([['worker', 60], ['employer', 25], ['unknown', 15]] as const);
    permit = rng.weighted([['employer', 65], ['recruiter', 10], ['worker', 20], ['unknown', 5]] as const);
    accessible = rng.weighted([['no', 70], ['yes', 12], ['unknown', 8]] as const);
    if (rng.chance(0.1)) accessible = null;
    returnDays = accessible === 'yes' ? rng.int(3, 14) : rng.chance(0.4) ? rng.int(30, 120) : null;
    consent = rng.weighted([['no', 65], ['yes', 12], ['unknown', 23]] as const);
    untilDebt = w.loan ? tri(rng, 0.6, 0.15) : tri(rng, 0.05, 0.2);
  } else if (practice === 'safekeeping') {
    passport = 'employer';
    idCard = 'worker';
    permit = rng.chance(0.5) ? 'employer' : 'worker';
    accessible = tri(rng, 0.93, 0.04);
    returnDays = rng.int(0, 2);
    consent = tri(rng, 0.88, 0.06);
    untilDebt = tri(rng, 0.01, 0.05);
  } else {
    passport = rng.chance(0.97) ? 'worker' : 'unknown';
    idCard = 'worker';
    permit = rng.chance(0.9) ? 'worker' : rng.chance(0.5) ? 'government' : 'unknown';
    accessible = rng.chance(0.7) ? 'yes' : null;
    untilDebt = rng.chance(0.7) ? 'no' : null;
  }
  const heldByOthers = [passport, idCard, permit].some((h) => h === 'employer' || h === 'recruiter' || h === 'dormitory_operator' || h === 'other');
  const docsRetained = heldByOthers && accessible !== 'yes';

  // ---- visa and permit
  let visaTied: TriCell = 'no';
  let canChange: TriCell = 'yes';
  let renewal: string | null = null;
  let exitPermit: TriCell = 'no';
  let bond: TriCell = 'no';
  const visa = w.visaType;
  if (w.migrant && w.engagement) {
    const tiedP = visa === 'employer_sponsored' ? 0.95 : visa === 'sector_permit' ? 0.6 : 0.2;
    visaTied = visa === 'undocumented' ? null : tri(rng, tiedP, 0.07);
    canChange = tri(rng, visaTied === 'yes' ? dest.canChangeEmployer : 0.7, 0.1);
    renewal = visa === 'undocumented' ? 'unknown' : rng.weighted([['employer', 72], ['recruiter', country === 'TW' || country === 'MY' ? 18 : 6], ['government', 6], ['unknown', 10]] as const);
    exitPermit = tri(rng, dest.exitPermit, 0.1);
    bond = tri(rng, profile === 'exploitative' ? 0.28 : profile === 'typical' ? 0.08 : 0.01, 0.08);
  } else if (w.migrant) {
    // Refugees and informal migrants outside a recruitment channel.
    visaTied = visa === 'undocumented' ? null : tri(rng, 0.3, 0.3);
    canChange = tri(rng, 0.4, 0.3);
    renewal = rng.weighted([['government', 5], ['unknown', 5]] as const);
    exitPermit = null;
    bond = tri(rng, 0.02, 0.2);
  } else if (rng.chance(0.15)) {
    // Local workers: some of these fields were not asked.
    visaTied = null;
    canChange = null;
  }
  const tiedVisa = visaTied === 'yes';
  const cannotChange = canChange === 'no';

  // ---- contract
  const c = profile === 'exploitative' ? [0.62, 0.35, 0.3] : profile === 'typical' ? [0.9, 0.7, 0.65] : profile === 'ethical' ? [0.99, 0.95, 0.95] : [0.85, 0.97, 0.97];
  const contractWritten = tri(rng, c[0]!, 0.04);
  const ownLanguage = contractWritten === 'no' ? null : tri(rng, c[1]!, 0.06);
  const beforeDeparture = w.migrant && w.engagement ? (contractWritten === 'no' ? 'no' : tri(rng, c[2]!, 0.08)) : null;
  const changed = w.migrant && w.engagement ? tri(rng, w.deceived ? 0.7 : 0.05, 0.08) : tri(rng, 0.03, 0.1);
  const contractChanged = changed === 'yes';

  const debtBound = w.loan && w.feeMonths >= 2 && rng.chance(profile === 'exploitative' ? 0.7 : 0.25);
  const ctx: InterviewContext = { site, audit, worker: w, profile, tiedVisa, cannotChange, docsRetained, debtBound, contractChanged };
  const answers = makeAnswers(rng, ctx);

  return {
    ref: `INT-${pad(seq, 6)}`,
    audit_ref: audit.row.ref,
    worker_ref: w.workerRef,
    recruiter_ref: w.engagement && rng.chance(0.95) ? w.engagement.recruiter.row.ref : null,
    interviewed_at: isoDateTime(interviewedMs),
    gender: w.gender,
    origin_country: rng.chance(0.01) ? null : w.origin,
    age_at_recruitment: w.age,
    monthly_wage: w.wageMajor === null || wageCurrency === null ? null : formatMinor(toMinor(w.wageMajor, wageCurrency), wageCurrency),
    wage_currency: wageCurrency,
    passport_holder: passport,
    id_card_holder: idCard,
    work_permit_holder: permit,
    documents_accessible_on_request: accessible,
    document_return_days: returnDays,
    documents_held_with_consent: consent,
    documents_withheld_until_debt_repaid: untilDebt,
    visa_type: visa,
    visa_tied_to_employer: visaTied,
    can_change_employer_without_permission: canChange,
    permit_renewal_controlled_by: renewal,
    exit_permit_required: exitPermit,
    security_bond_required: bond,
    contract_written: contractWritten,
    contract_in_own_language: ownLanguage,
    contract_signed_before_departure: beforeDeparture,
    contract_terms_changed_on_arrival: changed,
    fees: w.fees,
    answers,
    testimony: rng.chance(0.35) ? testimony(rng, ctx, answers) : null,
  };
}

/** Probability that the answer to `key` is "yes" for this worker. */
function yesProbability(key: string, dimension: string, strength: string, x: InterviewContext): number {
  const s = x.site;
  const w = x.worker;
  const exploit = x.profile === 'exploitative' ? 1 : x.profile === 'typical' ? 0.3 : 0.05;
  const paid = w.fees.length > 0;
  switch (key) {
    case 'deceived_nature_of_job': return w.deceived ? 0.3 : 0.01;
    case 'deceived_conditions': return w.deceived ? 0.65 : 0.03;
    case 'deceived_contract': return x.contractChanged ? 0.75 : w.deceived ? 0.4 : 0.02;
    case 'deceived_housing': return w.deceived ? 0.45 : s.living * 0.3;
    case 'deceived_legal_status': return w.deceived ? 0.15 : 0.01;
    case 'deceived_about_fees': return paid ? (w.deceived ? 0.7 : 0.15 * exploit + 0.05) : 0.01;
    case 'deceived_wages': return w.deceived ? 0.7 : 0.04;
    case 'documents_taken_at_recruitment': return x.profile === 'exploitative' ? 0.35 : x.profile === 'typical' ? 0.06 : 0.005;
    case 'debt_bondage_at_recruitment': return x.debtBound ? 0.85 : w.loan ? 0.25 : 0.01;
    case 'threats_at_recruitment': return 0.01 + 0.06 * exploit;
    case 'money_withheld_at_recruitment': return 0.005 + 0.08 * exploit;
    case 'violence_at_recruitment': return 0.002 + 0.01 * exploit;
    case 'abuse_of_language_barrier': return 0.05 + 0.3 * exploit;
    case 'abuse_of_lack_of_information': return 0.06 + 0.35 * exploit;
    case 'economic_hardship_exploited': return w.migrant ? 0.2 + 0.4 * exploit : 0.08;
    case 'legal_status_dependency_at_recruitment': return x.tiedVisa ? 0.6 : 0.05;
    case 'difficulty_organising_travel': return w.migrant ? 0.35 + 0.3 * exploit : 0.02;
    case 'excessive_hours': return s.overtime;
    case 'forced_overtime': return s.overtime * 0.55;
    case 'no_rest_days': return s.overtime * 0.4;
    case 'bad_living_conditions': return s.living;
    case 'hazardous_work': return s.hazard;
    case 'low_or_no_salary': return (w.wageMajor !== null && x.profile === 'exploitative' ? 0.25 : 0.03) + s.wagesWithheld * 0.3;
    case 'labour_law_or_contract_not_respected': return 0.03 + (x.contractChanged ? 0.5 : 0) + s.overtime * 0.2;
    case 'no_social_protection': return 0.04 + (w.visaType === 'undocumented' ? 0.6 : 0) + 0.1 * exploit;
    case 'wage_manipulation': return 0.03 + (w.fees.some((f) => f.paymentForm === 'wage_deduction') ? 0.55 : 0) + s.wagesWithheld * 0.3;
    case 'documents_retained': return x.docsRetained ? 0.9 : 0.01;
    case 'debt_bondage': return x.debtBound ? 0.8 : w.loan ? 0.12 : 0.005;
    case 'confined_or_surveilled': return s.confinement;
    case 'restricted_movement': return s.confinement * 0.8 + 0.01;
    case 'isolated_from_family_or_help': return s.confinement * 0.4 + 0.005;
    case 'violence_at_destination': return s.hotspot ? 0.06 : 0.002;
    case 'threat_of_denunciation': return s.threats * (w.migrant ? 1 : 0.2);
    case 'threat_of_dismissal_or_worse_conditions': return s.threats * 1.3 + 0.02;
    case 'threats_of_violence': return s.threats * 0.5;
    case 'forced_to_stay_with_employer': return x.tiedVisa && x.cannotChange ? (s.hotspot || x.docsRetained ? 0.6 : 0.25) : 0.02;
    case 'wages_withheld': return s.wagesWithheld;
    case 'dependency_on_employer_for_housing_or_job': return w.migrant ? 0.25 + s.living * 0.4 : 0.04;
    case 'difficulty_in_unknown_area': return w.migrant ? 0.3 : 0.02;
    case 'economic_hardship_at_destination': return w.loan ? 0.7 : w.migrant ? 0.3 : 0.15;
    case 'legal_status_dependency': return x.tiedVisa ? 0.85 : w.visaType === 'undocumented' ? 0.9 : 0.03;
    default: {
      // Questions without a specific model: rare, more so for strong indicators, raised at bad sites.
      const base = strength === 'S' ? 0.004 : strength === 'M' ? 0.015 : 0.03;
      const risk = 1 + 3 * exploit + (s.hotspot ? 4 : 0) + (dimension === 'D4' ? s.overtime * 2 : 0);
      return Math.min(0.5, base * risk);
    }
  }
}

function makeAnswers(rng: Rng, x: InterviewContext): Record<string, TriAnswer> {
  const answers: Record<string, TriAnswer> = {};
  const extended = x.audit.row.type === 'worker_voice' || x.audit.row.type === 'unannounced';
  // Workers interviewed in the presence of management (announced audits) more often decline to answer.
  const pUnknown = x.audit.row.type === 'announced' ? 0.09 : 0.05;
  for (const q of QUESTIONS) {
    const recruitment = q.phase === 'recruitment';
    let asked: boolean;
    if (!x.worker.migrant) asked = recruitment ? LOCAL_RECRUITMENT_KEYS.has(q.key) : CORE_KEYS.has(q.key) || (extended && rng.chance(0.5));
    else asked = CORE_KEYS.has(q.key) || (extended && rng.chance(0.8));
    if (!asked) continue;
    if (rng.chance(pUnknown)) {
      answers[q.key] = 'unknown';
      continue;
    }
    answers[q.key] = rng.chance(yesProbability(q.key, q.dimension, q.strength, x)) ? 'yes' : 'no';
  }
  return answers;
}

/** Short, anonymous testimony: no names, no numbers, no contact details. */
function testimony(rng: Rng, x: InterviewContext, answers: Record<string, TriAnswer>): string {
  const yes = (k: string): boolean => answers[k] === 'yes';
  const lines: string[] = [];
  if (yes('debt_bondage') || (x.worker.loan && rng.chance(0.5)))
    lines.push(rng.pick([
      'I borrowed money from a lender in my village to pay the agent, and most of my salary goes to repaying it.',
      'My family sold land to pay the agency fee and I still owe the rest to a moneylender at home.',
      'The agent gave me a loan for the fees and the company deducts the repayment from my pay every month.',
    ]));
  if (x.docsRetained && rng.chance(0.7))
    lines.push(rng.pick([
      'The supervisor keeps our passports in the office and says we get them back only when the contract ends.',
      'They took my passport on the first day for the permit and I have not seen it since.',
      'When I asked for my passport to send money home they told me to wait until next month.',
    ]));
  if (yes('deceived_wages') || yes('deceived_conditions'))
    lines.push(
      x.worker.migrant
        ? rng.pick([
            'The agent promised a higher wage and a packing job, but on arrival the work and the pay were different.',
            'In my country they told us there would be no overtime at night, but we work late most weeks.',
            'The contract I signed at home was replaced with a new one in a language I cannot read.',
          ])
        : 'The wage and the hours are not what we were told when we were hired.',
    );
  if (yes('forced_to_stay_with_employer'))
    lines.push('I want to move to another employer but the company will not release me and my visa depends on them.');
  if (yes('excessive_hours') || yes('forced_overtime'))
    lines.push(rng.pick(['During peak season we work long hours and cannot refuse overtime.', 'We get a day off only when there are no orders.']));
  if (yes('threat_of_denunciation') || yes('threat_of_dismissal_or_worse_conditions'))
    lines.push(
      x.worker.migrant
        ? 'The manager said workers who complain will be sent home or reported to immigration.'
        : 'The manager said workers who complain will lose their jobs.',
    );
  if (yes('bad_living_conditions')) lines.push('The dormitory room is crowded and the toilets are often broken.');
  if (lines.length === 0)
    lines.push(
      x.worker.migrant && x.worker.engagement && x.worker.fees.length > 0
        ? rng.pick([
            'I paid the agent for the medical check and the papers, but the job and the pay are as I was told.',
            'The fees at home were high, but here the wage is paid on time and I keep my passport.',
          ])
        : x.worker.migrant && x.worker.engagement
        ? rng.pick([
            'The company paid for my visa and flight, and I keep my own passport in a locker in the dormitory.',
            'Our contract was explained in our language before we left home and nothing changed on arrival.',
            'The agency told us clearly that the employer pays all recruitment costs, and that was true.',
            'We can leave the dormitory on our days off and the supervisors treat us fairly.',
          ])
        : rng.pick([
            'The work is hard but the wage is paid on time and overtime is voluntary.',
            'I found this job through relatives and did not pay anyone to be hired.',
            'We can go home after the shift and take our rest day every week.',
          ]),
    );
  return lines.slice(0, 2).join(' ');
}

// ------------------------------------------------------------------ findings and audit summaries

const FINDING_TEXT: Record<string, readonly string[]> = {
  'LAN-DOC': ['Passports of migrant workers held in the HR office; workers interviewed could not obtain them on request.', 'Work permits and passports retained by the employer without written consent or a locker option.'],
  'ILO-FL-07': ['Identity documents retained by a dormitory operator contracted by the site.', 'Workers report documents are returned only at the end of the contract.'],
  'LAN-FEE': ['Migrant workers paid recruitment fees and related costs to the labour agency in the country of origin.', 'Visa, medical and service fees charged to workers; no reimbursement policy in place.'],
  'ILO-FL-09': ['Workers financed recruitment fees with loans repaid through wage deductions over many months.', 'High recruitment debt relative to monthly wage; workers unable to leave before repayment.'],
  'LAN-VISA': ['Work permits are employer-specific; workers need written release to change employer.', 'Permit renewal controlled by the employer and its agent; no guidance to workers on transfer rights.'],
  'ILO-FL-11': ['Overtime exceeded legal limits in peak months; no seventh day of rest for several weeks.', 'Overtime records incomplete; workers describe overtime as mandatory during peak orders.'],
  'ILO-FL-10': ['Dormitory overcrowded with inadequate sanitation and fire exits.', 'Lack of protective equipment in the chemical storage area.'],
  'ILO-FL-08': ['Part of wages held back until the end of the contract.', 'Wages paid late by several weeks on repeated occasions.'],
  'ILO-FL-06': ['Workers report threats of dismissal and deportation when raising complaints.', 'Supervisors use verbal abuse and threats of fines.'],
  'ILO-FL-03': ['Dormitory gates locked at night; workers need permission to leave on rest days.', 'Security guards restrict workers from leaving the compound outside shifts.'],
  'ILO-FL-02': ['Job descriptions and wages at recruitment differ from conditions on arrival.', 'Contract substitution on arrival reported by several workers.'],
  'ILO-FL-01': ['Workers depend on the employer for housing and legal status and fear raising grievances.'],
};

function makeFindings(rng: Rng, audits: AuditModel[]): FindingRow[] {
  const out: FindingRow[] = [];
  for (const audit of audits) {
    const s = audit.site;
    const desk = audit.row.type === 'desk';
    const detect = audit.row.type === 'announced' ? 0.6 : desk ? 0.45 : 0.9;
    const profiles = s.engagements.map((e) => e.recruiter.profile);
    const anyExploit = profiles.includes('exploitative');
    const anyFees = anyExploit || profiles.includes('typical');
    const candidates: [string, string, number][] = [];
    if (s.documents === 'retention') candidates.push(['LAN-DOC', s.hotspot ? 'critical' : 'high', 0.85], ['ILO-FL-07', 'high', 0.35]);
    if (anyFees) candidates.push(['LAN-FEE', anyExploit ? 'high' : 'medium', 0.7]);
    if (anyExploit) candidates.push(['ILO-FL-09', 'critical', 0.45]);
    if (s.destination) candidates.push(['LAN-VISA', 'medium', 0.45]);
    if (!desk) {
      if (s.overtime > 0.12) candidates.push(['ILO-FL-11', s.overtime > 0.35 ? 'high' : 'medium', 0.7]);
      else if (rng.chance(0.25)) candidates.push(['ILO-FL-11', 'low', 0.6]);
      if (s.living > 0.15) candidates.push(['ILO-FL-10', s.living > 0.4 ? 'high' : 'medium', 0.6]);
      if (s.wagesWithheld > 0.08) candidates.push(['ILO-FL-08', 'high', 0.6]);
      if (s.threats > 0.1) candidates.push(['ILO-FL-06', 'high', 0.55]);
      if (s.confinement > 0.1) candidates.push(['ILO-FL-03', 'critical', 0.6]);
      if (anyExploit) candidates.push(['ILO-FL-02', 'medium', 0.35]);
      if (s.hotspot) candidates.push(['ILO-FL-01', 'high', 0.5]);
    }
    const ageDays = (AS_OF_MS - audit.dateMs) / DAY_MS;
    let count = 0;
    let worst = '';
    const rank = ['low', 'medium', 'high', 'critical'];
    for (const [code, severity, p] of candidates) {
      if (!rng.chance(p * detect)) continue;
      const status =
        ageDays > 365
          ? rng.weighted([['closed', 60], ['remediating', 30], ['open', 10]] as const)
          : ageDays > 120
            ? rng.weighted([['closed', 25], ['remediating', 50], ['open', 25]] as const)
            : rng.weighted([['closed', 5], ['remediating', 35], ['open', 60]] as const);
      out.push({ ref: `FND-${pad(out.length + 1, 5)}`, audit_ref: audit.row.ref, indicator_code: code, severity, status, description: rng.pick(FINDING_TEXT[code]!) });
      count++;
      if (rank.indexOf(severity) > rank.indexOf(worst)) worst = severity;
    }
    const typeText: Record<string, string> = {
      announced: 'Announced social audit',
      unannounced: 'Unannounced social audit',
      desk: 'Desk review of recruitment and employment records',
      worker_voice: 'Worker-voice survey conducted off-site in workers\u2019 languages',
    };
    const interviews = audit.interviews > 0 ? ` with ${audit.interviews} worker interviews` : '';
    audit.row.summary =
      count === 0
        ? `${typeText[audit.row.type]}${interviews}; no forced-labour indicators found.`
        : `${typeText[audit.row.type]}${interviews}; ${count} finding${count === 1 ? '' : 's'}, most severe ${worst}.`;
  }
  return out;
}

// ------------------------------------------------------------------ deliberately bad rows

/**
 * A handful of invalid rows (unknown country, bad enum, unresolved reference,
 * out-of-range value, bad date, unknown currency) so the imports report
 * rejections. Each is a copy of a valid row with one field broken and a fresh ref.
 */
function makeBadRows(d: DemoDataset): BadRow[] {
  const r = d.rows;
  const cellsOf = (row: object): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) out[k] = v === null ? '' : Array.isArray(v) ? v.join(';') : typeof v === 'object' ? '' : String(v);
    return out;
  };
  const interviewCells = (row: InterviewRow): Record<string, string> => ({ ...cellsOf(row), fees: '', answers: '', testimony: '' });
  const bad = (kind: BadRow['kind'], base: Record<string, string>, ref: string, field: string, value: string, reason: string, format: BadRow['format'] = 'csv'): BadRow => ({
    kind,
    format,
    ref,
    field,
    reason,
    cells: { ...base, ref, [field]: value },
  });
  const firstInterview = r.interviews.find((i) => i.audit_ref !== d.ndjsonAuditRef)!;
  const ndjsonInterview = r.interviews.find((i) => i.audit_ref === d.ndjsonAuditRef)!;
  return [
    bad('suppliers', { ...cellsOf(r.suppliers[5]!), supplies_to: '', parent_ref: '', lei: '', duns: '', tax_id: '' }, 'SUP-X001', 'country', 'Atlantis', 'unknown country'),
    bad('suppliers', { ...cellsOf(r.suppliers[60]!), lei: '', duns: '', tax_id: '' }, 'SUP-X002', 'tier', 'two', 'tier is not an integer'),
    bad('sites', { ...cellsOf(r.sites[3]!), os_id: '' }, 'SITE-X001', 'supplier_ref', 'SUP-9999', 'unresolved supplier reference'),
    bad('sites', { ...cellsOf(r.sites[10]!), os_id: '' }, 'SITE-X002', 'migrant_worker_share', '1.7', 'share above 1'),
    bad('recruiters', cellsOf(r.recruiters[2]!), 'REC-X01', 'licence_status', 'pending', 'unknown licence status'),
    bad('engagements', cellsOf(r.engagements[0]!), 'ENG-X001', 'recruiter_ref', 'REC-999', 'unresolved recruiter reference'),
    bad('audits', cellsOf(r.audits[7]!), 'AUD-X001', 'type', 'surprise_visit', 'unknown audit type'),
    bad('audits', cellsOf(r.audits[8]!), 'AUD-X002', 'conducted_at', '31/02/2025', 'not an ISO 8601 date'),
    bad('findings', cellsOf(r.findings[0]!), 'FND-X0001', 'indicator_code', 'ILO-FL-12', 'unknown indicator code'),
    bad('interviews', interviewCells(firstInterview), 'INT-X00001', 'passport_holder', 'landlord', 'unknown document holder'),
    bad('interviews', { ...interviewCells(firstInterview), monthly_wage: '1500' }, 'INT-X00002', 'wage_currency', 'XYZ', 'unknown currency'),
    bad('interviews', interviewCells(firstInterview), 'INT-X00003', 'audit_ref', 'AUD-9999', 'unresolved audit reference'),
    bad('interviews', interviewCells(ndjsonInterview), 'INT-X00004', 'origin_country', 'Narnia', 'unknown country', 'ndjson'),
  ];
}
