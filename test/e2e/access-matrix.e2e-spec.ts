import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll, jest } from '@jest/globals';

// The machine may be busy (benchmarks run beside the tests): generous per-test limits.
jest.setTimeout(120_000);
import request from 'supertest';
import { ROLES, type Role } from '@lantern/domain';
import { AUTH_FAILURE_LIMIT, AUTH_FAILURE_WINDOW_SECONDS, AuthFailureLimiter } from '@lantern/platform';
import { API, bearer, startTestApp, TEST_HOST, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aFinding, anEngagement, anInterview, aSupplier } from '../factories/builders.js';
import { aSupplyChain, created } from '../factories/supply-chain.js';
import { tableChecksums } from '../factories/db-checksum.js';

/**
 * The access matrix, generated from the OpenAPI document: every route x every
 * role of two organisations, plus no key and a revoked key, against the
 * declared policy below. A route missing from POLICY fails the suite: a new
 * route needs a decision here before it can ship.
 */

const ALL: readonly Role[] = ROLES;
const SUPPLY_CHAIN_WRITERS: readonly Role[] = ['admin', 'compliance'];
const EVIDENCE_WRITERS: readonly Role[] = ['admin', 'compliance', 'auditor'];
/** Screening, blocks and exclusion lists: the procurement side. */
const PROCUREMENT_WRITERS: readonly Role[] = ['admin', 'compliance', 'procurement'];
/** Worker records and the original upload bytes: never regulator or procurement keys. */
const WORKER_DATA_READERS: readonly Role[] = ['admin', 'compliance', 'auditor'];

type Policy = 'public' | readonly Role[];

