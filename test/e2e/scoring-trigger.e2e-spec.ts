/**
 * Data changes through the API ask for re-scoring (ARCHITECTURE.md flow 2):
 * the affected sites land in the scoring outbox in the same transaction as the
 * change, and a deduplicated job is queued after commit. No worker runs here,
 * so the jobs stay in the queue where the test can see them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { JOBS, QUEUES, type Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aFinding, aSite, anAudit, anInterview } from '../factories/builders.js';
import { aSupplyChain, created, type SupplyChain } from '../factories/supply-chain.js';

describe('scoring requests on data changes', () => {
  let t: TestApp;
  let tenant: Tenant<Role>;
  let chain: SupplyChain;
  let queue: Queue;

  const pendingSites = async (): Promise<string[]> =>
    (
      (await t.dataSource.query(`SELECT site_id FROM scoring_pending_sites WHERE organization_id = $1 ORDER BY site_id`, [tenant.organizationId])) as Array<{
        site_id: string;
      }>
    ).map((r) => r.site_id);

  const jobsOf = async (name: string) =>
    (await queue.getJobs(['waiting', 'delayed', 'prioritized', 'active'])).filter((j) => j.name === name && j.data.organizationId === tenant.organizationId);

  beforeAll(async () => {
    t = await startTestApp();
    queue = t.app.get<Queue>(getQueueToken(QUEUES.scoring));
    tenant = await createTenant(t.dataSource, { kind: 'company' });
    chain = await aSupplyChain(t.baseUrl, tenant.keys.admin);
  });

  afterAll(async () => {
    await t.close();
  });

  it('a new site is put in the outbox and one score-sites job is queued for the organisation', async () => {
    expect(await pendingSites()).toEqual([chain.siteId]);
    expect(await jobsOf(JOBS.scoreSites)).toHaveLength(1);
  });

  it('a new interview marks its site again without queueing a second job (deduplicated)', async () => {
    await t.dataSource.query(`DELETE FROM scoring_pending_sites WHERE organization_id = $1`, [tenant.organizationId]);
    await created(t.baseUrl, tenant.keys.auditor, '/interviews', anInterview({ auditId: chain.auditId, siteId: chain.siteId }));
    expect(await pendingSites()).toEqual([chain.siteId]);
    expect(await jobsOf(JOBS.scoreSites)).toHaveLength(1);
  });

  it('a rejected write leaves nothing in the outbox', async () => {
    await t.dataSource.query(`DELETE FROM scoring_pending_sites WHERE organization_id = $1`, [tenant.organizationId]);
    const res = await request(t.baseUrl)
      .post(`${API}/interviews`)
      .set(bearer(tenant.keys.auditor))
      .send({ ...anInterview({ auditId: chain.auditId, siteId: chain.siteId }), originCountry: 'XX' });
    expect(res.status).toBe(400);
    expect(await pendingSites()).toEqual([]);
  });

  it('a new or changed audit finding marks its audit\'s site (findings are scored, FIND-01)', async () => {
    await t.dataSource.query(`DELETE FROM scoring_pending_sites WHERE organization_id = $1`, [tenant.organizationId]);
    const finding = await created(t.baseUrl, tenant.keys.auditor, '/findings', aFinding(chain.auditId, { indicatorCode: 'LAN-DOC', severity: 'critical' }));
    expect(await pendingSites()).toEqual([chain.siteId]);
    expect(await jobsOf(JOBS.scoreSites)).toHaveLength(1);
    await t.dataSource.query(`DELETE FROM scoring_pending_sites WHERE organization_id = $1`, [tenant.organizationId]);
    await request(t.baseUrl).patch(`${API}/findings/${finding.id}`).set(bearer(tenant.keys.auditor)).send({ status: 'closed' }).expect(200);
    expect(await pendingSites()).toEqual([chain.siteId]);
    // Moved to an audit of another site: both sites.
    const other = (await created(t.baseUrl, tenant.keys.admin, '/sites', aSite(chain.supplierId))).id;
    const otherAudit = (await created(t.baseUrl, tenant.keys.admin, '/audits', anAudit(other))).id;
    await t.dataSource.query(`DELETE FROM scoring_pending_sites WHERE organization_id = $1`, [tenant.organizationId]);
    await request(t.baseUrl).patch(`${API}/findings/${finding.id}`).set(bearer(tenant.keys.auditor)).send({ auditId: otherAudit }).expect(200);
    expect(await pendingSites()).toEqual([chain.siteId, other].sort());
    // An audit moved to another site or re-dated takes its findings along.
    await t.dataSource.query(`DELETE FROM scoring_pending_sites WHERE organization_id = $1`, [tenant.organizationId]);
    await request(t.baseUrl).patch(`${API}/audits/${otherAudit}`).set(bearer(tenant.keys.admin)).send({ conductedAt: '2025-05-01T00:00:00Z' }).expect(200);
    expect(await pendingSites()).toEqual([other]);
    await t.dataSource.query(`DELETE FROM scoring_pending_sites WHERE organization_id = $1`, [tenant.organizationId]);
    await request(t.baseUrl).patch(`${API}/audits/${otherAudit}`).set(bearer(tenant.keys.admin)).send({ summary: 'typo fixed' }).expect(200);
    expect(await pendingSites()).toEqual([]);
  });

  it('changing a recruiter asks for a full re-score of the organisation', async () => {
    expect(await jobsOf(JOBS.scoreOrganization)).toHaveLength(0);
    const res = await request(t.baseUrl).patch(`${API}/recruiters/${chain.recruiterId}`).set(bearer(tenant.keys.admin)).send({ licenceStatus: 'revoked' });
    expect(res.status).toBe(200);
    expect(await jobsOf(JOBS.scoreOrganization)).toHaveLength(1);
  });
});
