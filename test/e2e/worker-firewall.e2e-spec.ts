import { describe, it, expect, beforeAll, afterAll, jest } from '@jest/globals';

jest.setTimeout(120_000);
import request from 'supertest';
import { ROLES, type Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { anInterview } from '../factories/builders.js';
import { aSupplyChain, created, type SupplyChain } from '../factories/supply-chain.js';

const ivIds = (c: SupplyChain) => ({ auditId: c.auditId, siteId: c.siteId, recruiterId: c.recruiterId });

/** Every row of every application table whose text contains `needle` (bytea columns included, as UTF-8). */
async function tablesContaining(t: TestApp, needle: string): Promise<string[]> {
  const tables: { tablename: string }[] = await t.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  const hits: string[] = [];
  for (const { tablename } of tables) {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM "${tablename}" t WHERE strpos(convert_from(convert_to(to_jsonb(t)::text, 'UTF8'), 'UTF8'), $1) > 0`,
      [needle],
    );
    if (row.n > 0) hits.push(tablename);
  }
  return hits;
}

describe('worker-identity firewall', () => {
  const originalSecret = process.env.LANTERN_SECRET_KEY;
  const OLD = 'k1:old-secret-0123456789abcdef';
  const NEW = 'k2:new-secret-fedcba9876543210';

  afterAll(() => {
    process.env.LANTERN_SECRET_KEY = originalSecret;
  });

  describe('testimony key rotation (LANTERN_SECRET_KEY=k2:new,k1:old)', () => {
    it('reads testimony written under k1 after rotation, writes new testimony under k2, keeps pseudonyms stable', async () => {
      process.env.LANTERN_SECRET_KEY = OLD;
      let t = await startTestApp();
      const tenant = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
      const chain = await aSupplyChain(t.baseUrl, tenant.keys.admin);
      const before = await created(t.baseUrl, tenant.keys.admin, '/interviews', anInterview(ivIds(chain), { workerRef: 'W-ROTATE-1', testimony: 'The agent took my passport at the airport.' }));
      await t.close();

      process.env.LANTERN_SECRET_KEY = `${NEW},${OLD}`;
      t = await startTestApp();
      try {
        const old = await request(t.baseUrl).get(`${API}/interviews/${before.id}/testimony`).set(bearer(tenant.keys.admin)).expect(200);
        expect(old.body.testimony).toBe('The agent took my passport at the airport.');
        const after = await created(t.baseUrl, tenant.keys.admin, '/interviews', anInterview(ivIds(chain), { workerRef: 'W-ROTATE-1', testimony: 'I paid 1200 dollars before leaving.' }));
        const fresh = await request(t.baseUrl).get(`${API}/interviews/${after.id}/testimony`).set(bearer(tenant.keys.admin)).expect(200);
        expect(fresh.body.testimony).toBe('I paid 1200 dollars before leaving.');

        const rows: { id: string; testimony_key_id: string; worker_pseudonym: string; ct: string }[] = await t.dataSource.query(
          `SELECT id, testimony_key_id, worker_pseudonym, encode(testimony_ciphertext, 'escape') AS ct FROM interviews WHERE id = ANY($1)`,
          [[before.id, after.id]],
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        expect(byId.get(before.id)!.testimony_key_id).toBe('k1');
        expect(byId.get(after.id)!.testimony_key_id).toBe('k2');
        // The same worker keeps the same pseudonym across the rotation (it derives from the oldest secret).
        expect(byId.get(after.id)!.worker_pseudonym).toBe(byId.get(before.id)!.worker_pseudonym);
        for (const r of rows) expect(r.ct).not.toMatch(/passport|dollars/);
        // Neither the worker reference nor the testimony is stored anywhere in clear.
        expect(await tablesContaining(t, 'W-ROTATE-1')).toEqual([]);
        expect(await tablesContaining(t, 'took my passport')).toEqual([]);

        // Finishing the rotation: `lantern reencrypt` moves everything still under k1 to k2,
        // and encrypts an upload chunk kept in clear from before uploads were encrypted at rest.
        const upload = await request(t.baseUrl)
          .post(`${API}/imports`)
          .set(bearer(tenant.keys.admin))
          .field('kind', 'recruiters')
          .attach('file', Buffer.from('ref,name,country\nREC-ROT,Rotation Agency,Philippines\n'), { filename: 'legacy.csv', contentType: 'text/csv' })
          .expect(202);
        const [legacy] = await t.dataSource.query(`SELECT seq FROM import_chunks WHERE import_id = $1 ORDER BY seq LIMIT 1`, [upload.body.id]);
        await t.dataSource.query(`UPDATE import_chunks SET bytes = convert_to('ref,name,country\nREC-ROT,Rotation Agency,Philippines\n', 'UTF8'), key_id = NULL WHERE import_id = $1 AND seq = $2`, [
          upload.body.id,
          legacy.seq,
        ]);
        const { run: reencrypt } = await import('../../apps/cli/src/commands/reencrypt.command.js');
        const [log, error] = [console.log, console.error];
        console.log = console.error = () => undefined;
        try {
          // This organisation only: other suites' rows in this database are under another secret's k1.
          const only = ['--org', tenant.organizationId];
          expect(await reencrypt(['--org', 'not-a-uuid'])).toBe(2);
          expect(await reencrypt(['--dry-run', ...only])).toBe(0);
          const [unchanged] = await t.dataSource.query(`SELECT testimony_key_id FROM interviews WHERE id = $1`, [before.id]);
          expect(unchanged.testimony_key_id).toBe('k1');
          expect(await reencrypt(only)).toBe(0);
          expect(await reencrypt(only)).toBe(0); // nothing left: a re-run changes nothing
          // A row its key id cannot open (another secret under the same id) is reported and left alone.
          const victim = { id: after.id as string };
          await t.dataSource.query(`UPDATE interviews SET testimony_key_id = 'k1', testimony_ciphertext = decode(repeat('ab', 60), 'hex') WHERE id = $1`, [victim.id]);
          expect(await reencrypt(only)).toBe(1);
          const [still] = await t.dataSource.query(`SELECT testimony_key_id, encode(testimony_ciphertext, 'hex') AS ct FROM interviews WHERE id = $1`, [victim.id]);
          expect(still).toEqual({ testimony_key_id: 'k1', ct: 'ab'.repeat(60) });
          await t.dataSource.query(`DELETE FROM interviews WHERE id = $1`, [victim.id]);
        } finally {
          [console.log, console.error] = [log, error];
        }
        const keys: { key: string | null; n: number }[] = await t.dataSource.query(
          `SELECT testimony_key_id AS key, count(*)::int AS n FROM interviews WHERE organization_id = $1 GROUP BY 1
           UNION ALL SELECT c.key_id, count(*)::int FROM import_chunks c JOIN imports i ON i.id = c.import_id WHERE i.organization_id = $1 GROUP BY 1`,
          [tenant.organizationId],
        );
        expect(keys.every((k) => k.key === 'k2')).toBe(true);
        const reread = await request(t.baseUrl).get(`${API}/interviews/${before.id}/testimony`).set(bearer(tenant.keys.admin)).expect(200);
        expect(reread.body.testimony).toBe('The agent took my passport at the airport.');
        const file = await request(t.baseUrl).get(`${API}/imports/${upload.body.id}/file`).set(bearer(tenant.keys.admin)).expect(200);
        expect(Buffer.from(file.body instanceof Buffer ? file.body : file.text).toString('utf8')).toBe('ref,name,country\nREC-ROT,Rotation Agency,Philippines\n');
        const [stored] = await t.dataSource.query(`SELECT position(convert_to('Rotation Agency', 'UTF8') IN bytes) AS at FROM import_chunks WHERE import_id = $1 AND seq = $2`, [
          upload.body.id,
          legacy.seq,
        ]);
        expect(stored.at).toBe(0); // no longer in clear
        const [audit] = await t.dataSource.query(`SELECT action, actor_role FROM audit_events WHERE organization_id = $1 AND action = 'encryption.rekeyed'`, [
          tenant.organizationId,
        ]);
        expect(audit).toMatchObject({ action: 'encryption.rekeyed', actor_role: 'system' });
      } finally {
        await t.close();
        process.env.LANTERN_SECRET_KEY = originalSecret;
      }
    });
  });

  describe('who may read worker records', () => {
    let t: TestApp;
    let owner: Tenant<Role>;
    let customer: Tenant<Role>;
    let regulator: Tenant<Role>;
    let chain: SupplyChain;
    let interviewId: string;

    beforeAll(async () => {
      t = await startTestApp();
      owner = await createTenant(t.dataSource, { kind: 'company', name: 'Firewall Owner' });
      customer = await createTenant(t.dataSource, { kind: 'company', name: 'Firewall Customer' });
      regulator = await createTenant(t.dataSource, { kind: 'regulator', name: 'Firewall Regulator' });
      chain = await aSupplyChain(t.baseUrl, owner.keys.admin);
      interviewId = (await created(t.baseUrl, owner.keys.admin, '/interviews', anInterview(ivIds(chain), { testimony: 'We could not leave the dormitory.' }))).id;
    });
    afterAll(async () => {
      await t?.close();
    });

    it("answers 403 to the owning organisation's regulator and procurement keys on every interview read", async () => {
      for (const role of ['regulator', 'procurement'] as const) {
        for (const path of ['/interviews', `/interviews/${interviewId}`, `/interviews/${interviewId}/testimony`, `/interviews/${interviewId}/risk`]) {
          const res = await request(t.baseUrl).get(`${API}${path}`).set(bearer(owner.keys[role])).expect(403);
          expect(res.body.code).toBe('forbidden');
          expect(res.body).not.toHaveProperty('data');
          expect(res.text).not.toContain('dormitory');
        }
        await request(t.baseUrl).get(`${API}/interviews`).query({ format: 'csv' }).set(bearer(owner.keys[role])).expect(403);
      }
      for (const role of ['admin', 'compliance', 'auditor'] as const) {
        await request(t.baseUrl).get(`${API}/interviews/${interviewId}`).set(bearer(owner.keys[role])).expect(200);
      }
    });

    it("answers 404 (or 403 by role) to every key of a customer or regulator organisation, and their lists never hold the owner's workers", async () => {
      for (const other of [customer, regulator]) {
        for (const role of ROLES) {
          for (const path of [`/interviews/${interviewId}`, `/interviews/${interviewId}/testimony`, `/interviews/${interviewId}/risk`]) {
            const res = await request(t.baseUrl).get(`${API}${path}`).set(bearer(other.keys[role]));
            expect([403, 404]).toContain(res.status);
            expect(res.text).not.toContain('dormitory');
          }
          for (const query of [{}, { siteId: chain.siteId }, { auditId: chain.auditId }, { format: 'csv' }]) {
            const res = await request(t.baseUrl).get(`${API}/interviews`).query(query).set(bearer(other.keys[role]));
            expect([200, 403]).toContain(res.status);
            expect(res.text).not.toContain(interviewId);
          }
        }
      }
    });

    it('refuses testimony that carries document numbers, phone numbers or e-mail addresses, without echoing them', async () => {
      for (const testimony of ['My passport number is P1234567 and they kept it.', 'Call me on +60 12-345 6789.', 'Write to maria.santos@example.org']) {
        const res = await request(t.baseUrl).post(`${API}/interviews`).set(bearer(owner.keys.admin)).send(anInterview(ivIds(chain), { testimony })).expect(400);
        expect(res.body.errors).toEqual([{ field: 'testimony', reason: expect.stringMatching(/personal identifiers/) }]);
        expect(res.text).not.toMatch(/P1234567|345 6789|maria\.santos/);
      }
      expect(await tablesContaining(t, 'P1234567')).toEqual([]);
    });

    it('stores a worker reference that is a name or a document number only as its keyed pseudonym', async () => {
      const res = await created(t.baseUrl, owner.keys.admin, '/interviews', anInterview(ivIds(chain), { workerRef: 'Maria Santos AB1234567' }));
      expect(JSON.stringify(res)).not.toContain('Maria');
      expect(await tablesContaining(t, 'Maria Santos')).toEqual([]);
      expect(await tablesContaining(t, 'AB1234567')).toEqual([]);
    });

    it('offers no cross-organisation aggregate of worker data yet: nothing another organisation can call returns interview-derived rows', async () => {
      // When one is added (shared reports, regulator dashboards), it must suppress any group of fewer than 5 workers
      // and get its own test here (docs/security.md, "Aggregates outside the owning organisation").
      const doc = (await request(t.baseUrl).get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
      const workerPaths = Object.keys(doc.paths).filter((p) => /interview|worker|testimony/i.test(p));
      // Every worker-level route is one of these, each covered by the two tests above.
      expect(workerPaths.sort()).toEqual(['/api/v1/interviews', '/api/v1/interviews/{id}', '/api/v1/interviews/{id}/risk', '/api/v1/interviews/{id}/testimony']);
    });
  });
});
