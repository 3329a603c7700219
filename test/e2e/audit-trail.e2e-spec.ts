import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll, jest } from '@jest/globals';

jest.setTimeout(120_000);
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { QUEUES, type Role } from '@lantern/domain';
import { auditEventHash, canonicalJson, auditDigest } from '@lantern/platform';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aSite, aSupplier } from '../factories/builders.js';

// Own queue prefix: other suites' workers must not take this suite's import job.
process.env.LANTERN_QUEUE_PREFIX = `e2e-audit-${randomUUID().slice(0, 8)}`;

interface EventBody {
  id: string;
  sequence: number;
  occurredAt: string;
  actorApiKeyId: string | null;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  previousHash: string | null;
  hash: string;
}

describe('audit trail (append-only, hash-chained, same transaction)', () => {
  let t: TestApp;
  let acme: Tenant<Role>;
  let rival: Tenant<Role>;
  const log = `${API}/audit-log`;

  const events = async (tenant: Tenant<Role>, query: Record<string, string | number> = {}): Promise<EventBody[]> =>
    (await request(t.baseUrl).get(log).query({ limit: 500, ...query }).set(bearer(tenant.keys.admin)).expect(200)).body.data;
  const eventCount = async (organizationId: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1`, [organizationId]))[0].n;
  const apiKeyId = async (tenant: Tenant<Role>, role: Role): Promise<string> =>
    (await t.dataSource.query(`SELECT id FROM api_keys WHERE organization_id = $1 AND role = $2 AND name = $3`, [tenant.organizationId, role, `test ${role}`]))[0].id;

  beforeAll(async () => {
    t = await startTestApp();
    acme = await createTenant(t.dataSource, { kind: 'company', name: 'Audit Acme' });
    rival = await createTenant(t.dataSource, { kind: 'company', name: 'Audit Rival' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records every change with actor, subject, digests and a contiguous chain; failed requests record nothing', async () => {
    const supplier = await request(t.baseUrl).post(`${API}/suppliers`).set(bearer(acme.keys.compliance)).send(aSupplier()).expect(201);
    const buyer = await request(t.baseUrl).post(`${API}/suppliers`).set(bearer(acme.keys.admin)).send(aSupplier({ name: 'Buyer plc' })).expect(201);
    await request(t.baseUrl).patch(`${API}/suppliers/${supplier.body.id}`).set(bearer(acme.keys.admin)).send({ name: 'Renamed Ltd' }).expect(200);
    await request(t.baseUrl).patch(`${API}/suppliers/${supplier.body.id}`).set(bearer(acme.keys.admin)).send({ name: 'Renamed Ltd' }).expect(200); // no-op: no event
    await request(t.baseUrl).put(`${API}/suppliers/${supplier.body.id}/buyers/${buyer.body.id}`).set(bearer(acme.keys.admin)).expect(200);
    await request(t.baseUrl).put(`${API}/suppliers/${supplier.body.id}/buyers/${buyer.body.id}`).set(bearer(acme.keys.admin)).expect(200); // no-op: no event
    await request(t.baseUrl).delete(`${API}/suppliers/${supplier.body.id}/buyers/${buyer.body.id}`).set(bearer(acme.keys.admin)).expect(204);
    await request(t.baseUrl).post(`${API}/sites`).set(bearer(acme.keys.admin)).send(aSite(supplier.body.id)).expect(201);

    const before = await eventCount(acme.organizationId);
    await request(t.baseUrl).post(`${API}/suppliers`).set(bearer(acme.keys.admin)).send(aSupplier({ country: 'XX' })).expect(400);
    await request(t.baseUrl).patch(`${API}/suppliers/${supplier.body.id}`).set(bearer(acme.keys.admin)).send({ parentId: supplier.body.id }).expect(400);
    await request(t.baseUrl).post(`${API}/suppliers`).set(bearer(acme.keys.regulator)).send(aSupplier()).expect(403);
    expect(await eventCount(acme.organizationId)).toBe(before);

    const all = await events(acme);
    expect(all.map((e) => e.action)).toEqual([
      'supplier.created',
      'supplier.created',
      'supplier.updated',
      'supply_link.created',
      'supply_link.deleted',
      'site.created',
    ]);
    expect(all.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(all[0]).toMatchObject({ actorRole: 'compliance', actorApiKeyId: await apiKeyId(acme, 'compliance'), subjectType: 'supplier', subjectId: supplier.body.id, beforeDigest: null, previousHash: null });
    expect(all[2]).toMatchObject({ actorRole: 'admin', beforeDigest: expect.stringMatching(/^[0-9a-f]{64}$/), afterDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(all[2].beforeDigest).not.toBe(all[2].afterDigest);
    expect(all[4]).toMatchObject({ subjectId: `${supplier.body.id}->${buyer.body.id}`, afterDigest: null });
    for (let i = 1; i < all.length; i++) expect(all[i].previousHash).toBe(all[i - 1].hash);
    // The hash can be recomputed by anyone from the published fields.
    const { id: _id, hash, ...fields } = all[3];
    expect(auditEventHash({ ...fields, organizationId: acme.organizationId, occurredAt: new Date(fields.occurredAt) })).toBe(hash);
    // Digests, not data: the supplier's name appears nowhere in the row.
    const [raw] = await t.dataSource.query(`SELECT to_jsonb(a)::text AS j FROM audit_events a WHERE id = $1`, [all[2].id]);
    expect(raw.j).not.toContain('Renamed');

    expect((await request(t.baseUrl).post(`${log}/verify`).set(bearer(acme.keys.auditor)).expect(200)).body).toEqual({ valid: true, checked: 6 });
  });

  it('filters, pages with a cursor and exports CSV; another organisation sees none of it', async () => {
    const updated = await events(acme, { action: 'supplier.updated' });
    expect(updated).toHaveLength(1);
    const bySubject = await events(acme, { subjectType: 'supplier', subjectId: updated[0].subjectId });
    expect(bySubject.map((e) => e.action)).toEqual(['supplier.created', 'supplier.updated']);
    expect(await events(acme, { from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' })).toEqual([]);

    const first = await request(t.baseUrl).get(log).query({ limit: 4 }).set(bearer(acme.keys.admin)).expect(200);
    const second = await request(t.baseUrl).get(log).query({ limit: 4, cursor: first.body.nextCursor }).set(bearer(acme.keys.admin)).expect(200);
    expect([...first.body.data, ...second.body.data].map((e: EventBody) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(second.body.nextCursor).toBeNull();
    await request(t.baseUrl).get(log).query({ cursor: 'bm90LWEtY3Vyc29y' }).set(bearer(acme.keys.admin)).expect(400);

    const csv = await request(t.baseUrl).get(log).query({ format: 'csv' }).set(bearer(acme.keys.admin)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('sequence,id,occurredAt,actorApiKeyId,actorRole,action,subjectType,subjectId,beforeDigest,afterDigest,previousHash,hash');
    // The export itself is recorded first (key use for exports), so the file ends with its own event.
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[7]).toContain(',admin,export.downloaded,export,/api/v1/audit-log,');

    expect(await events(rival)).toEqual([]);
    expect((await request(t.baseUrl).post(`${log}/verify`).set(bearer(rival.keys.admin)).expect(200)).body).toEqual({ valid: true, checked: 0 });
    await request(t.baseUrl).get(log).set(bearer(acme.keys.procurement)).expect(403);
    await request(t.baseUrl).get(log).set(bearer(acme.keys.regulator)).expect(200);
    await request(t.baseUrl).post(`${log}/verify`).set(bearer(acme.keys.regulator)).expect(403);
  });

  it('keeps one gap-free chain under concurrent writers', async () => {
    const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
    await Promise.all(Array.from({ length: 25 }, () => request(t.baseUrl).post(`${API}/recruiters`).set(bearer(tenant.keys.admin)).send({ externalRef: `R-${randomUUID()}`, name: 'Agency', country: 'NP' }).expect(201)));
    const rows: { sequence: string }[] = await t.dataSource.query(`SELECT sequence FROM audit_events WHERE organization_id = $1 ORDER BY sequence`, [tenant.organizationId]);
    expect(rows.map((r) => Number(r.sequence))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await request(t.baseUrl).post(`${log}/verify`).set(bearer(tenant.keys.admin)).expect(200)).body).toEqual({ valid: true, checked: 25 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows, even for a superuser; the lantern_app role has no such grants', async () => {
    const [row] = await t.dataSource.query(`SELECT id FROM audit_events WHERE organization_id = $1 ORDER BY sequence LIMIT 1`, [acme.organizationId]);
    await expect(t.dataSource.query(`UPDATE audit_events SET action = 'supplier.deleted' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_events WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    // Deleting the organisation would cascade to its events: refused too (only the owner's explicit erase may).
    await expect(t.dataSource.query(`DELETE FROM organizations WHERE id = $1`, [acme.organizationId])).rejects.toThrow(/append-only/);

    const [grants] = await t.dataSource.query(
      `SELECT has_table_privilege('lantern_app', 'audit_events', 'INSERT') AS ins, has_table_privilege('lantern_app', 'audit_events', 'SELECT') AS sel,
              has_table_privilege('lantern_app', 'audit_events', 'UPDATE') AS upd, has_table_privilege('lantern_app', 'audit_events', 'DELETE') AS del,
              has_table_privilege('lantern_app', 'audit_events', 'TRUNCATE') AS trunc, has_table_privilege('lantern_app', 'suppliers', 'UPDATE') AS supplier_upd`,
    );
    expect(grants).toEqual({ ins: true, sel: true, upd: false, del: false, trunc: false, supplier_upd: true });
    // As lantern_app, the bypass a superuser has does not exist: even with the erase flag set the DELETE is refused.
    await expect(
      t.dataSource.transaction(async (em) => {
        await em.query(`SET LOCAL ROLE lantern_app`);
        await em.query(`SELECT set_config('lantern.audit_erase_organizations', 'on', true)`);
        await em.query(`DELETE FROM audit_events WHERE id = $1`, [row.id]);
      }),
    ).rejects.toThrow(/permission denied|append-only/);
  });

  it('names the first tampered row when the chain is verified', async () => {
    const all = await events(acme);
    const victim = all[2];
    // A superuser can switch triggers off for its own transaction: exactly the attack the chain must reveal.
    await t.dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      await em.query(`UPDATE audit_events SET actor_role = 'auditor' WHERE id = $1`, [victim.id]);
    });
    const res = await request(t.baseUrl).post(`${log}/verify`).set(bearer(acme.keys.admin)).expect(200);
    expect(res.body).toEqual({ valid: false, checked: 2, firstBroken: { id: victim.id, sequence: victim.sequence, reason: expect.stringMatching(/hash does not match/) } });

    // Removing an event is caught too (the next one no longer follows).
    const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
    for (let i = 0; i < 3; i++) await request(t.baseUrl).post(`${API}/suppliers`).set(bearer(tenant.keys.admin)).send(aSupplier()).expect(201);
    await t.dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      await em.query(`DELETE FROM audit_events WHERE organization_id = $1 AND sequence = 2`, [tenant.organizationId]);
    });
    const gap = await request(t.baseUrl).post(`${log}/verify`).set(bearer(tenant.keys.admin)).expect(200);
    expect(gap.body).toMatchObject({ valid: false, checked: 1, firstBroken: { sequence: 3, reason: expect.stringMatching(/missing/) } });
  });

  it('records api-key, evidence and upload changes of the other finished modules', async () => {
    const tenant = await createTenant(t.dataSource, { kind: 'company' });
    const key = await request(t.baseUrl).post(`${API}/api-keys`).set(bearer(tenant.keys.admin)).send({ name: 'ERP', role: 'auditor' }).expect(201);
    await request(t.baseUrl).patch(`${API}/api-keys/${key.body.id}`).set(bearer(tenant.keys.admin)).send({ name: 'ERP 2' }).expect(200);
    await request(t.baseUrl).delete(`${API}/api-keys/${key.body.id}`).set(bearer(tenant.keys.admin)).expect(200);
    await request(t.baseUrl).delete(`${API}/api-keys/${key.body.id}`).set(bearer(tenant.keys.admin)).expect(200); // already revoked: no event
    await request(t.baseUrl)
      .post(`${API}/imports`)
      .query({ kind: 'suppliers', filename: 's.csv' })
      .set(bearer(tenant.keys.compliance))
      .set('Content-Type', 'text/csv')
      .send('ref,name,country,sector,tier\nS-1,Acme,BD,apparel,1\n')
      .expect(202);
    const actions = (await events(tenant)).map((e) => `${e.action}:${e.actorRole}`);
    expect(actions).toEqual(['api_key.created:admin', 'api_key.updated:admin', 'api_key.revoked:admin', 'import.uploaded:compliance']);
  });

  it('records every screening (in the group-commit transaction) and every export of a file, in one valid chain', async () => {
    const authority = await createTenant(t.dataSource, { kind: 'procurement_authority', jurisdiction: 'AU', name: 'Audit Authority', roles: ['admin', 'procurement'] as const });
    const bids = ['Harlow Tanning Pty Ltd', 'Corvale Fisheries Ltd', 'Mendip Garments Co'];
    const answers = await Promise.all(
      bids.map(async (name) => (await request(t.baseUrl).post(`${API}/screenings`).set(bearer(authority.keys.procurement)).send({ bidder: { name } }).expect(201)).body),
    );
    const logged = await events(authority as unknown as Tenant<Role>, { action: 'screening.created' });
    expect(logged.map((e) => e.subjectId).sort()).toEqual(answers.map((a: { id: string }) => a.id).sort());
    const procurementKey = await apiKeyId(authority as unknown as Tenant<Role>, 'procurement');
    expect(new Set(logged.map((e) => e.actorApiKeyId))).toEqual(new Set([procurementKey]));
    // The digest covers the stored row: recompute it from the screening as stored.
    const [row] = await t.dataSource.query(`SELECT id, bidder_name, decision, rule_id, match_count, input, answer FROM screenings WHERE id = $1`, [answers[0].id]);
    const event = logged.find((e) => e.subjectId === row.id)!;
    expect(event.afterDigest).toBe(
      auditDigest({ id: row.id, bidderName: row.bidder_name, decision: row.decision, ruleId: row.rule_id, matchCount: row.match_count, input: row.input, answer: row.answer }),
    );

    await request(t.baseUrl).get(`${API}/screenings`).query({ format: 'csv' }).set(bearer(authority.keys.admin)).expect(200);
    const exported = await events(authority as unknown as Tenant<Role>, { action: 'export.downloaded' });
    expect(exported).toEqual([expect.objectContaining({ subjectType: 'export', subjectId: '/api/v1/screenings' })]);
    // A JSON page is not an export; a refused export records nothing.
    await request(t.baseUrl).get(`${API}/screenings`).set(bearer(authority.keys.admin)).expect(200);
    await request(t.baseUrl).get(`${API}/screenings`).query({ format: 'xml' }).set(bearer(authority.keys.admin)).expect(400);
    expect(await events(authority as unknown as Tenant<Role>, { action: 'export.downloaded' })).toHaveLength(1);
    // Three screenings and one export.
    expect((await request(t.baseUrl).post(`${log}/verify`).set(bearer(authority.keys.admin)).expect(200)).body).toEqual({ valid: true, checked: 4 });
  });

  it('digests canonical JSON: key order and undefined fields do not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: new Date('2025-01-01T00:00:00Z') } })).toBe('{"a":{"c":"2025-01-01T00:00:00.000Z"},"b":1}');
    expect(auditDigest({ a: 1, b: 2 })).toBe(auditDigest({ b: 2, a: 1 }));
    expect(auditDigest({ a: 1 })).not.toBe(auditDigest({ a: 2 }));
    expect(auditDigest(null)).toBeNull();
  });
});

