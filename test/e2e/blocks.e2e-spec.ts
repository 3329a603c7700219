import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '@lantern/domain';
import { pgPoolOf, rescreen, RESCREENING_QUEUE, ScreeningEngine, ScreeningRecorder } from '@lantern/screening';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aSupplier } from '../factories/builders.js';
import { created } from '../factories/supply-chain.js';
import { aLoadedList, listFixture, screen, uploadSnapshot } from '../factories/screening.js';

const today = new Date().toISOString().slice(0, 10);
const decision = { decisionMaker: 'R. Talbot, Debarring Official', reason: 'Findings of the 2026 labour audit confirmed by the investigation' };

function aBlock(overrides: Record<string, unknown> = {}) {
  return {
    subject: { name: 'Vantrelli Calzature S.p.A.', country: 'IT', identifiers: [{ scheme: 'vat', value: 'IT01234567890' }] },
    legalGround: 'eu_2014_24_art57_4_a',
    anchorDate: '2026-02-10',
    evidence: [{ kind: 'url', url: 'https://example.org/inspection-report-2026-114.pdf', description: 'Labour inspectorate report' }],
    ...decision,
    ...overrides,
  };
}

/** An assessment of a supplier (high band) with a block recommendation, as the scoring pipeline writes them. */
async function seedRecommendation(ds: DataSource, organizationId: string, supplierId: string, band = 'critical'): Promise<{ assessmentId: string; recommendationId: string }> {
  const [a] = (await ds.query(
    `INSERT INTO assessments (organization_id, subject_type, subject_id, methodology_version, as_of, overall, band, recruitment_fee, tied_visa,
                              document_confiscation, confidence, confidence_value, n_effective, sample_size, explanation, details, inputs_hash)
     VALUES ($1, 'supplier', $2, 'lantern-risk-1.0.0', current_date, 91.5, $3, 80, 40, 95, 'high', 0.9, 40, 40, '{}', '{}', repeat('a', 64)) RETURNING id`,
    [organizationId, supplierId, band],
  )) as { id: string }[];
  await ds.query(
    `INSERT INTO current_assessments (organization_id, subject_type, subject_id, assessment_id, name, country, overall, band, recruitment_fee, tied_visa,
                                      document_confiscation, confidence, n_effective, sample_size, methodology_version, as_of, assessed_at)
     VALUES ($1, 'supplier', $2, $3, 'x', 'BD', 91.5, $4, 80, 40, 95, 'high', 40, 40, 'lantern-risk-1.0.0', current_date, now())`,
    [organizationId, supplierId, a!.id, band],
  );
  const [r] = (await ds.query(
    `INSERT INTO block_recommendations (organization_id, assessment_id, subject_type, subject_id, reason, rule_ids, severity, evidence_ids)
     VALUES ($1, $2, 'supplier', $3, 'Passports held by the employer at 2 of 3 sites, no access on request', '{DOC-01}', 'critical', '{}') RETURNING id`,
    [organizationId, a!.id, supplierId],
  )) as { id: string }[];
  return { assessmentId: a!.id, recommendationId: r!.id };
}