/** `METHOD path` exactly as in the OpenAPI document -> who may call it. */
const POLICY: Record<string, Policy> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',

  'GET /api/v1/organizations/me': ALL,

  'POST /api/v1/api-keys': ['admin'],
  'GET /api/v1/api-keys': ['admin'],
  'GET /api/v1/api-keys/{id}': ['admin'],
  'PATCH /api/v1/api-keys/{id}': ['admin'],
  'DELETE /api/v1/api-keys/{id}': ['admin'],

  'POST /api/v1/suppliers': SUPPLY_CHAIN_WRITERS,
  'GET /api/v1/suppliers': ALL,
  'GET /api/v1/suppliers/{id}': ALL,
  'PATCH /api/v1/suppliers/{id}': SUPPLY_CHAIN_WRITERS,
  'GET /api/v1/suppliers/{id}/sub-suppliers': ALL,
  'PUT /api/v1/suppliers/{id}/buyers/{buyerId}': SUPPLY_CHAIN_WRITERS,
  'DELETE /api/v1/suppliers/{id}/buyers/{buyerId}': SUPPLY_CHAIN_WRITERS,

  'POST /api/v1/sites': SUPPLY_CHAIN_WRITERS,
  'GET /api/v1/sites': ALL,
  'GET /api/v1/sites/{id}': ALL,
  'PATCH /api/v1/sites/{id}': SUPPLY_CHAIN_WRITERS,

  'POST /api/v1/recruiters': SUPPLY_CHAIN_WRITERS,
  'GET /api/v1/recruiters': ALL,
  'GET /api/v1/recruiters/{id}': ALL,
  'PATCH /api/v1/recruiters/{id}': SUPPLY_CHAIN_WRITERS,

  'POST /api/v1/engagements': SUPPLY_CHAIN_WRITERS,
  'GET /api/v1/engagements': ALL,
  'GET /api/v1/engagements/{id}': ALL,
  'PATCH /api/v1/engagements/{id}': SUPPLY_CHAIN_WRITERS,

  'POST /api/v1/audits': EVIDENCE_WRITERS,
  'GET /api/v1/audits': ALL,
  'GET /api/v1/audits/{id}': ALL,
  'PATCH /api/v1/audits/{id}': EVIDENCE_WRITERS,

  'POST /api/v1/findings': EVIDENCE_WRITERS,
  'GET /api/v1/findings': ALL,
  'GET /api/v1/findings/{id}': ALL,
  'PATCH /api/v1/findings/{id}': EVIDENCE_WRITERS,

  'POST /api/v1/interviews': EVIDENCE_WRITERS,
  'GET /api/v1/interviews': WORKER_DATA_READERS,
  'GET /api/v1/interviews/{id}': WORKER_DATA_READERS,
  'GET /api/v1/interviews/{id}/testimony': WORKER_DATA_READERS,
  'PATCH /api/v1/interviews/{id}': EVIDENCE_WRITERS,

  'POST /api/v1/imports': EVIDENCE_WRITERS,
  'POST /api/v1/imports/{id}/retry': EVIDENCE_WRITERS,
  'GET /api/v1/imports': ALL,
  'GET /api/v1/imports/{id}': ALL,
  'GET /api/v1/imports/{id}/rejections': ALL,
  'GET /api/v1/imports/{id}/file': WORKER_DATA_READERS,

  'GET /api/v1/audit-log': ['admin', 'compliance', 'auditor', 'regulator'],
  'POST /api/v1/audit-log/verify': ['admin', 'compliance', 'auditor'],

  // Declared from the owners' @Roles() when their modules landed (2026-11-22); owners: confirm or change here.
  'POST /api/v1/screenings': PROCUREMENT_WRITERS,
  'GET /api/v1/screenings': ALL,
  'GET /api/v1/screenings/changes': ALL,
  'POST /api/v1/screenings/changes/{id}/acknowledge': PROCUREMENT_WRITERS,
  'GET /api/v1/screenings/adjudications': ALL,
  'POST /api/v1/screenings/adjudications/{id}/revoke': PROCUREMENT_WRITERS,
  'GET /api/v1/screenings/{id}': ALL,
  'POST /api/v1/screenings/{id}/adjudications': PROCUREMENT_WRITERS,

  'GET /api/v1/blocks/legal-grounds': ALL,
  'POST /api/v1/blocks': PROCUREMENT_WRITERS,
  'GET /api/v1/blocks': ALL,
  'GET /api/v1/blocks/{id}': ALL,
  'GET /api/v1/blocks/{id}/transitions': ALL,
  'POST /api/v1/blocks/{id}/activate': PROCUREMENT_WRITERS,
  'POST /api/v1/blocks/{id}/suspend': PROCUREMENT_WRITERS,
  'POST /api/v1/blocks/{id}/resume': PROCUREMENT_WRITERS,
  'POST /api/v1/blocks/{id}/lift': PROCUREMENT_WRITERS,
  'PATCH /api/v1/blocks/{id}/period': PROCUREMENT_WRITERS,
  'POST /api/v1/blocks/{id}/publish': PROCUREMENT_WRITERS,
  'POST /api/v1/blocks/{id}/unpublish': PROCUREMENT_WRITERS,
  'POST /api/v1/blocks/{id}/self-cleaning': PROCUREMENT_WRITERS,
  'POST /api/v1/blocks/{id}/self-cleaning/{submissionId}/review': PROCUREMENT_WRITERS,
  'POST /api/v1/blocks/{id}/appeals': PROCUREMENT_WRITERS,
  'POST /api/v1/blocks/{id}/appeals/{appealId}/decision': PROCUREMENT_WRITERS,

  'POST /api/v1/exclusion-lists': PROCUREMENT_WRITERS,
  'GET /api/v1/exclusion-lists': ALL,
  'GET /api/v1/exclusion-lists/{id}': ALL,
  'POST /api/v1/exclusion-lists/{id}/snapshots': PROCUREMENT_WRITERS,
  'GET /api/v1/exclusion-lists/{id}/snapshots': ALL,
  'GET /api/v1/exclusion-lists/{id}/entries': ALL,

  'GET /api/v1/suppliers/{id}/risk': ALL,
  'GET /api/v1/sites/{id}/risk': ALL,
  'GET /api/v1/recruiters/{id}/risk': ALL,
  'GET /api/v1/interviews/{id}/risk': WORKER_DATA_READERS,
  'GET /api/v1/risk': ALL,
  'GET /api/v1/scoring/settings': ALL,
  'PUT /api/v1/scoring/settings': SUPPLY_CHAIN_WRITERS,
  'POST /api/v1/scoring/rescore': SUPPLY_CHAIN_WRITERS,
  'GET /api/v1/scoring/jobs/{id}': ALL,
  'POST /api/v1/remediation/records': EVIDENCE_WRITERS,
  'GET /api/v1/remediation/records': WORKER_DATA_READERS,
  'POST /api/v1/remediation/records/{id}/verify': EVIDENCE_WRITERS,
  'GET /api/v1/remediation/records/{id}': WORKER_DATA_READERS,
  'GET /api/v1/remediation-items': ALL,
  'GET /api/v1/block-recommendations': ALL,

  'POST /api/v1/reports': SUPPLY_CHAIN_WRITERS,
  'GET /api/v1/reports': ALL,
  'GET /api/v1/reports/{id}': ALL,
  'GET /api/v1/reports/{id}/pdf': ALL,
  'POST /api/v1/reports/{id}/shares': SUPPLY_CHAIN_WRITERS,
  'GET /api/v1/reports/{id}/shares': SUPPLY_CHAIN_WRITERS,
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A PATCH that passes validation (so a refusal proves the id, not the body, was rejected). */
const PATCH_BODIES: Record<string, object> = {
  'api-keys': { name: 'patched' },
  suppliers: { name: 'patched' },
  sites: { name: 'patched' },
  recruiters: { name: 'patched' },
  engagements: { workersPlaced: 1 },
  audits: { summary: 'patched' },
  findings: { description: 'patched' },
  interviews: { ageAtRecruitment: 30 },
};