describe('audit trail: import completion is recorded by the worker in the load transaction', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let queue: Queue;

  beforeAll(async () => {
    t = await startTestApp();
    const { WorkerModule } = await import('../../apps/worker/src/worker.module.js');
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    queue = t.app.get<Queue>(getQueueToken(QUEUES.import));
  });
  afterAll(async () => {
    await worker?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await t?.close();
  }, 30_000);

  it('appends import.completed as the system, on behalf of the uploading key', async () => {
    const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
    const up = await request(t.baseUrl)
      .post(`${API}/imports`)
      .query({ kind: 'suppliers', filename: 's.csv' })
      .set(bearer(tenant.keys.admin))
      .set('Content-Type', 'text/csv')
      .send('ref,name,country,sector,tier\nS-1,Acme,BD,apparel,1\nS-2,Bad,Atlantis,apparel,1\n')
      .expect(202);
    const deadline = Date.now() + 30_000;
    let status = 'queued';
    while (Date.now() < deadline && status !== 'completed' && status !== 'failed') {
      await new Promise((r) => setTimeout(r, 100));
      status = (await request(t.baseUrl).get(`${API}/imports/${up.body.id}`).set(bearer(tenant.keys.admin)).expect(200)).body.status;
    }
    expect(status).toBe('completed');
    const list = (await request(t.baseUrl).get(`${API}/audit-log`).set(bearer(tenant.keys.admin)).expect(200)).body.data as EventBody[];
    const [keyRow] = await t.dataSource.query(`SELECT id FROM api_keys WHERE organization_id = $1`, [tenant.organizationId]);
    // The completed import also queues a scoring run, which appends events of its own.
    const importEvents = list.filter((e) => e.action.startsWith('import.'));
    expect(importEvents.map((e) => [e.action, e.actorRole, e.actorApiKeyId, e.subjectId])).toEqual([
      ['import.uploaded', 'admin', keyRow.id, up.body.id],
      ['import.completed', 'system', keyRow.id, up.body.id],
    ]);
    const verified = (await request(t.baseUrl).post(`${API}/audit-log/verify`).set(bearer(tenant.keys.admin)).expect(200)).body;
    expect(verified.valid).toBe(true);
    expect(verified.checked).toBeGreaterThanOrEqual(2);
  });
});
