import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import type { Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aLoadedList, listFixture, screen, uploadSnapshot } from '../factories/screening.js';

describe('exclusion lists and screening API', () => {
  let t: TestApp;
  let authority: Tenant<Role>;
  let samListId: string;

  beforeAll(async () => {
    t = await startTestApp();
    authority = await createTenant(t.dataSource, { kind: 'procurement_authority', jurisdiction: 'AU' });
    samListId = (await aLoadedList(t.baseUrl, authority.keys.admin, 'sam_exclusions', { name: 'SAM.gov exclusions' })).listId;
    await aLoadedList(t.baseUrl, authority.keys.admin, 'worldbank_debarred', { name: 'World Bank debarred firms' });
    await aLoadedList(t.baseUrl, authority.keys.admin, 'uflpa', { name: 'UFLPA Entity List' });
    await aLoadedList(t.baseUrl, authority.keys.admin, 'cbp_wro', { name: 'CBP WRO and Findings' });
    await aLoadedList(t.baseUrl, authority.keys.admin, 'ftm', { name: 'Sanctions (FtM)' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('lists', () => {
    it('imports each format as a versioned snapshot with source, licence, date and content hash', async () => {
      const tenant = await createTenant(t.dataSource, { kind: 'procurement_authority', roles: ['admin', 'regulator'] as const });
      const { listId, snapshot } = await aLoadedList(t.baseUrl, tenant.keys.admin, 'sam_exclusions');
      expect(snapshot).toMatchObject({ version: 1, status: 'current', entryCount: 8, duplicate: false, issueCount: 0, diff: { added: 8, removed: 0 } });
      expect(snapshot.contentSha256).toMatch(/^[0-9a-f]{64}$/);
      const list = await request(t.baseUrl).get(`${API}/exclusion-lists/${listId}`).set(bearer(tenant.keys.regulator)).expect(200);
      expect(list.body).toMatchObject({ scope: 'organization', format: 'sam_exclusions', effect: 'exclude', licence: 'CC0', currentSnapshot: { id: snapshot.id, version: 1 } });

      // The same content again loads nothing.
      const again = await uploadSnapshot(t.baseUrl, tenant.keys.admin, listId, listFixture('sam-exclusions.csv'), 'text/csv').expect(200);
      expect(again.body).toMatchObject({ duplicate: true, id: snapshot.id, version: 1 });

      const html = await aLoadedList(t.baseUrl, tenant.keys.admin, 'uflpa', { name: 'UFLPA (HTML)', content: listFixture('uflpa-entity-list.html'), contentType: 'text/html' });
      expect(html.snapshot).toMatchObject({ entryCount: 4, nameCount: 11 });
      const wro = await aLoadedList(t.baseUrl, tenant.keys.admin, 'cbp_wro');
      expect(wro.snapshot).toMatchObject({ entryCount: 4, issueCount: 1, issues: [expect.objectContaining({ reason: expect.stringContaining('no Entity') })] });
      const wb = await aLoadedList(t.baseUrl, tenant.keys.admin, 'worldbank_debarred');
      expect(wb.snapshot).toMatchObject({ entryCount: 4 });
    });

    it('lists entries with in force computed from their dates today', async () => {
      const all = await request(t.baseUrl).get(`${API}/exclusion-lists/${samListId}/entries`).query({ limit: 50 }).set(bearer(authority.keys.procurement)).expect(200);
      expect(all.body.data).toHaveLength(8);
      const inForce = await request(t.baseUrl).get(`${API}/exclusion-lists/${samListId}/entries`).query({ inForce: 'true' }).set(bearer(authority.keys.procurement)).expect(200);
      const names = inForce.body.data.map((e: { caption: string }) => e.caption).sort();
      // Ended (Ostravel 2022, Dravemont 2026-08-31), not started (Baltrovic 2099) and inactive (Quillondar) entries are out.
      expect(names).toEqual(['Halvoric Mining Company SA', 'KORVELIN TEXTILES CO. LTD.', 'Mr. Pyotr Sergeyevich Vorontelkin', 'Tessavine Labour Hire']);
      const korvelin = inForce.body.data.find((e: { caption: string }) => e.caption.startsWith('KORVELIN'));
      expect(korvelin).toMatchObject({ endsOn: null, inForce: true, identifiers: [{ scheme: 'uei', value: 'KV7LMQ2XH9N3' }, { scheme: 'cage', value: '8F3K2' }] });
      const page1 = await request(t.baseUrl).get(`${API}/exclusion-lists/${samListId}/entries`).query({ limit: 3 }).set(bearer(authority.keys.admin)).expect(200);
      const page2 = await request(t.baseUrl).get(`${API}/exclusion-lists/${samListId}/entries`).query({ limit: 3, cursor: page1.body.nextCursor }).set(bearer(authority.keys.admin)).expect(200);
      expect(page2.body.data[0].id).not.toBe(page1.body.data[2].id);
    });

    it('refuses a file with no entries of the format, and keeps the current snapshot', async () => {
      const res = await uploadSnapshot(t.baseUrl, authority.keys.admin, samListId, 'not,a,sam,file\n1,2,3,4\n', 'text/csv').expect(400);
      expect(res.body.detail).toContain('nothing was loaded');
      const list = await request(t.baseUrl).get(`${API}/exclusion-lists/${samListId}`).set(bearer(authority.keys.admin)).expect(200);
      expect(list.body.currentSnapshot.version).toBe(1);
    });

    it("answers 404 for another tenant's list and 403 for regulator keys writing", async () => {
      const rival = await createTenant(t.dataSource, { kind: 'company', roles: ['admin'] as const });
      await request(t.baseUrl).get(`${API}/exclusion-lists/${samListId}`).set(bearer(rival.keys.admin)).expect(404);
      await uploadSnapshot(t.baseUrl, rival.keys.admin, samListId, listFixture('sam-exclusions.csv'), 'text/csv').expect(404);
      await request(t.baseUrl).post(`${API}/exclusion-lists`).set(bearer(authority.keys.regulator)).send({ name: 'x', format: 'ftm', source: 'x', licence: 'x' }).expect(403);
    });
  });

  describe('POST /screenings', () => {
    it('clears a bidder that matches nothing, with the rule that decided', async () => {
      const a = await screen(t.baseUrl, authority.keys.procurement, { bidder: { name: 'Brightwater Knitting Mills Ltd', country: 'BD' } });
      expect(a).toMatchObject({ decision: 'clear', rule: { id: 'no-exclusion-match' }, matches: [] });
      expect(a.lists).toHaveLength(5);
      expect(a.durationMs).toBeLessThan(1000);
    });

    it('blocks through name variants: legal forms, word order, typos, transliteration', async () => {
      for (const name of ['Korvelin Textiles Company Limited', 'Textiles Korvelin Co', 'Korvelim Textile Co., Ltd.', 'Корвелин Текстиль']) {
        const a = await screen(t.baseUrl, authority.keys.procurement, { bidder: { name, country: 'CN' } });
        expect({ name, decision: a.decision, rule: a.rule.id }).toEqual({ name, decision: 'blocked', rule: 'name-excluded' });
        const m = a.matches.find((x) => x.record.list?.name === 'SAM.gov exclusions')!;
        expect(m).toMatchObject({ source: 'exclusion_list', strength: 'strong', record: { name: 'KORVELIN TEXTILES CO. LTD.', inForce: true }, evidence: { country: 'agrees' } });
        expect(m.fieldsMatched).toEqual(['name', 'country']);
      }
    });

    it('blocks on an identifier whatever the name', async () => {
      const a = await screen(t.baseUrl, authority.keys.procurement, { bidder: { name: 'Zhejiang Something Else Ltd', identifiers: [{ scheme: 'uei', value: 'kv7l mq2x h9n3' }] } });
      expect(a).toMatchObject({ decision: 'blocked', rule: { id: 'identifier-excluded' } });
      expect(a.matches[0]).toMatchObject({ strength: 'identifier', score: 1, fieldsMatched: ['identifier'], evidence: { identifiers: [{ scheme: 'uei', value: 'kv7l mq2x h9n3' }] } });
    });

    it('matches UFLPA aliases and subsidiaries as separate names', async () => {
      const a = await screen(t.baseUrl, authority.keys.procurement, { bidder: { name: 'Fendralux New Energy Company Limited' } });
      expect(a.decision).toBe('blocked');
      expect(a.matches[0]!.record).toMatchObject({ name: 'Fendralux Polysilicon Co., Ltd.', matchedName: 'Fendralux New Energy Co., Ltd.', matchedNameKind: 'subsidiary' });
    });

    it('sends to review: a strong match in another country, a list whose hits are reviewed', async () => {
      const conflict = await screen(t.baseUrl, authority.keys.procurement, { bidder: { name: 'Korvelin Textiles Ltd', country: 'GB' } });
      expect(conflict).toMatchObject({ decision: 'review', rule: { id: 'possible-exclusion' } });
      expect(conflict.matches[0]!.evidence.country).toBe('conflicts');
      const wb = await screen(t.baseUrl, authority.keys.procurement, { bidder: { name: 'Teshavar Knit Industries', country: 'PK' } });
      expect(wb).toMatchObject({ decision: 'review', rule: { id: 'review-list' } });
    });

    it('reports ended and inactive exclusions without acting on them', async () => {
      const a = await screen(t.baseUrl, authority.keys.procurement, { bidder: { name: 'Ostravel Fishing Company Sdn Bhd', country: 'MY' } });
      expect(a.decision).toBe('clear');
      expect(a.matches[0]!.record.inForce).toBe(false);
      expect(a.reasons.join(' ')).toContain('not in force today');
      const wro = await screen(t.baseUrl, authority.keys.procurement, { bidder: { name: 'Kalimbora Tea Estates Ltd' } });
      expect(wro.decision).toBe('clear');
    });

    it('screens subcontractors and recruiters: one excluded subcontractor blocks the bid', async () => {
      const a = await screen(t.baseUrl, authority.keys.procurement, {
        bidder: { name: 'Brightwater Knitting Mills Ltd', country: 'BD' },
        subcontractors: [{ name: 'Northfield Dyeing Ltd' }, { name: 'Halvoric Mining Co.', country: 'CD' }],
        recruiters: [{ name: 'Pelmorath Recruitment Agency', country: 'NP' }],
        tender: { reference: 'AU-T-001', portions: [{ kind: 'services', outsideUs: true, valueUsd: 900_000 }] },
      });
      expect(a).toMatchObject({ decision: 'blocked', rule: { id: 'name-excluded' } });
      expect(a.parties.map((p) => `${p.party.role}${p.party.index}:${p.decision}`)).toEqual(['bidder0:clear', 'subcontractor0:clear', 'subcontractor1:blocked', 'recruiter0:review']);
      expect(a.reasons.join(' ')).toContain('must be replaced before award');
      expect(a.obligations.farCompliancePlan).toMatchObject({ required: true });
    });

    it('stores every screening (who, when, input, answer) and lists them, also as CSV', async () => {
      const tenant = await createTenant(t.dataSource, { kind: 'procurement_authority', roles: ['admin', 'procurement', 'regulator'] as const });
      const a = await screen(t.baseUrl, tenant.keys.procurement, { bidder: { name: 'Harbourline Apparel' }, tender: { reference: 'T-77' } });
      const stored = await request(t.baseUrl).get(`${API}/screenings/${a.id}`).set(bearer(tenant.keys.regulator)).expect(200);
      expect(stored.body).toMatchObject({ id: a.id, bidderName: 'Harbourline Apparel', tenderReference: 'T-77', decision: 'clear', actorRole: 'procurement', trigger: 'request' });
      expect(stored.body.input).toEqual({ bidder: { name: 'Harbourline Apparel' }, tender: { reference: 'T-77' } });
      expect(stored.body.answer).toMatchObject({ id: a.id, decision: 'clear' });
      expect(stored.body.apiKeyId).toMatch(/^[0-9a-f-]{36}$/);
      const list = await request(t.baseUrl).get(`${API}/screenings`).query({ decision: 'clear' }).set(bearer(tenant.keys.admin)).expect(200);
      expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([a.id]);
      const csv = await request(t.baseUrl).get(`${API}/screenings`).query({ format: 'csv' }).set(bearer(tenant.keys.admin)).expect(200);
      expect(csv.text.split('\r\n')[0]).toBe('id,createdAt,bidderName,tenderReference,decision,ruleId,matchCount,trigger,rescreenOf,apiKeyId,actorRole,durationMs');
      await request(t.baseUrl).get(`${API}/screenings/${a.id}`).set(bearer(authority.keys.admin)).expect(404);
    });

    it('validates the request and refuses read-only keys', async () => {
      const bad = await request(t.baseUrl)
        .post(`${API}/screenings`)
        .set(bearer(authority.keys.procurement))
        .send({ bidder: { name: '', country: 'Narnia', identifiers: [{ scheme: 'nope', value: 'x' }] }, extra: true })
        .expect(400);
      expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(expect.arrayContaining(['bidder.country', 'bidder.name']));
      const empty = await request(t.baseUrl).post(`${API}/screenings`).set(bearer(authority.keys.procurement)).send({}).expect(400);
      expect(empty.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'bidder' })]));
      await request(t.baseUrl).post(`${API}/screenings`).set(bearer(authority.keys.regulator)).send({ bidder: { name: 'X' } }).expect(403);
      await request(t.baseUrl).post(`${API}/screenings`).set(bearer(authority.keys.auditor)).send({ bidder: { name: 'X' } }).expect(403);
    });
  });

  describe('refresh and adjudication memory', () => {
    it('a refresh replaces the snapshot atomically; a dismissed pair stays dismissed until the record changes', async () => {
      const tenant = await createTenant(t.dataSource, { kind: 'procurement_authority', roles: ['admin', 'procurement'] as const });
      const sam = listFixture('sam-exclusions.csv').toString('utf8');
      const { listId } = await aLoadedList(t.baseUrl, tenant.keys.admin, 'sam_exclusions', { content: sam });

      const first = await screen(t.baseUrl, tenant.keys.procurement, { bidder: { name: 'Tessavine Labor Hire Pty Ltd', country: 'FJ' } });
      expect(first.decision).toBe('blocked');
      const match = first.matches[0]!;

      // An officer dismisses the pair.
      const adj = await request(t.baseUrl)
        .post(`${API}/screenings/${first.id}/adjudications`)
        .set(bearer(tenant.keys.procurement))
        .send({ recordKey: match.record.key, verdict: 'false_positive', reason: 'Different firm: the bidder is a Suva company registered in 2024' })
        .expect(201);
      await request(t.baseUrl).post(`${API}/screenings/${first.id}/adjudications`).set(bearer(tenant.keys.procurement)).send({ recordKey: match.record.key, verdict: 'false_positive', reason: 'again please' }).expect(409);

      const second = await screen(t.baseUrl, tenant.keys.procurement, { bidder: { name: 'Tessavine Labor Hire Pty Ltd', country: 'FJ' } });
      expect(second).toMatchObject({ decision: 'clear', matches: [], suppressed: [{ match: { record: { key: match.record.key } }, adjudication: { id: adj.body.id } }] });

      // A new edition changes the record (a new comment): the pair is raised again.
      const changed = sam.replace('Keyed on name and city (no UEI).', 'Keyed on name and city (no UEI). Reinstated after review.');
      const refresh = await uploadSnapshot(t.baseUrl, tenant.keys.admin, listId, changed, 'text/csv', { sourceDate: '2026-11-20' }).expect(201);
      expect(refresh.body).toMatchObject({ version: 2, sourceDate: '2026-11-20', diff: { added: 0, removed: 0, changed: 1, unchanged: 7 } });
      const third = await screen(t.baseUrl, tenant.keys.procurement, { bidder: { name: 'Tessavine Labor Hire Pty Ltd', country: 'FJ' } });
      expect(third.decision).toBe('blocked');
      expect(third.lists[0]).toMatchObject({ snapshotId: refresh.body.id, version: 2 });
      expect(third.matches[0]).toMatchObject({ adjudication: { stale: true } });

      const snapshots = await request(t.baseUrl).get(`${API}/exclusion-lists/${listId}/snapshots`).set(bearer(tenant.keys.admin)).expect(200);
      expect(snapshots.body.data.map((s: { version: number; status: string }) => `${s.version}:${s.status}`)).toEqual(['1:superseded', '2:current']);

      // Revoking the adjudication brings the pair back too.
      const adjudications = await request(t.baseUrl).get(`${API}/screenings/adjudications`).set(bearer(tenant.keys.admin)).expect(200);
      expect(adjudications.body.data).toHaveLength(1);
      await request(t.baseUrl).post(`${API}/screenings/adjudications/${adj.body.id}/revoke`).set(bearer(tenant.keys.admin)).send({ reason: 'Opened by mistake' }).expect(200);
    });

    it('a removed entry stops matching after the refresh', async () => {
      const tenant = await createTenant(t.dataSource, { kind: 'procurement_authority', roles: ['admin', 'procurement'] as const });
      const sam = listFixture('sam-exclusions.csv').toString('utf8');
      const { listId } = await aLoadedList(t.baseUrl, tenant.keys.admin, 'sam_exclusions', { content: sam });
      expect((await screen(t.baseUrl, tenant.keys.procurement, { bidder: { name: 'Halvoric Mining Company SA' } })).decision).toBe('blocked');
      const without = sam.split('\n').filter((l) => !l.includes('Halvoric')).join('\n');
      const refresh = await uploadSnapshot(t.baseUrl, tenant.keys.admin, listId, without, 'text/csv').expect(201);
      expect(refresh.body.diff).toMatchObject({ removed: 1, samples: { removed: ['HLV8C2N5D1X6'] } });
      expect((await screen(t.baseUrl, tenant.keys.procurement, { bidder: { name: 'Halvoric Mining Company SA' } })).decision).toBe('clear');
    });
  });
});