interface Route {
  method: string;
  path: string;
  key: string;
}

/** Per-organisation fixture: one record of each kind, so every `{param}` has a real id. */
interface Fixture {
  ids: Record<string, string>;
  byResource: Record<string, string>;
}

describe('access matrix (generated from /api/docs-json)', () => {
  let t: TestApp;
  let routes: Route[];
  let a: Tenant<Role>;
  let b: Tenant<Role>;
  let fa: Fixture;
  let fb: Fixture;
  let revokedKey: string;

  const resetLimiter = () => t.app.get(AuthFailureLimiter).reset(TEST_HOST);

  async function fixture(tenant: Tenant<Role>): Promise<Fixture> {
    const key = tenant.keys.admin;
    const chain = await aSupplyChain(t.baseUrl, key);
    const buyer = await created(t.baseUrl, key, '/suppliers', aSupplier({ name: 'Buyer' }));
    const engagement = await created(t.baseUrl, key, '/engagements', anEngagement(chain.recruiterId, chain.siteId));
    const finding = await created(t.baseUrl, key, '/findings', aFinding(chain.auditId));
    const interview = await created(t.baseUrl, key, '/interviews', anInterview({ auditId: chain.auditId, siteId: chain.siteId, recruiterId: chain.recruiterId }, { testimony: 'The agent kept our passports.' }));
    const apiKey = await created(t.baseUrl, key, '/api-keys', { name: 'spare', role: 'procurement' });
    const upload = await request(t.baseUrl)
      .post(`${API}/imports`)
      .query({ kind: 'suppliers', filename: 's.csv' })
      .set(bearer(key))
      .set('Content-Type', 'text/csv')
      .send(`ref,name,country,sector,tier\n${randomUUID()},Acme,BD,apparel,1\n`)
      .expect(202);
    await request(t.baseUrl).put(`${API}/suppliers/${chain.supplierId}/buyers/${buyer.id}`).set(bearer(key)).expect(200);
    const byResource = {
      suppliers: chain.supplierId,
      sites: chain.siteId,
      recruiters: chain.recruiterId,
      engagements: engagement.id,
      audits: chain.auditId,
      findings: finding.id,
      interviews: interview.id,
      imports: upload.body.id as string,
      'api-keys': apiKey.id,
    };
    return { ids: { buyerId: buyer.id }, byResource };
  }

  const hasFixture = (path: string): boolean => {
    const resource = path.split('/')[3];
    return !path.includes('{') || (fa.byResource[resource] !== undefined && [...path.matchAll(/\{(\w+)\}/g)].every(([, n]) => n === 'id' || fa.ids[n] !== undefined));
  };

  /** `/api/v1/suppliers/{id}/buyers/{buyerId}` with the fixture's ids (or fresh random ids). */
  function concretePath(path: string, f: Fixture | 'random'): string {
    const resource = path.split('/')[3];
    return path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (f === 'random') return randomUUID();
      return (name === 'id' ? f.byResource[resource] : f.ids[name]) ?? randomUUID();
    });
  }

  function send(route: Route, path: string, key: string | null): request.Test {
    const agent = request(t.baseUrl);
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = agent[method](path);
    if (key !== null) req = req.set(bearer(key));
    if (route.method === 'PATCH') return req.send(PATCH_BODIES[route.path.split('/')[3]] ?? { unknownField: 1 });
    return MUTATING.has(route.method) && route.method !== 'DELETE' ? req.send({}) : req;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await request(t.baseUrl).get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path, key: `${m.toUpperCase()} ${path}` })),
    );
    a = await createTenant(t.dataSource, { kind: 'company', name: 'Matrix A' });
    b = await createTenant(t.dataSource, { kind: 'regulator', name: 'Matrix B' });
    [fa, fb] = await Promise.all([fixture(a), fixture(b)]);
    const spare = await created(t.baseUrl, a.keys.admin, '/api-keys', { name: 'to revoke', role: 'admin' });
    await request(t.baseUrl).delete(`${API}/api-keys/${spare.id}`).set(bearer(a.keys.admin)).expect(200);
    revokedKey = spare.key as string;
  });
  afterAll(async () => {
    await resetLimiter();
    await t?.close();
  });

  it('has a policy decision for every route in the OpenAPI document (and no stale ones)', () => {
    const unknown = routes.filter((r) => POLICY[r.key] === undefined).map((r) => r.key);
    expect(unknown).toEqual([]);
    const documented = new Set(routes.map((r) => r.key));
    // Probes may be left out of the document; every other policy must name a real route.
    const stale = Object.keys(POLICY).filter((k) => !documented.has(k) && POLICY[k] !== 'public');
    expect(stale).toEqual([]);
  });

  it('answers every route x role of both organisations as the policy says', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const policy = POLICY[route.key];
      if (policy === undefined) continue;
      await Promise.all(
        [a, b].flatMap((tenant) =>
          ROLES.map(async (role) => {
            const own = tenant === a ? fa : fb;
            // Mutations go to ids that do not exist, so the matrix itself changes nothing.
            const path = concretePath(route.path, MUTATING.has(route.method) ? 'random' : own);
            const res = await send(route, path, tenant.keys[role]);
            const allowed = policy === 'public' || policy.includes(role);
            const ok = allowed
              ? res.status < 500 &&
                res.status !== 401 &&
                res.status !== 403 &&
                // Reads of routes with a fixture must succeed outright (resources without one answer 404 for a random id).
                // (a subject's /risk answers 404 until the scorer has assessed it; no worker runs here).
                (MUTATING.has(route.method) || policy === 'public' || res.status === 200 || !hasFixture(route.path) || route.path.endsWith('/risk'))
              : res.status === 403 && res.headers['content-type']?.startsWith('application/problem+json');
            if (!ok) failures.push(`${route.key} as ${tenant === a ? 'A' : 'B'}.${role}: ${res.status} (expected ${allowed ? 'allowed' : '403'})`);
          }),
        ),
      );
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 problem+json to no key and to a revoked key on every non-public route', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (POLICY[route.key] === 'public') continue;
      // Stay under the authentication-failure limit, which has its own test.
      await resetLimiter();
      for (const [label, key] of [['no key', null], ['revoked key', revokedKey]] as const) {
        const res = await send(route, concretePath(route.path, fa), key);
        if (res.status !== 401 || !res.headers['content-type']?.startsWith('application/problem+json') || !res.headers['www-authenticate']) {
          failures.push(`${route.key} with ${label}: ${res.status}`);
        }
      }
    }
    await resetLimiter();
    expect(failures).toEqual([]);
  });

  it("never lets one organisation read or change another's records: 404 for every id, lists without them, no row changed", async () => {
    const before = await tableChecksums(t.dataSource);
    const aIds = [...Object.values(fa.byResource), ...Object.values(fa.ids)];
    const failures: string[] = [];
    for (const route of routes) {
      const policy = POLICY[route.key];
      if (policy === undefined || policy === 'public') continue;
      const roles = ROLES.filter((r) => policy.includes(r));
      await Promise.all(
        roles.map(async (role) => {
          if (route.path.includes('{')) {
            // Resources without a fixture here have no record of A's to aim at (their owners' suites cover them).
            if (!hasFixture(route.path)) return;
            // B's keys with A's ids: exactly what a missing record answers.
            const res = await send(route, concretePath(route.path, fa), b.keys[role]);
            if (res.status !== 404) failures.push(`${route.key} as B.${role} on A's ids: ${res.status}`);
            return;
          }
          if (route.method === 'GET') {
            const res = await send(route, route.path, b.keys[role]).query(route.path.endsWith('/audit-log') ? {} : { limit: 500 });
            const text = res.text;
            const leaked = aIds.filter((id) => text.includes(id));
            if (leaked.length > 0) failures.push(`${route.key} as B.${role} shows A's ids ${leaked.join(', ')}`);
          }
        }),
      );
    }
    // Filters naming A's records find nothing for B.
    for (const [path, query] of [
      ['/sites', { supplierId: fa.byResource.suppliers }],
      ['/suppliers', { parentId: fa.byResource.suppliers }],
      ['/engagements', { recruiterId: fa.byResource.recruiters }],
      ['/findings', { auditId: fa.byResource.audits }],
      ['/interviews', { siteId: fa.byResource.sites }],
      ['/audit-log', { subjectId: fa.byResource.suppliers }],
    ] as const) {
      const res = await request(t.baseUrl).get(`${API}${path}`).query(query).set(bearer(b.keys.admin)).expect(200);
      if (res.body.data.length !== 0) failures.push(`GET ${path}?${JSON.stringify(query)} as B.admin found ${res.body.data.length} of A's records`);
    }
    // Bodies referencing A's records are refused too.
    const refs: Array<[string, object]> = [
      ['/sites', { supplierId: fa.byResource.suppliers, externalRef: 'X', name: 'x', country: 'BD', sector: 'apparel' }],
      ['/findings', aFinding(fa.byResource.audits)],
      ['/interviews', anInterview({ auditId: fa.byResource.audits, siteId: fa.byResource.sites })],
      ['/engagements', anEngagement(fa.byResource.recruiters, fa.byResource.sites)],
    ];
    for (const [path, body] of refs) {
      const res = await request(t.baseUrl).post(`${API}${path}`).set(bearer(b.keys.admin)).send(body);
      if (res.status !== 400) failures.push(`POST ${path} as B.admin referencing A's records: ${res.status}`);
    }
    expect(failures).toEqual([]);
    const after = await tableChecksums(t.dataSource);
    expect(after).toEqual(before);
  });

  it(`rate-limits authentication failures: 429 problem+json once ${AUTH_FAILURE_LIMIT} failures are used up, for good keys too`, async () => {
    // The limiter counts in fixed windows of AUTH_FAILURE_WINDOW_SECONDS: do not straddle a boundary.
    const intoWindow = (Date.now() / 1000) % AUTH_FAILURE_WINDOW_SECONDS;
    if (intoWindow > AUTH_FAILURE_WINDOW_SECONDS - 10) await new Promise((r) => setTimeout(r, (AUTH_FAILURE_WINDOW_SECONDS - intoWindow + 0.5) * 1000));
    await resetLimiter();
    let unauthorized = 0;
    let limited: request.Response | undefined;
    for (let i = 0; i <= AUTH_FAILURE_LIMIT && limited === undefined; i++) {
      const res = await request(t.baseUrl).get(`${API}/organizations/me`).set(bearer(`lnt_nope${i}_${'x'.repeat(43)}`));
      if (res.status === 429) limited = res;
      else {
        expect(res.status).toBe(401);
        unauthorized++;
      }
    }
    // Other test runs on this machine share the Redis counter: the limit can only be reached sooner, never later.
    expect(unauthorized).toBeLessThanOrEqual(AUTH_FAILURE_LIMIT);
    expect(limited?.status).toBe(429);
    expect(limited?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited?.body.code).toBe('rate_limited');
    expect(limited?.headers['retry-after']).toMatch(/^\d+$/);
    await request(t.baseUrl).get(`${API}/organizations/me`).set(bearer(a.keys.admin)).expect(429);
    await resetLimiter();
    await request(t.baseUrl).get(`${API}/organizations/me`).set(bearer(a.keys.admin)).expect(200);
  });
});
