import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { AUTH_FAILURE_LIMIT, AuthFailureLimiter } from '@lantern/platform';
import type { Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aSupplier } from '../factories/builders.js';

const PROBLEM_JSON = /^application\/problem\+json/;
/** A second loopback address, so that the rate-limit test never throttles other tests (which connect from 127.0.0.1). */
const OTHER_CLIENT_ADDRESS = '127.0.0.2';

/** GET from a chosen local address (supertest cannot pick one). */
function getFrom(localAddress: string, url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { localAddress, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('platform: auth, errors, health, metrics, docs', () => {
  let t: TestApp;
  let company: Tenant<Role>;

  beforeAll(async () => {
    t = await startTestApp();
    company = await createTenant(t.dataSource, { kind: 'company', name: 'Platform Co' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('authentication', () => {
    it('GET /organizations/me answers the caller organisation and records the key use', async () => {
      const res = await request(t.baseUrl).get(`${API}/organizations/me`).set(bearer(company.keys.procurement)).expect(200);
      expect(res.body).toEqual({
        id: company.organizationId,
        name: company.name,
        kind: 'company',
        jurisdiction: 'GB',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const deadline = Date.now() + 2000;
      let lastUsed: Date | null = null;
      while (lastUsed === null && Date.now() < deadline) {
        const [row] = await t.dataSource.query(`SELECT last_used_at FROM api_keys WHERE organization_id = $1 AND role = 'procurement'`, [company.organizationId]);
        lastUsed = row.last_used_at;
      }
      expect(lastUsed).toBeInstanceOf(Date);
    });

    it.each([
      ['no Authorization header', undefined],
      ['a non-Bearer scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
      ['a malformed key', 'Bearer not-a-lantern-key'],
      ['an unknown key', `Bearer lnt_AAAAAAAAAAAA_${'x'.repeat(43)}`],
    ])('answers 401 problem+json for %s', async (_case, authorization) => {
      const req = request(t.baseUrl).get(`${API}/suppliers`);
      const res = await (authorization ? req.set('Authorization', authorization) : req).expect(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body).toMatchObject({ type: 'urn:lantern:problem:unauthorized', title: 'Unauthorized', status: 401, code: 'unauthorized', instance: `${API}/suppliers` });
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
      expect(res.body).not.toHaveProperty('stack');
    });

    it('answers 401 for a key with a correct prefix but a wrong secret', async () => {
      const [prefix] = company.keys.admin.split('_').slice(1, 2);
      await request(t.baseUrl).get(`${API}/suppliers`).set('Authorization', `Bearer lnt_${prefix}_${'y'.repeat(43)}`).expect(401);
    });

    it('rejects a revoked key at once', async () => {
      const issued = await request(t.baseUrl).post(`${API}/api-keys`).set(bearer(company.keys.admin)).send({ name: 'short-lived', role: 'compliance' }).expect(201);
      await request(t.baseUrl).get(`${API}/suppliers`).set(bearer(issued.body.key)).expect(200);
      await request(t.baseUrl).delete(`${API}/api-keys/${issued.body.id}`).set(bearer(company.keys.admin)).expect(200);
      const res = await request(t.baseUrl).get(`${API}/suppliers`).set(bearer(issued.body.key)).expect(401);
      expect(res.body.code).toBe('unauthorized');
    });

    it('keeps regulator keys read-only everywhere', async () => {
      const regulator = await createTenant(t.dataSource, { kind: 'regulator', roles: ['regulator'] as const });
      await request(t.baseUrl).get(`${API}/suppliers`).set(bearer(regulator.keys.regulator)).expect(200);
      const post = await request(t.baseUrl).post(`${API}/suppliers`).set(bearer(regulator.keys.regulator)).send(aSupplier()).expect(403);
      expect(post.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(post.body.code).toBe('forbidden');
      await request(t.baseUrl).post(`${API}/api-keys`).set(bearer(regulator.keys.regulator)).send({ name: 'x', role: 'admin' }).expect(403);
      const anyId = '00000000-0000-4000-8000-000000000000';
      await request(t.baseUrl).patch(`${API}/sites/${anyId}`).set(bearer(regulator.keys.regulator)).send({ name: 'x' }).expect(403);
      await request(t.baseUrl).put(`${API}/suppliers/${anyId}/buyers/${anyId}`).set(bearer(regulator.keys.regulator)).expect(403);
    });

    it('rate-limits authentication failures per client address with 429', async () => {
      const url = `${t.baseUrl}${API}/suppliers`;
      const limiter = t.app.get(AuthFailureLimiter);
      await limiter.reset(OTHER_CLIENT_ADDRESS);
      try {
        for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) {
          expect((await getFrom(OTHER_CLIENT_ADDRESS, url, { Authorization: 'Bearer wrong' })).status).toBe(401);
        }
        const blocked = await getFrom(OTHER_CLIENT_ADDRESS, url, bearer(company.keys.admin));
        expect(blocked.status).toBe(429);
        expect(blocked.body.code).toBe('rate_limited');
        // Other clients are not affected.
        await request(t.baseUrl).get(`${API}/suppliers`).set(bearer(company.keys.admin)).expect(200);
      } finally {
        await limiter.reset(OTHER_CLIENT_ADDRESS);
      }
      expect((await getFrom(OTHER_CLIENT_ADDRESS, url, bearer(company.keys.admin))).status).toBe(200);
    });
  });

  describe('errors', () => {
    it('answers unknown routes with a 404 problem', async () => {
      const res = await request(t.baseUrl).get(`${API}/no-such-thing`).set(bearer(company.keys.admin)).expect(404);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ status: 404, code: 'not_found' });
    });

    it('answers malformed JSON with 400', async () => {
      const res = await request(t.baseUrl).post(`${API}/suppliers`).set(bearer(company.keys.admin)).set('Content-Type', 'application/json').send('{"name": ').expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.code).toBe('malformed_json');
    });

    it('answers an unsupported content type with 415', async () => {
      const res = await request(t.baseUrl).post(`${API}/suppliers`).set(bearer(company.keys.admin)).set('Content-Type', 'text/plain').send('hello').expect(415);
      expect(res.body).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    });

    it('answers an oversized JSON body with 413', async () => {
      const res = await request(t.baseUrl)
        .post(`${API}/suppliers`)
        .set(bearer(company.keys.admin))
        .send(aSupplier({ name: 'x'.repeat(2 * 1024 * 1024) }))
        .expect(413);
      expect(res.body).toMatchObject({ status: 413, code: 'payload_too_large' });
    });

    it('answers a malformed id with 400 naming the parameter', async () => {
      const res = await request(t.baseUrl).get(`${API}/suppliers/not-a-uuid`).set(bearer(company.keys.admin)).expect(400);
      expect(res.body.errors).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
    });

    it('echoes a well-formed x-request-id and replaces an unsafe one', async () => {
      const kept = await request(t.baseUrl).get('/health/live').set('x-request-id', 'trace-123.abc').expect(200);
      expect(kept.headers['x-request-id']).toBe('trace-123.abc');
      const replaced = await request(t.baseUrl).get('/health/live').set('x-request-id', 'bad id\twith tabs').expect(200);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('operations', () => {
    it('serves liveness and readiness at the root, without a key', async () => {
      expect((await request(t.baseUrl).get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
      const ready = await request(t.baseUrl).get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
      await request(t.baseUrl).get(`${API}/health/live`).expect(404);
    });

    it('exposes Prometheus metrics with the request histogram and queue depths', async () => {
      await request(t.baseUrl).get(`${API}/organizations/me`).set(bearer(company.keys.admin)).expect(200);
      const res = await request(t.baseUrl).get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toContain('process_cpu_user_seconds_total');
      expect(res.text).toMatch(/http_request_duration_seconds_count\{route="\/api\/v1\/organizations\/me",method="GET",status="200"\} [1-9]/);
      for (const queue of ['import', 'scoring', 'reports']) {
        expect(res.text).toMatch(new RegExp(`lantern_queue_jobs\\{queue="${queue}",state="waiting"\\} \\d+`));
      }
    });

    it('publishes the OpenAPI document with every resource and bearer auth', async () => {
      const res = await request(t.baseUrl).get('/api/docs-json').expect(200);
      const paths = Object.keys(res.body.paths);
      for (const resource of ['organizations/me', 'api-keys', 'suppliers', 'suppliers/{id}/sub-suppliers', 'sites', 'recruiters', 'engagements', 'audits', 'findings', 'interviews', 'interviews/{id}/testimony']) {
        expect(paths).toContain(`${API}/${resource}`);
      }
      expect(paths.some((p) => p.startsWith('/health') || p.startsWith('/metrics'))).toBe(false);
      expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(res.body.components.schemas.CreateInterviewDto.properties.visaTiedToEmployer.enum).toEqual(['yes', 'no', 'unknown']);
    });
  });
});

describe('readiness with Redis down', () => {
  let t: TestApp;
  const realRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    // Port 9 (discard) has no Redis: the app must still start and report itself not ready.
    process.env.REDIS_URL = 'redis://127.0.0.1:9';
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    process.env.REDIS_URL = realRedisUrl;
  });

  it('answers 503 problem+json naming redis', async () => {
    const res = await request(t.baseUrl).get('/health/ready').expect(503);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.body).toMatchObject({ status: 503, code: 'service_unavailable', detail: 'Not ready: redis unavailable' });
    await request(t.baseUrl).get('/health/live').expect(200);
  });
});
