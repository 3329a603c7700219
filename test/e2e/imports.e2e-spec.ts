import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { pseudonymKeyFromSecret, QUEUES, TestimonyCipher, workerPseudonym, type ImportKind, type Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';

// Isolation: our own queue prefix (other suites' workers must not take our jobs) and a small upload limit.
const MAX_UPLOAD = 1024 * 1024;
process.env.LANTERN_QUEUE_PREFIX = `e2e-imports-${randomUUID().slice(0, 8)}`;
process.env.LANTERN_MAX_UPLOAD_BYTES = String(MAX_UPLOAD);

const FIXTURES = resolve('test/fixtures/imports');
const fixture = (name: string): Buffer => readFileSync(resolve(FIXTURES, name));

interface ImportBody {
  id: string;
  kind: ImportKind;
  format: 'csv' | 'ndjson';
  filename: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  contentSha256: string;
  sizeBytes: number;
  totalRows: number | null;
  processedRows: number;
  acceptedRows: number;
  rejectedRows: number;
  progress: number;
  error: string | null;
  duplicate?: boolean;
}

interface Rejection {
  line: number;
  field: string | null;
  reason: string;
}

/** supertest parser keeping the body as raw bytes. */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('imports (API + real worker through BullMQ)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let acme: Tenant<Role>;
  let rival: Tenant<Role>;
  let queue: Queue;
  const url = `${API}/imports`;

  const upload = (tenant: Tenant<Role>, kind: ImportKind, file: string, contentType?: string, role: Role = 'admin') => {
    const format = file.endsWith('.csv') ? 'csv' : 'ndjson';
    return request(t.baseUrl)
      .post(`${url}?kind=${kind}&filename=${encodeURIComponent(file)}`)
      .set(bearer(tenant.keys[role]))
      .set('Content-Type', contentType ?? (format === 'csv' ? 'text/csv' : 'application/x-ndjson'))
      .send(fixture(file));
  };

  const waitDone = async (id: string, tenant: Tenant<Role> = acme): Promise<ImportBody> => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await request(t.baseUrl).get(`${url}/${id}`).set(bearer(tenant.keys.auditor)).expect(200);
      const body = res.body as ImportBody;
      if (body.status === 'completed' || body.status === 'failed') return body;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${body.status}`);
      await sleep(100);
    }
  };

  const rejections = async (id: string): Promise<Rejection[]> => {
    const res = await request(t.baseUrl).get(`${url}/${id}/rejections?limit=1000`).set(bearer(acme.keys.compliance)).expect(200);
    return res.body.data as Rejection[];
  };

  const importFile = async (kind: ImportKind, file: string): Promise<{ imp: ImportBody; rejected: Rejection[] }> => {
    const res = await upload(acme, kind, file).expect(202);
    expect(res.body).toMatchObject({ kind, filename: file, status: 'queued', duplicate: false });
    const imp = await waitDone(res.body.id);
    return { imp, rejected: await rejections(imp.id) };
  };

  const count = async (table: string, organizationId = acme.organizationId): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [organizationId]))[0].n);

  const jobTotal = async (): Promise<number> => Object.values(await queue.getJobCounts()).reduce((a, b) => a + b, 0);

  beforeAll(async () => {
    t = await startTestApp();
    const { WorkerModule } = await import('../../apps/worker/src/worker.module.js');
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    queue = t.app.get<Queue>(getQueueToken(QUEUES.import));
    acme = await createTenant(t.dataSource, { kind: 'company', name: 'Import Acme' });
    rival = await createTenant(t.dataSource, { kind: 'company', name: 'Import Rival' });
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await t?.close();
  }, 30_000);

  describe('CSV, every kind in dependency order', () => {
    const cases: Array<[ImportKind, string, { total: number; accepted: number; rejected: number }, Array<[number, string | null, RegExp | string]>]> = [
      [
        'suppliers',
        'suppliers.csv',
        { total: 6, accepted: 3, rejected: 3 },
        [
          [4, 'country', /^unknown country "Atlantis" \(use an ISO 3166-1 code/],
          [5, 'parent_ref', /^unknown supplier "SUP-Z": no supplier with this ref in your organisation/],
          [6, 'tier', 'must be between 1 and 10; got 11'],
        ],
      ],
      [
        'sites',
        'sites.csv',
        { total: 4, accepted: 2, rejected: 2 },
        [
          [3, 'migrant_worker_share', 'must be between 0 and 1 (a share: 0.35 for 35%); got "1.4"'],
          [4, 'supplier_ref', /^unknown supplier "SUP-Q".*import the suppliers first/],
        ],
      ],
      ['recruiters', 'recruiters.csv', { total: 3, accepted: 2, rejected: 1 }, [[4, 'licence_status', /^must be one of valid, expired, suspended, revoked, none, unknown; got "pending"$/]]],
      [
        'engagements',
        'engagements.csv',
        { total: 3, accepted: 1, rejected: 2 },
        [
          [3, 'starts_on', 'must be a calendar date YYYY-MM-DD; got "2024-02-30"'],
          [4, 'recruiter_ref', /^unknown recruiter "REC-9"/],
        ],
      ],
      ['audits', 'audits.csv', { total: 3, accepted: 2, rejected: 1 }, [[4, 'type', /^must be one of announced, unannounced, desk, worker_voice; got "surprise"$/]]],
      ['findings', 'findings.csv', { total: 3, accepted: 2, rejected: 1 }, [[4, 'audit_ref', /^unknown audit "AUD-404"/]]],
      [
        'interviews',
        'interviews.csv',
        { total: 8, accepted: 3, rejected: 5 },
        [
          [4, 'wage_currency', 'unknown ISO 4217 currency code "XYZ"'],
          [5, 'origin_country', /^unknown country "Atlantis"/],
          [8, 'visa_tied_to_employer', 'must be one of yes, no, unknown; got "maybe"'],
          [8, 'fees[0].currency', 'unknown ISO 4217 currency code "ABC"'],
          [9, 'recruiter_ref', /^unknown recruiter "REC-404"/],
          [10, 'testimony', /^contains what looks like a personal identifier \(email\)/],
        ],
      ],
    ];

    it.each(cases)('imports %s from %s with exact counts and rejections', async (kind, file, counts, expected) => {
      const { imp, rejected } = await importFile(kind, file);
      expect(imp).toMatchObject({
        status: 'completed',
        totalRows: counts.total,
        processedRows: counts.total,
        acceptedRows: counts.accepted,
        rejectedRows: counts.rejected,
        progress: 1,
        error: null,
      });
      expect(rejected).toEqual(
        expected.map(([line, field, reason]) => ({ line, field, reason: typeof reason === 'string' ? reason : expect.stringMatching(reason) })),
      );
    });

    it('loaded the rows in stored form', async () => {
      expect(await count('suppliers')).toBe(3);
      const links = await t.dataSource.query(
        `SELECT s.external_ref AS supplier, b.external_ref AS buyer FROM supply_links l
           JOIN suppliers s ON s.id = l.supplier_id JOIN suppliers b ON b.id = l.buyer_id
          WHERE l.organization_id = $1 ORDER BY 1, 2`,
        [acme.organizationId],
      );
      expect(links).toEqual([
        { supplier: 'SUP-B', buyer: 'SUP-A' },
        { supplier: 'SUP-F', buyer: 'SUP-A' },
        { supplier: 'SUP-F', buyer: 'SUP-B' },
      ]);
      const [b] = await t.dataSource.query(
        `SELECT p.external_ref AS parent, s.country, s.tier FROM suppliers s JOIN suppliers p ON p.id = s.parent_id WHERE s.organization_id = $1 AND s.external_ref = 'SUP-B'`,
        [acme.organizationId],
      );
      expect(b).toEqual({ parent: 'SUP-A', country: 'IN', tier: 2 });
      const [f] = await t.dataSource.query(`SELECT country, duns FROM suppliers WHERE organization_id = $1 AND external_ref = 'SUP-F'`, [acme.organizationId]);
      expect(f).toEqual({ country: 'VN', duns: '150483782' });

      const [rec] = await t.dataSource.query(
        `SELECT countries_of_operation, certifications, licence_status FROM recruiters WHERE organization_id = $1 AND external_ref = 'REC-2'`,
        [acme.organizationId],
      );
      expect(rec).toEqual({ countries_of_operation: ['BD', 'MY'], certifications: [], licence_status: 'suspended' });

      const [i1] = await t.dataSource.query(
        `SELECT i.*, a.external_ref AS audit_ref, s.external_ref AS site_ref
           FROM interviews i JOIN audits a ON a.id = i.audit_id JOIN sites s ON s.id = i.site_id
          WHERE i.organization_id = $1 AND i.external_ref = 'INT-1'`,
        [acme.organizationId],
      );
      const secret = process.env.LANTERN_SECRET_KEY!;
      expect(i1).toMatchObject({
        audit_ref: 'AUD-1',
        site_ref: 'SITE-1',
        worker_pseudonym: workerPseudonym(pseudonymKeyFromSecret(secret), acme.organizationId, 'W-0001'),
        origin_country: 'NP',
        monthly_wage_minor: '1250050',
        wage_currency: 'BDT',
        passport_holder: 'employer',
        documents_accessible_on_request: 'no',
        security_bond_required: 'yes',
        exit_permit_required: 'unknown',
        answers: { excessive_hours: 'yes', debt_bondage: 'yes', threats_of_violence: 'no' },
        fees: [
          { category: 'recruitment_fee', amountMinor: 150000, currency: 'USD', paidTo: 'recruiter', paidOn: '2024-01-10', paymentForm: 'loan', financedByLoan: 'yes' },
          { category: 'medical', amountMinor: 8550, currency: 'NPR', paidTo: 'unknown', paidOn: null, paymentForm: 'unknown', financedByLoan: 'unknown' },
        ],
      });
      expect(new Date(i1.interviewed_at).toISOString()).toBe('2025-03-01T04:00:00.000Z');
      expect(TestimonyCipher.fromSecret(secret).decrypt(i1.testimony_key_id, i1.testimony_ciphertext)).toBe(
        'I paid the agent before I left, and the employer keeps my passport.',
      );
      expect(JSON.stringify(i1)).not.toContain('W-0001');

      const [i2] = await t.dataSource.query(`SELECT * FROM interviews WHERE organization_id = $1 AND external_ref = 'INT-2'`, [acme.organizationId]);
      expect(i2).toMatchObject({ gender: 'undisclosed', visa_tied_to_employer: 'unknown', contract_written: 'unknown', fees: [], answers: {}, testimony_ciphertext: null });
      const [i5] = await t.dataSource.query(`SELECT testimony_key_id FROM interviews WHERE organization_id = $1 AND external_ref = 'INT-5'`, [acme.organizationId]);
      expect(i5.testimony_key_id).toBe('k1');
    });
  });

  describe('NDJSON, every kind', () => {
    const cases: Array<[ImportKind, string, { total: number; accepted: number; rejected: number }, Array<[number, string | null, RegExp | string]>]> = [
      [
        'suppliers',
        'suppliers.ndjson',
        { total: 4, accepted: 2, rejected: 2 },
        [
          [4, 'country', /^unknown country "ZZ"/],
          [5, null, 'is not valid JSON: unexpected "}"'],
        ],
      ],
      ['sites', 'sites.ndjson', { total: 2, accepted: 1, rejected: 1 }, [[2, 'migrant_worker_share', 'must be between 0 and 1 (a share: 0.35 for 35%); got -0.5']]],
      ['recruiters', 'recruiters.ndjson', { total: 2, accepted: 1, rejected: 1 }, [[2, 'certifications[0]', /^must be one of iom_iris, fair_hiring_initiative, other; got "iso9001"$/]]],
      ['engagements', 'engagements.ndjson', { total: 2, accepted: 1, rejected: 1 }, [[2, 'ends_on', 'must not be before starts_on (2024-03-01); got "2024-01-01"']]],
      ['audits', 'audits.ndjson', { total: 2, accepted: 1, rejected: 1 }, [[2, 'conducted_at', /^must be a date YYYY-MM-DD or an ISO 8601 date-time/]]],
      ['findings', 'findings.ndjson', { total: 2, accepted: 1, rejected: 1 }, [[2, 'severity', 'must be one of low, medium, high, critical; got "severe"']]],
      [
        'interviews',
        'interviews.ndjson',
        { total: 3, accepted: 1, rejected: 2 },
        [
          [2, 'fees[0].paidTo', /^must be one of recruiter, sub_agent, employer, official, other, unknown; got "boss"$/],
          [3, 'age_at_recruitment', 'must be between 5 and 99; got 3'],
        ],
      ],
    ];

    it.each(cases)('imports %s from %s', async (kind, file, counts, expected) => {
      const { imp, rejected } = await importFile(kind, file);
      expect(imp).toMatchObject({ status: 'completed', format: 'ndjson', totalRows: counts.total, acceptedRows: counts.accepted, rejectedRows: counts.rejected });
      expect(rejected).toEqual(
        expected.map(([line, field, reason]) => ({ line, field, reason: typeof reason === 'string' ? reason : expect.stringMatching(reason) })),
      );
    });

    it('stored typed NDJSON values', async () => {
      const [row] = await t.dataSource.query(
        `SELECT monthly_wage_minor, wage_currency, visa_tied_to_employer, can_change_employer_without_permission, fees, answers, origin_country
           FROM interviews WHERE organization_id = $1 AND external_ref = 'NINT-1'`,
        [acme.organizationId],
      );
      expect(row).toEqual({
        monthly_wage_minor: '210000',
        wage_currency: 'EUR',
        visa_tied_to_employer: 'yes',
        can_change_employer_without_permission: 'no',
        origin_country: 'UA',
        answers: { forced_overtime: 'yes', no_rest_days: 'no' },
        fees: [
          { category: 'travel', amountMinor: 25000, currency: 'EUR', paidTo: 'recruiter', paidOn: null, paymentForm: 'wage_deduction', financedByLoan: 'unknown' },
          { category: 'visa', amountMinor: 8000, currency: 'EUR', paidTo: 'unknown', paidOn: null, paymentForm: 'unknown', financedByLoan: 'unknown' },
        ],
      });
      const links = await t.dataSource.query(
        `SELECT b.external_ref AS buyer FROM supply_links l JOIN suppliers s ON s.id = l.supplier_id JOIN suppliers b ON b.id = l.buyer_id
          WHERE s.organization_id = $1 AND s.external_ref = 'NSUP-2' ORDER BY 1`,
        [acme.organizationId],
      );
      expect(links).toEqual([{ buyer: 'NSUP-1' }, { buyer: 'SUP-A' }]);
    });
  });

  describe('file-level errors fail the import and write nothing', () => {
    it.each<[string, string, RegExp]>([
      ['bad-duplicate-column.csv', 'text/csv', /^header \(line 1\): duplicate column "name"\. The sites columns are: ref\*, supplier_ref\*/],
      ['bad-unknown-column.csv', 'text/csv', /^header \(line 1\): unknown columns "colour", "size"\./],
      ['bad-missing-column.csv', 'text/csv', /^header \(line 1\): missing required columns "supplier_ref", "country"\./],
      ['bad-quoting.csv', 'text/csv', /^malformed CSV on line 3: unexpected "q" after a closing quote/],
      ['bad-utf8.csv', 'text/csv', /^the file is not valid UTF-8 \(invalid byte sequence on line 3\)/],
      ['bad-unknown-field.ndjson', 'application/jsonl', /^line 2: unknown field "colour"\. The sites fields are: ref, supplier_ref/],
    ])('%s', async (file, contentType, message) => {
      const sitesBefore = await count('sites');
      const res = await upload(acme, 'sites', file, contentType).expect(202);
      const imp = await waitDone(res.body.id);
      expect(imp).toMatchObject({ status: 'failed', acceptedRows: 0, rejectedRows: 0, progress: 1 });
      expect(imp.error).toMatch(message);
      expect(await rejections(imp.id)).toEqual([]);
      expect(await count('sites')).toBe(sitesBefore);
    });
  });

  it('retries an import that failed on infrastructure (same stored file, fresh attempts); refuses to retry anything else', async () => {
    // An outage the worker cannot get past: the database refuses this one row's insert (not a problem of the file).
    await t.dataSource.query(`CREATE FUNCTION test_refuse_outage_agency() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = 'Outage Agency' THEN RAISE EXCEPTION 'simulated outage'; END IF; RETURN NEW; END $$`);
    await t.dataSource.query(`CREATE TRIGGER test_refuse_outage_agency BEFORE INSERT ON recruiters FOR EACH ROW EXECUTE FUNCTION test_refuse_outage_agency()`);
    let id: string;
    try {
      const res = await request(t.baseUrl)
        .post(`${url}?kind=recruiters`)
        .set(bearer(acme.keys.admin))
        .set('Content-Type', 'text/csv')
        .send('ref,name,country\nREC-OUT,Outage Agency,Philippines\n')
        .expect(202);
      id = res.body.id;
      const failed = await waitDone(id);
      expect(failed).toMatchObject({ status: 'failed', acceptedRows: 0 });
      expect(failed.error).toMatch(new RegExp(`^internal error: the import failed 3 times; nothing was written\\. Retry it \\(POST /api/v1/imports/${id}/retry\\)`));
      // Still down: the retry is accepted, and fails the same way without writing anything.
    } finally {
      await t.dataSource.query(`DROP TRIGGER test_refuse_outage_agency ON recruiters`);
      await t.dataSource.query(`DROP FUNCTION test_refuse_outage_agency()`);
    }
    // Service healthy again: the officer retries; the same stored upload is imported once.
    await request(t.baseUrl).post(`${url}/${id}/retry`).set(bearer(acme.keys.regulator)).expect(403);
    await request(t.baseUrl).post(`${url}/${id}/retry`).set(bearer(rival.keys.admin)).expect(404);
    const retried = await request(t.baseUrl).post(`${url}/${id}/retry`).set(bearer(acme.keys.compliance)).expect(202);
    expect(retried.body).toMatchObject({ id, status: 'queued', error: null, acceptedRows: 0 });
    expect(await waitDone(id)).toMatchObject({ status: 'completed', acceptedRows: 1, rejectedRows: 0 });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM recruiters WHERE organization_id = $1 AND external_ref = 'REC-OUT'`, [acme.organizationId]);
    expect(n).toBe(1);
    const job = await queue.getJob(`import-${id}`);
    expect(job?.finishedOn).toEqual(expect.any(Number));
    const [audit] = await t.dataSource.query(`SELECT action, actor_role FROM audit_events WHERE organization_id = $1 AND subject_id = $2 AND action = 'import.retried'`, [acme.organizationId, id]);
    expect(audit).toEqual({ action: 'import.retried', actor_role: 'compliance' });

    // A completed import, and one that failed because of its file, are not retried.
    const completedAgain = await request(t.baseUrl).post(`${url}/${id}/retry`).set(bearer(acme.keys.admin)).expect(409);
    expect(completedAgain.body.detail).toBe('only a failed import can be retried; this one is completed');
    const bad = await request(t.baseUrl).post(`${url}?kind=sites`).set(bearer(acme.keys.admin)).set('Content-Type', 'text/csv').send('ref,colour,size\nS-RETRY,red,L\n').expect(202);
    expect(await waitDone(bad.body.id)).toMatchObject({ status: 'failed' });
    const refused = await request(t.baseUrl).post(`${url}/${bad.body.id}/retry`).set(bearer(acme.keys.admin)).expect(409);
    expect(refused.body.detail).toMatch(/^the file itself could not be imported \(header \(line 1\): unknown columns/);
  });

  it('rejects the later rows of a file that repeat a ref', async () => {
    const { imp, rejected } = await importFile('sites', 'sites-duplicate-ref.csv');
    expect(imp).toMatchObject({ status: 'completed', totalRows: 3, acceptedRows: 2, rejectedRows: 1 });
    expect(rejected).toEqual([{ line: 4, field: 'ref', reason: 'duplicate ref "SITE-9": line 2 of this file has the same ref' }]);
    const [site] = await t.dataSource.query(`SELECT name FROM sites WHERE organization_id = $1 AND external_ref = 'SITE-9'`, [acme.organizationId]);
    expect(site.name).toBe('Nine');
  });

  it('rejects rows with the wrong number of fields, naming the line', async () => {
    const { imp, rejected } = await importFile('sites', 'sites-field-count.csv');
    expect(imp).toMatchObject({ status: 'completed', totalRows: 3, acceptedRows: 1, rejectedRows: 2 });
    expect(rejected).toEqual([
      { line: 3, field: null, reason: 'has 5 fields but the header has 4 (a value that contains a comma must be quoted)' },
      { line: 4, field: null, reason: 'has 2 fields but the header has 4' },
    ]);
  });

  it('keeps every rejection of a file with thousands of bad rows (flushed in batches)', async () => {
    const bad = Array.from({ length: 12_000 }, (_, i) => `BULK-${i},SUP-A,Bulk ${i},Atlantis`);
    const body = ['ref,supplier_ref,name,country', 'BULK-OK,SUP-A,Fine,BD', ...bad].join('\n') + '\n';
    const res = await request(t.baseUrl).post(`${url}?kind=sites&filename=bulk.csv`).set(bearer(acme.keys.admin)).set('Content-Type', 'text/csv').send(body).expect(202);
    const imp = await waitDone(res.body.id);
    expect(imp).toMatchObject({ status: 'completed', totalRows: 12_001, acceptedRows: 1, rejectedRows: 12_000 });
    const [{ n, first, last }] = await t.dataSource.query(
      `SELECT count(*)::int AS n, min(line) AS first, max(line) AS last FROM import_rejections WHERE import_id = $1 AND field = 'country'`,
      [imp.id],
    );
    expect({ n, first, last }).toEqual({ n: 12_000, first: 3, last: 12_002 });
  });

  it('is idempotent: the same file again is a duplicate, with no new rows and no new job', async () => {
    const first = (await request(t.baseUrl).get(`${url}?kind=interviews&limit=500`).set(bearer(acme.keys.admin)).expect(200)).body.data as ImportBody[];
    const original = first.find((i) => i.filename === 'interviews.csv')!;
    const interviews = await count('interviews');
    const imports = await count('imports');
    const jobs = await jobTotal();

    const again = await upload(acme, 'interviews', 'interviews.csv').expect(200);
    expect(again.body).toMatchObject({ id: original.id, duplicate: true, status: 'completed', contentSha256: original.contentSha256, acceptedRows: 3 });
    await sleep(300);
    expect(await count('interviews')).toBe(interviews);
    expect(await count('imports')).toBe(imports);
    expect(await jobTotal()).toBe(jobs);

    // The same bytes as another kind, or for another organisation, are different imports.
    const other = await upload(rival, 'interviews', 'interviews.csv').expect(202);
    expect(other.body.duplicate).toBe(false);
    expect((await waitDone(other.body.id, rival)).rejectedRows).toBe(8);
  });

  it('updates a re-imported row (upsert on the ref)', async () => {
    const suppliers = await count('suppliers');
    const res = await request(t.baseUrl)
      .post(`${url}?kind=suppliers&filename=rename.csv`)
      .set(bearer(acme.keys.compliance))
      .set('Idempotency-Key', `rename-${randomUUID()}`)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send('ref,name,country,sector\nSUP-A,Alpha Textiles Limited,BD,apparel\n')
      .expect(202);
    expect(await waitDone(res.body.id)).toMatchObject({ status: 'completed', acceptedRows: 1 });
    expect(await count('suppliers')).toBe(suppliers);
    const [a] = await t.dataSource.query(`SELECT name FROM suppliers WHERE organization_id = $1 AND external_ref = 'SUP-A'`, [acme.organizationId]);
    expect(a.name).toBe('Alpha Textiles Limited');
  });

  it('serves the original upload byte for byte', async () => {
    const list = (await request(t.baseUrl).get(`${url}?kind=suppliers&status=completed`).set(bearer(acme.keys.admin)).expect(200)).body.data as ImportBody[];
    const imp = list.find((i) => i.filename === 'suppliers.csv')!;
    const res = await request(t.baseUrl).get(`${url}/${imp.id}/file`).set(bearer(acme.keys.auditor)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('suppliers.csv');
    expect(Buffer.compare(res.body as Buffer, fixture('suppliers.csv'))).toBe(0);
    expect(imp.sizeBytes).toBe(fixture('suppliers.csv').length);
  });

  it('keeps uploads encrypted at rest: no worker reference or testimony in the stored chunks', async () => {
    const list = (await request(t.baseUrl).get(`${url}?kind=interviews`).set(bearer(acme.keys.admin)).expect(200)).body.data as ImportBody[];
    const imp = list.find((i) => i.filename === 'interviews.csv')!;
    const original = fixture('interviews.csv');
    expect(original.includes('W-0001')).toBe(true);
    const chunks: Array<{ key_id: string | null; clear: boolean }> = await t.dataSource.query(
      `SELECT key_id, position(convert_to('W-0001', 'UTF8') IN bytes) > 0 AS clear FROM import_chunks WHERE import_id = $1 ORDER BY seq`,
      [imp.id],
    );
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((c) => c.key_id !== null && !c.clear)).toBe(true);
    const res = await request(t.baseUrl).get(`${url}/${imp.id}/file`).set(bearer(acme.keys.auditor)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(res.body as Buffer, original)).toBe(0);
  });

  it('pages rejections and exports them as CSV', async () => {
    const list = (await request(t.baseUrl).get(`${url}?kind=interviews`).set(bearer(acme.keys.admin)).expect(200)).body.data as ImportBody[];
    const imp = list.find((i) => i.filename === 'interviews.csv')!;
    const p1 = await request(t.baseUrl).get(`${url}/${imp.id}/rejections?limit=4`).set(bearer(acme.keys.admin)).expect(200);
    expect(p1.body.data).toHaveLength(4);
    const p2 = await request(t.baseUrl).get(`${url}/${imp.id}/rejections?limit=4&cursor=${p1.body.nextCursor}`).set(bearer(acme.keys.admin)).expect(200);
    expect(p2.body.data.map((r: Rejection) => r.line)).toEqual([9, 10]);
    expect(p2.body.nextCursor).toBeNull();

    const csv = await request(t.baseUrl).get(`${url}/${imp.id}/rejections?format=csv`).set(bearer(acme.keys.admin)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('line,field,reason');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe('4,wage_currency,"unknown ISO 4217 currency code ""XYZ"""');
  });

  it('accepts multipart/form-data with a file part', async () => {
    const res = await request(t.baseUrl)
      .post(url)
      .set(bearer(acme.keys.auditor))
      .field('kind', 'recruiters')
      .attach('file', Buffer.from('ref,name,country\nREC-M,Multipart Agency,Philippines\n'), { filename: 'multipart.csv', contentType: 'text/csv' })
      .expect(202);
    expect(res.body).toMatchObject({ kind: 'recruiters', format: 'csv', filename: 'multipart.csv', duplicate: false });
    expect(await waitDone(res.body.id)).toMatchObject({ status: 'completed', acceptedRows: 1 });
  });

  it('answers 413 to an oversized upload and keeps nothing', async () => {
    const imports = await count('imports');
    const chunksBefore = Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM import_chunks`))[0].n);
    const big = Buffer.alloc(MAX_UPLOAD + 1, 'a');
    const declared = await request(t.baseUrl).post(`${url}?kind=sites`).set(bearer(acme.keys.admin)).set('Content-Type', 'text/csv').send(big).expect(413);
    expect(declared.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(declared.body.code).toBe('payload_too_large');

    // Chunked (no Content-Length): caught while streaming.
    const status = await new Promise<{ code: number; connection?: string }>((done, fail) => {
      const u = new URL(`${t.baseUrl}${url}?kind=sites`);
      const req = httpRequest(
        {
          host: u.hostname,
          port: u.port,
          path: `${u.pathname}${u.search}`,
          method: 'POST',
          agent: false,
          headers: { ...bearer(acme.keys.admin), 'Content-Type': 'text/csv' },
        },
        (res) => {
          res.resume();
          done({ code: res.statusCode ?? 0, connection: res.headers.connection });
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : fail(err)));
      const piece = Buffer.alloc(64 * 1024, 'b');
      let sent = 0;
      const pump = (): void => {
        while (sent < 2 * MAX_UPLOAD) {
          sent += piece.length;
          if (!req.write(piece)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    expect(status).toEqual({ code: 413, connection: 'close' });
    expect(await count('imports')).toBe(imports);
    expect(Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM import_chunks`))[0].n)).toBe(chunksBefore);
  });

  it('refuses unknown media types and missing kinds', async () => {
    const json = await request(t.baseUrl).post(`${url}?kind=sites`).set(bearer(acme.keys.admin)).send({ ref: 'x' }).expect(415);
    expect(json.body.code).toBe('unsupported_media_type');
    const noKind = await request(t.baseUrl).post(url).set(bearer(acme.keys.admin)).set('Content-Type', 'text/csv').send('ref\n').expect(400);
    expect(noKind.body.errors).toEqual([{ field: 'kind', reason: expect.stringMatching(/^must be one of suppliers, sites/) }]);
    const badKind = await request(t.baseUrl).post(`${url}?kind=widgets`).set(bearer(acme.keys.admin)).set('Content-Type', 'text/csv').send('ref\n').expect(400);
    expect(badKind.body.errors[0].field).toBe('kind');
    const plain = await request(t.baseUrl).post(`${url}?kind=sites&format=csv`).set(bearer(acme.keys.admin)).set('Content-Type', 'text/plain').send('ref\n').expect(415);
    expect(plain.body.code).toBe('unsupported_media_type');
    const octet = await request(t.baseUrl).post(`${url}?kind=sites`).set(bearer(acme.keys.admin)).set('Content-Type', 'application/octet-stream').send(Buffer.from('ref\n')).expect(415);
    expect(octet.body.detail).toMatch(/format=csv\|ndjson/);
  });

  it('lets only admin, compliance and auditor keys import', async () => {
    for (const role of ['regulator', 'procurement'] as const) {
      const res = await upload(acme, 'sites', 'sites.csv', undefined, role).expect(403);
      expect(res.body.code).toBe('forbidden');
    }
  });

  it("answers 404 for another organisation's import", async () => {
    const list = (await request(t.baseUrl).get(url).set(bearer(acme.keys.admin)).expect(200)).body.data as ImportBody[];
    const id = list[0].id;
    for (const path of [`${url}/${id}`, `${url}/${id}/rejections`, `${url}/${id}/file`]) {
      const res = await request(t.baseUrl).get(path).set(bearer(rival.keys.admin)).expect(404);
      expect(res.body.code).toBe('not_found');
    }
    await request(t.baseUrl).get(`${url}/not-a-uuid`).set(bearer(acme.keys.admin)).expect(404);
    const rivalList = (await request(t.baseUrl).get(url).set(bearer(rival.keys.admin)).expect(200)).body.data as ImportBody[];
    expect(rivalList.map((i) => i.id)).not.toContain(id);
  });
});