describe('blocks API', () => {
  let t: TestApp;
  let authority: Tenant<Role>;
  const url = `${API}/blocks`;

  beforeAll(async () => {
    t = await startTestApp();
    authority = await createTenant(t.dataSource, { kind: 'procurement_authority', jurisdiction: 'AU' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('enforces the maximum period of the ground: Art. 57(4) at most 3 years from the event, Art. 57(1)(f) 5 years from the conviction', async () => {
    const tooLong = await request(t.baseUrl).post(url).set(bearer(authority.keys.procurement)).send(aBlock({ endsOn: '2029-02-10' })).expect(400);
    expect(tooLong.body.errors).toEqual([{ field: 'endsOn', reason: expect.stringContaining('2029-02-09') }]);
    const noConviction = await request(t.baseUrl).post(url).set(bearer(authority.keys.procurement)).send(aBlock({ legalGround: 'eu_2014_24_art57_1_f', anchorDate: undefined })).expect(400);
    expect(noConviction.body.errors[0].field).toBe('anchorDate');
    const block = await created(t.baseUrl, authority.keys.procurement, '/blocks', aBlock({ subject: { name: 'Pentrollo Ceramiche S.r.l.' }, legalGround: 'eu_2014_24_art57_1_f', anchorDate: '2025-06-30' }));
    expect(block).toMatchObject({ status: 'proposed', anchorDate: '2025-06-30', endsOn: '2030-06-29', maxEndsOn: '2030-06-29', inForce: false, ownedByYou: true });
    const grounds = await request(t.baseUrl).get(`${url}/legal-grounds`).set(bearer(authority.keys.regulator)).expect(200);
    expect(grounds.body.map((g: { code: string }) => g.code)).toContain('far_52_222_50_debarment');
  });

  it('walks the lifecycle (propose, activate, suspend, resume, lift), records every transition and screening follows it', async () => {
    const key = authority.keys.procurement;
    const bidder = { bidder: { name: 'VANTRELLI CALZATURE SPA', country: 'IT' } };
    const block = await created(t.baseUrl, key, '/blocks', aBlock());
    expect(block).toMatchObject({ status: 'proposed', startsOn: today, endsOn: '2029-02-09', legalGroundLabel: expect.stringContaining('57(4)(a)') });
    expect(await screen(t.baseUrl, key, bidder)).toMatchObject({ decision: 'review', rule: { id: 'block-pending' } });

    const active = await request(t.baseUrl).post(`${url}/${block.id}/activate`).set(bearer(key)).send(decision).expect(200);
    expect(active.body).toMatchObject({ status: 'active', inForce: true });
    const blocked = await screen(t.baseUrl, key, bidder);
    expect(blocked).toMatchObject({ decision: 'blocked', rule: { id: 'name-excluded' }, blocks: [{ id: block.id, status: 'active' }] });
    // The identifier alone is enough.
    expect(await screen(t.baseUrl, key, { bidder: { name: 'Calzaturificio Nuovo', identifiers: [{ scheme: 'vat', value: 'it 0123 4567 890' }] } })).toMatchObject({ decision: 'blocked', rule: { id: 'identifier-excluded' } });

    await request(t.baseUrl).post(`${url}/${block.id}/activate`).set(bearer(key)).send(decision).expect(409);
    await request(t.baseUrl).post(`${url}/${block.id}/suspend`).set(bearer(key)).send(decision).expect(200);
    expect((await screen(t.baseUrl, key, bidder)).decision).toBe('review');
    await request(t.baseUrl).post(`${url}/${block.id}/resume`).set(bearer(key)).send(decision).expect(200);
    const amended = await request(t.baseUrl).patch(`${url}/${block.id}/period`).set(bearer(key)).send({ ...decision, endsOn: '2028-12-31' }).expect(200);
    expect(amended.body.endsOn).toBe('2028-12-31');
    await request(t.baseUrl).patch(`${url}/${block.id}/period`).set(bearer(key)).send({ ...decision, endsOn: '2029-03-01' }).expect(400);
    await request(t.baseUrl).post(`${url}/${block.id}/lift`).set(bearer(key)).send({ ...decision, reason: 'Decision annulled on review' }).expect(200);
    expect((await screen(t.baseUrl, key, bidder)).decision).toBe('clear');

    const detail = await request(t.baseUrl).get(`${url}/${block.id}`).set(bearer(authority.keys.regulator)).expect(200);
    expect(detail.body.transitions.map((x: { action: string; toStatus: string }) => `${x.action}:${x.toStatus}`)).toEqual([
      'propose:proposed',
      'activate:active',
      'suspend:suspended',
      'resume:active',
      'amend_period:active',
      'lift:lifted',
    ]);
    expect(detail.body.transitions[5]).toMatchObject({ decisionMaker: decision.decisionMaker, reason: 'Decision annulled on review', actorKeyId: expect.any(String) });
    await request(t.baseUrl).post(`${url}/${block.id}/suspend`).set(bearer(authority.keys.regulator)).send(decision).expect(403);
  });

  it('publishes to the jurisdiction: every procurement authority and regulator there sees and screens against it', async () => {
    const peer = await createTenant(t.dataSource, { kind: 'procurement_authority', jurisdiction: 'AU', roles: ['procurement'] as const });
    const regulator = await createTenant(t.dataSource, { kind: 'regulator', jurisdiction: 'AU', roles: ['regulator'] as const });
    const company = await createTenant(t.dataSource, { kind: 'company', jurisdiction: 'AU', roles: ['admin'] as const });
    const abroad = await createTenant(t.dataSource, { kind: 'procurement_authority', jurisdiction: 'NZ', roles: ['procurement'] as const });
    const subject = { name: 'Mostravian Footwear Company Limited', country: 'VN' };
    const block = await created(t.baseUrl, authority.keys.admin, '/blocks', aBlock({ subject, scope: 'jurisdiction', legalGround: 'far_52_222_50_debarment', anchorDate: undefined }));
    await request(t.baseUrl).post(`${url}/${block.id}/activate`).set(bearer(authority.keys.admin)).send(decision).expect(200);
    const bid = { bidder: { name: 'Mostravian Footwear Co., Ltd', country: 'VN' } };
    expect((await screen(t.baseUrl, peer.keys.procurement, bid)).decision).toBe('clear');

    await request(t.baseUrl).post(`${url}/${block.id}/publish`).set(bearer(authority.keys.admin)).send(decision).expect(200);
    const seen = await screen(t.baseUrl, peer.keys.procurement, bid);
    expect(seen).toMatchObject({ decision: 'blocked', blocks: [{ id: block.id, status: 'active' }] });
    expect(seen.matches[0]!.record.block).toMatchObject({ ownedByYou: false });
    const listed = await request(t.baseUrl).get(url).query({ owner: 'published' }).set(bearer(regulator.keys.regulator)).expect(200);
    expect(listed.body.data.map((b: { id: string }) => b.id)).toEqual([block.id]);
    expect(listed.body.data[0]).toMatchObject({ ownedByYou: false, evidence: [{ kind: 'url' }] });
    await request(t.baseUrl).get(`${url}/${block.id}`).set(bearer(regulator.keys.regulator)).expect(200);
    await request(t.baseUrl).get(`${url}/${block.id}`).set(bearer(company.keys.admin)).expect(404);
    await request(t.baseUrl).get(`${url}/${block.id}`).set(bearer(abroad.keys.procurement)).expect(404);
    expect((await screen(t.baseUrl, abroad.keys.procurement, bid)).decision).toBe('clear');
    // Theirs to read, not to change.
    await request(t.baseUrl).post(`${url}/${block.id}/lift`).set(bearer(peer.keys.procurement)).send(decision).expect(404);
    // Companies cannot block for a jurisdiction.
    await request(t.baseUrl).post(url).set(bearer(company.keys.admin)).send(aBlock({ scope: 'jurisdiction' })).expect(400);
  });

  it('self-cleaning is refused during a court-imposed period, and an accepted submission lifts the block early', async () => {
    const key = authority.keys.admin;
    const court = await created(t.baseUrl, key, '/blocks', aBlock({ subject: { name: 'Halvoric Mining Company SA' }, legalGround: 'eu_2014_24_art57_1_f', anchorDate: '2025-03-01', judgmentPeriodEndsOn: '2031-12-31' }));
    expect(court).toMatchObject({ endsOn: '2031-12-31', maxEndsOn: '2031-12-31', judgmentPeriodEndsOn: '2031-12-31' });
    await request(t.baseUrl).post(`${url}/${court.id}/activate`).set(bearer(key)).send(decision).expect(200);
    const refused = await request(t.baseUrl).post(`${url}/${court.id}/self-cleaning`).set(bearer(key)).send({ submittedOn: today, measures: ['New recruitment policy'] }).expect(409);
    expect(refused.body.detail).toContain('Art. 57(6)');

    const block = await created(t.baseUrl, key, '/blocks', aBlock({ subject: { name: 'Castelvoy Textiles SARL' } }));
    await request(t.baseUrl).post(`${url}/${block.id}/activate`).set(bearer(key)).send(decision).expect(200);
    const submission = await request(t.baseUrl)
      .post(`${url}/${block.id}/self-cleaning`)
      .set(bearer(key))
      .send({
        submittedOn: today,
        compensation: 'Recruitment fees of 212 workers repaid (EUR 184,000), receipts attached',
        cooperation: 'Full cooperation with the labour inspectorate; records handed over',
        measures: ['Passports returned; lockers installed', 'Recruiters replaced by IRIS-certified agencies', 'Director responsible dismissed'],
        evidence: [{ kind: 'url', url: 'https://example.org/remediation-evidence.pdf' }],
      })
      .expect(201);
    expect(submission.body).toMatchObject({ status: 'submitted', measures: expect.arrayContaining(['Director responsible dismissed']) });
    const reviewed = await request(t.baseUrl)
      .post(`${url}/${block.id}/self-cleaning/${submission.body.id}/review`)
      .set(bearer(key))
      .send({ decision: 'accepted', decisionMaker: 'Contracting authority board', statementOfReasons: 'Compensation paid, facts clarified, measures adequate to the gravity' })
      .expect(200);
    expect(reviewed.body).toMatchObject({ status: 'lifted', selfCleaning: [{ status: 'accepted' }] });
    const detail = await request(t.baseUrl).get(`${url}/${block.id}`).set(bearer(key)).expect(200);
    expect(detail.body.transitions.map((x: { action: string }) => x.action)).toEqual(['propose', 'activate', 'self_cleaning_submitted', 'self_cleaning_accepted']);
  });

  it('records appeals; an upheld appeal lifts the block', async () => {
    const key = authority.keys.admin;
    const block = await created(t.baseUrl, key, '/blocks', aBlock({ subject: { name: 'Brunvik Shipping AS' } }));
    await request(t.baseUrl).post(`${url}/${block.id}/activate`).set(bearer(key)).send(decision).expect(200);
    const appeal = await request(t.baseUrl).post(`${url}/${block.id}/appeals`).set(bearer(key)).send({ filedOn: today, appellant: 'Brunvik Shipping AS (counsel)', forum: 'Administrative Review Tribunal', grounds: 'Wrong entity: the audited vessel belongs to another operator' }).expect(201);
    const decided = await request(t.baseUrl)
      .post(`${url}/${block.id}/appeals/${appeal.body.id}/decision`)
      .set(bearer(key))
      .send({ status: 'upheld', decidedOn: today, decisionMaker: 'Tribunal member J. Ngata', outcome: 'Decision set aside' })
      .expect(200);
    expect(decided.body).toMatchObject({ status: 'lifted', appeals: [{ status: 'upheld' }] });
  });

  it('expires a block whose period ended, recording the transition', async () => {
    const block = await created(t.baseUrl, authority.keys.admin, '/blocks', aBlock({ subject: { name: 'Delmarsh Seafoods Inc.' } }));
    await request(t.baseUrl).post(`${url}/${block.id}/activate`).set(bearer(authority.keys.admin)).send(decision).expect(200);
    await t.dataSource.query(`UPDATE blocks SET starts_on = '2024-01-01', ends_on = '2025-01-01' WHERE id = $1`, [block.id]);
    t.app.get(ScreeningEngine).invalidate();
    const bid = { bidder: { name: 'Delmarsh Seafoods' } };
    const a = await screen(t.baseUrl, authority.keys.procurement, bid);
    expect(a.decision).toBe('clear');
    expect(a.matches[0]!.record.block).toMatchObject({ status: 'expired' });
    const detail = await request(t.baseUrl).get(`${url}/${block.id}`).set(bearer(authority.keys.admin)).expect(200);
    expect(detail.body).toMatchObject({ status: 'expired', inForce: false });
    expect(detail.body.transitions.at(-1)).toMatchObject({ action: 'expire', fromStatus: 'active', toStatus: 'expired', actorKeyId: null });
  });

  it('proposes a block from a block recommendation, and screening shows the high-risk assessment behind a supplier', async () => {
    const company = await createTenant(t.dataSource, { kind: 'company', jurisdiction: 'GB', roles: ['admin', 'compliance', 'procurement'] as const });
    const supplier = await created(t.baseUrl, company.keys.admin, '/suppliers', aSupplier({ name: 'Rivermoor Garments Ltd', country: 'BD', duns: '123456789' }));
    const { assessmentId, recommendationId } = await seedRecommendation(t.dataSource, company.organizationId, supplier.id);
    t.app.get(ScreeningEngine).invalidate();

    const review = await screen(t.baseUrl, company.keys.procurement, { bidder: { name: 'Rivermoor Garments Limited', country: 'BD' } });
    expect(review).toMatchObject({ decision: 'review', rule: { id: 'high-risk-supplier' }, assessments: [{ subjectId: supplier.id, band: 'critical', openRecommendations: 1 }] });

    const block = await created(t.baseUrl, company.keys.compliance, '/blocks', { recommendationId, legalGround: 'organization_policy', evidence: [{ kind: 'assessment', id: assessmentId }], ...decision });
    expect(block).toMatchObject({ supplierId: supplier.id, recommendationId, subject: { name: 'Rivermoor Garments Ltd', country: 'BD', identifiers: [{ scheme: 'duns', value: '123456789' }] } });
    expect(block.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'assessment', id: assessmentId })]));
    await request(t.baseUrl).post(url).set(bearer(company.keys.compliance)).send({ recommendationId, legalGround: 'organization_policy', evidence: [{ kind: 'url', url: 'https://example.org/x' }], ...decision }).expect(409);
    await request(t.baseUrl).post(`${url}/${block.id}/activate`).set(bearer(company.keys.compliance)).send(decision).expect(200);
    const blocked = await screen(t.baseUrl, company.keys.procurement, { bidder: { name: 'Some New Name Ltd', identifiers: [{ scheme: 'duns', value: '123456789' }] } });
    expect(blocked).toMatchObject({ decision: 'blocked', rule: { id: 'identifier-excluded' } });
    // Evidence must be the organisation's own.
    const other = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
    await request(t.baseUrl).post(url).set(bearer(other.keys.admin)).send(aBlock({ evidence: [{ kind: 'assessment', id: assessmentId }] })).expect(400);
  });

  it('re-screens earlier screenings and suppliers when a list snapshot or a block changes, and surfaces what changed', async () => {
    const tenant = await createTenant(t.dataSource, { kind: 'procurement_authority', jurisdiction: 'AU', roles: ['admin', 'procurement'] as const });
    const supplier = await created(t.baseUrl, tenant.keys.admin, '/suppliers', aSupplier({ name: 'Tomandel Electronics Sdn Bhd', country: 'MY' }));
    const sam = listFixture('sam-exclusions.csv').toString('utf8');
    const { listId } = await aLoadedList(t.baseUrl, tenant.keys.admin, 'sam_exclusions', { content: sam });
    const earlier = await screen(t.baseUrl, tenant.keys.procurement, { bidder: { name: 'Tomandel Electronics', country: 'MY' }, tender: { reference: 'AU-T-9' } });
    expect(earlier.decision).toBe('clear');

    // The next edition lists the company.
    const next = `${sam.trimEnd()}\nFirm,TOMANDEL ELECTRONICS SDN. BHD.,,,,,,Jalan Perusahaan 3,,,Penang,,MYS,11900,Y,TMD3E5L7C9R1,Reciprocal,DOL,A1,Ineligible (Proceedings Completed),Debt bondage of migrant workers.,10/01/2026,Indefinite,Active,,S4MR3XCLA,4R5T6,,10/02/2026\n`;
    const refresh = await uploadSnapshot(t.baseUrl, tenant.keys.admin, listId, next, 'text/csv').expect(201);
    expect(refresh.body.diff).toMatchObject({ added: 1, removed: 0, changed: 0 });

    // The API queued the re-screening job; here the test runs it (no worker in the e2e harness).
    const { Queue } = await import('bullmq');
    const { redisConnectionOptions } = await import('@lantern/platform');
    const queue = new Queue(RESCREENING_QUEUE, { connection: redisConnectionOptions(process.env.REDIS_URL!), prefix: process.env.LANTERN_QUEUE_PREFIX });
    const job = await queue.getJob(`rescreen-list_snapshot-${refresh.body.id}-2`);
    expect(job?.data).toMatchObject({ trigger: { kind: 'list_snapshot', id: refresh.body.id } });
    await queue.close();

    const pool = pgPoolOf(t.dataSource);
    const engine = t.app.get(ScreeningEngine);
    const report = await rescreen(pool, engine, new ScreeningRecorder(pool), job!.data.trigger);
    expect(report).toMatchObject({ organizations: 1, changes: 2 });
    expect(await rescreen(pool, engine, new ScreeningRecorder(pool), job!.data.trigger)).toMatchObject({ changes: 0 });

    const changes = await request(t.baseUrl).get(`${API}/screenings/changes`).query({ open: 'true' }).set(bearer(tenant.keys.procurement)).expect(200);
    const bySubject = Object.fromEntries(changes.body.data.map((c: { subjectKind: string }) => [c.subjectKind, c]));
    expect(bySubject.screening).toMatchObject({ screeningId: earlier.id, subjectName: 'Tomandel Electronics', previousDecision: 'clear', newDecision: 'blocked', triggerKind: 'list_snapshot' });
    expect(bySubject.screening.addedMatches[0]).toMatchObject({ record: 'TOMANDEL ELECTRONICS SDN. BHD.', strength: 'strong' });
    expect(bySubject.supplier).toMatchObject({ supplierId: supplier.id, previousDecision: 'clear', newDecision: 'blocked' });
    const rescreened = await request(t.baseUrl).get(`${API}/screenings/${bySubject.screening.rescreeningId}`).set(bearer(tenant.keys.admin)).expect(200);
    expect(rescreened.body).toMatchObject({ trigger: 'rescreen', rescreenOf: earlier.id, decision: 'blocked', actorRole: 'system' });
    await request(t.baseUrl).post(`${API}/screenings/changes/${bySubject.screening.id}/acknowledge`).set(bearer(tenant.keys.procurement)).expect(200);
    const open = await request(t.baseUrl).get(`${API}/screenings/changes`).query({ open: 'true' }).set(bearer(tenant.keys.procurement)).expect(200);
    expect(open.body.data).toHaveLength(1);

    // A block on the supplier: re-screening touches it too.
    const block = await created(t.baseUrl, tenant.keys.admin, '/blocks', aBlock({ supplierId: supplier.id, subject: undefined, legalGround: 'far_52_222_50_suspension', anchorDate: undefined }));
    const r2 = await rescreen(pool, engine, new ScreeningRecorder(pool), { kind: 'block', id: block.id, summary: 'proposed' });
    expect(r2.changes).toBeGreaterThanOrEqual(1);
  });

  it("the worker's hourly job expires lapsed blocks nobody reads, audits them and re-screens the bids they blocked", async () => {
    const { NestFactory } = await import('@nestjs/core');
    const { Module } = await import('@nestjs/common');
    const { Queue, QueueEvents } = await import('bullmq');
    const { ConfigModule, DatabaseModule, QueueModule, redisConnectionOptions } = await import('@lantern/platform');
    const { JOBS } = await import('@lantern/domain');
    const { ListsWorkerModule } = await import('../../apps/worker/src/lists/lists-worker.module.js');

    const tenant = await createTenant(t.dataSource, { kind: 'procurement_authority', jurisdiction: 'NZ', roles: ['admin', 'procurement'] as const });
    const block = await created(t.baseUrl, tenant.keys.admin, '/blocks', aBlock({ subject: { name: 'Harrowgate Fisheries Pty Ltd', country: 'NZ' } }));
    await request(t.baseUrl).post(`${url}/${block.id}/activate`).set(bearer(tenant.keys.admin)).send(decision).expect(200);
    const earlier = await screen(t.baseUrl, tenant.keys.procurement, { bidder: { name: 'Harrowgate Fisheries' } });
    expect(earlier.decision).toBe('blocked');
    // The period ends; no block read follows (the API would expire it on read).
    await t.dataSource.query(`UPDATE blocks SET starts_on = '2024-01-01', ends_on = '2025-01-01' WHERE id = $1`, [block.id]);

    const connection = redisConnectionOptions(process.env.REDIS_URL!);
    const queue = new Queue(RESCREENING_QUEUE, { connection, prefix: process.env.LANTERN_QUEUE_PREFIX });
    // Drop the re-screenings the API queued so far (the activation's among them): only the expiry re-screens here.
    await queue.obliterate({ force: true });
    @Module({ imports: [ConfigModule, DatabaseModule, QueueModule, ListsWorkerModule] })
    class ListsWorkerTestModule {}
    const worker = await NestFactory.createApplicationContext(ListsWorkerTestModule, { logger: ['error'] });
    const events = new QueueEvents(RESCREENING_QUEUE, { connection, prefix: process.env.LANTERN_QUEUE_PREFIX });
    try {
      await worker.init();
      const scheduler = await queue.getJobScheduler('expire-blocks-hourly');
      expect(scheduler).toMatchObject({ name: JOBS.expireBlocks, every: 3_600_000 });

      // The scheduler's first run starts at once; the test waits for its report.
      await events.waitUntilReady();
      let report: { expired: string[]; changes: number } | undefined;
      for (let attempt = 0; attempt < 600 && report === undefined; attempt++) {
        const done = await queue.getJobs(['completed'], 0, 100);
        report = done.filter((j) => j.name === JOBS.expireBlocks).map((j) => j.returnvalue as { expired: string[]; changes: number }).find((r) => r.expired.includes(block.id));
        if (report === undefined) await new Promise((r) => setTimeout(r, 100));
      }
      expect(report).toBeDefined();
      expect(report!.changes).toBeGreaterThanOrEqual(1);

      const [row] = await t.dataSource.query(`SELECT status FROM blocks WHERE id = $1`, [block.id]);
      expect(row.status).toBe('expired');
      const transitions = await t.dataSource.query(`SELECT action, from_status, to_status, actor_key_id FROM block_transitions WHERE block_id = $1 ORDER BY id`, [block.id]);
      expect(transitions.at(-1)).toEqual({ action: 'expire', from_status: 'active', to_status: 'expired', actor_key_id: null });
      expect(transitions.filter((x: { action: string }) => x.action === 'expire')).toHaveLength(1);
      const audit = await t.dataSource.query(`SELECT action, actor_role FROM audit_events WHERE organization_id = $1 AND subject_id = $2 ORDER BY sequence`, [tenant.organizationId, block.id]);
      expect(audit.at(-1)).toEqual({ action: 'block.expired', actor_role: 'system' });

      const changes = await request(t.baseUrl).get(`${API}/screenings/changes`).query({ open: 'true' }).set(bearer(tenant.keys.procurement)).expect(200);
      expect(changes.body.data).toEqual(
        expect.arrayContaining([expect.objectContaining({ screeningId: earlier.id, previousDecision: 'blocked', newDecision: 'clear', triggerKind: 'block' })]),
      );
      // Run again: nothing left to expire, the block is not expired twice.
      const again = (await (await queue.add(JOBS.expireBlocks, { schemaVersion: 1 })).waitUntilFinished(events, 60_000)) as { expired: string[] };
      expect(again.expired).not.toContain(block.id);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM block_transitions WHERE block_id = $1 AND action = 'expire'`, [block.id]);
      expect(n).toBe(1);
    } finally {
      await events.close();
      await queue.close();
      await worker.close();
    }
  });
});
