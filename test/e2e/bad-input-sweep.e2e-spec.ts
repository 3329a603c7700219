import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll, jest } from '@jest/globals';

jest.setTimeout(120_000);
import request from 'supertest';
import type { Role } from '@lantern/domain';
import { API, bearer, startTestApp, type TestApp } from '../setup/test-app.js';
import { createTenant, type Tenant } from '../factories/tenants.js';
import { aFinding, anEngagement, anInterview, aSupplier } from '../factories/builders.js';
import { aSupplyChain, created } from '../factories/supply-chain.js';
import { tableChecksums } from '../factories/db-checksum.js';

/**
 * Every mutating route of the OpenAPI document gets garbage: malformed JSON,
 * wrong types, huge strings, deep nesting, unknown fields, injection strings,
 * prototype pollution, invalid UTF-8, wrong content types, empty bodies. Every
 * answer must be a 4xx application/problem+json, and afterwards every table
 * has the same rows as before.
 */

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
};
interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Route {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Properties of the JSON body, when the route takes one. */
  properties?: Record<string, Schema>;
  takesJson: boolean;
}

interface Payload {
  name: string;
  contentType?: string;
  body?: string | Buffer;
  /**
   * injection: well-formed text that free-text fields may legitimately hold (a name like O'Brien); it is sent
   * to ids that do not exist, so it must pass validation harmlessly (404) or be refused (400), never stored.
   * wellFormed: a valid JSON body, which a route that takes no body may ignore.
   */
  kind?: 'injection' | 'wellFormed';
}

const MiB = 1024 * 1024;
const SQL = `' OR '1'='1'; DROP TABLE suppliers; --`;
const INJECTIONS = [SQL, `Robert'); DELETE FROM audit_events;--`, `\u0000`, `{{7*7}}`, `<script>alert(1)</script>`, `../../etc/passwd`, `=cmd|' /C calc'!A0`];

describe('bad input sweep (every mutating route in /api/docs-json)', () => {
  let t: TestApp;
  let tenant: Tenant<Role>;
  let routes: Route[];
  let ids: Record<string, string>;
  let doc: OpenApi;

  const resolve = (schema: Schema | undefined, depth = 0): Schema => {
    if (schema === undefined || depth > 10) return {};
    if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!], depth + 1);
    if (schema.allOf) return schema.allOf.reduce<Schema>((acc, s) => { const r = resolve(s, depth + 1); return { ...acc, ...r, properties: { ...acc.properties, ...r.properties } }; }, {});
    return schema;
  };

  /** A value of the wrong type for a property. */
  const wrongType = (schema: Schema): unknown => {
    const s = resolve(schema);
    switch (s.type) {
      case 'string': return 12345;
      case 'number':
      case 'integer': return 'not a number';
      case 'boolean': return 'yes';
      case 'array': return { not: 'an array' };
      case 'object': return 'not an object';
      default: return [[['?']]];
    }
  };

  const deep = (levels: number, key = 'a'): string => `${`{"${key}":`.repeat(levels)}1${'}'.repeat(levels)}`;
  const deepArray = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

  function payloads(route: Route): Payload[] {
    const props = route.properties ?? {};
    const names = Object.keys(props);
    const first = names[0] ?? 'name';
    const json = (name: string, value: unknown, kind: Payload['kind'] = 'wellFormed'): Payload => ({ name, contentType: 'application/json', body: JSON.stringify(value), kind });
    const each = (value: (name: string) => unknown) => Object.fromEntries((names.length > 0 ? names : ['name']).map((n) => [n, value(n)]));
    const list: Payload[] = [
      { name: 'malformed JSON', contentType: 'application/json', body: '{"name": "x",' },
      { name: 'JSON with trailing garbage', contentType: 'application/json', body: '{"name": "x"} xyz' },
      { name: 'single-quoted JSON', contentType: 'application/json', body: "{'name': 'x'}" },
      { name: 'bare JSON string', contentType: 'application/json', body: '"just a string"', kind: 'wellFormed' },
      { name: 'bare JSON number', contentType: 'application/json', body: '42', kind: 'wellFormed' },
      { name: 'JSON null', contentType: 'application/json', body: 'null', kind: 'wellFormed' },
      { name: 'JSON array', contentType: 'application/json', body: '[{"name":"x"}]', kind: 'wellFormed' },
      { name: 'empty body with JSON content type', contentType: 'application/json', body: '' },
      { name: 'whitespace body', contentType: 'application/json', body: '   \n ' },
      { name: 'no body, no content type', kind: 'wellFormed' },
      json('empty object', {}),
      json('wrong types', each((n) => wrongType(props[n] ?? {}))),
      json('nulls everywhere', each(() => null)),
      json('unknown fields only', { zzUnknown: 1, organizationId: randomUUID(), id: randomUUID() }),
      json('huge string (1 MiB)', each(() => 'A'.repeat(MiB))),
      json('long string (900 KiB)', { [first]: 'B'.repeat(900 * 1024) }),
      json('huge array', { [first]: Array.from({ length: 100_000 }, () => 'x') }),
      { name: 'deep nesting 10k (unknown key)', contentType: 'application/json', body: deep(10_000) },
      { name: 'deep nesting 10k (known key)', contentType: 'application/json', body: `{"${first}":${deep(10_000)}}` },
      { name: 'deep array nesting 10k', contentType: 'application/json', body: `{"${first}":${deepArray(10_000)}}` },
      { name: 'deep nesting 10k (known keys)', contentType: 'application/json', body: `{${names.map((n) => `"${n}":${deep(10_000)}`).join(',') || `"x":${deep(10_000)}`}}` },
      json('NoSQL operators', each(() => ({ $gt: '', $ne: null, $where: 'sleep(1000)' }))),
      { name: '__proto__ pollution', contentType: 'application/json', body: `{"__proto__":{"polluted":"yes"},"${first}":{"__proto__":{"polluted":"yes"}}}` },
      { name: 'constructor.prototype pollution', contentType: 'application/json', body: `{"constructor":{"prototype":{"polluted":"yes"}},"${first}":{"constructor":{"prototype":{"polluted":"yes"}}}}` },
      { name: 'invalid UTF-8 bytes', contentType: 'application/json', body: Buffer.concat([Buffer.from(`{"${first}":"`), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('"}')]) },
      { name: 'lone surrogate escapes', contentType: 'application/json', body: `{"${first}":"\\ud800\\udfff\\ud800"}` },
      { name: 'UTF-16 body', contentType: 'application/json; charset=utf-16', body: Buffer.from(`{"${first}":"x"}`, 'utf16le') },
      { name: 'text/plain', contentType: 'text/plain', body: `${first}=x` },
      { name: 'form-urlencoded', contentType: 'application/x-www-form-urlencoded', body: `${first}=x&zz=1`, kind: 'wellFormed' },
      { name: 'XML', contentType: 'application/xml', body: `<${first}>x</${first}>` },
      { name: 'multipart without parts', contentType: 'multipart/form-data; boundary=xyz', body: '--xyz--\r\n', kind: 'wellFormed' },
      { name: 'bogus content type', contentType: 'application/x-lantern-garbage', body: '\u0001\u0002' },
    ];
    for (const injection of INJECTIONS) list.push(json(`injection ${JSON.stringify(injection).slice(0, 24)}`, each(() => injection), 'injection'));
    return list;
  }

  function concrete(path: string, badId?: string): string {
    const resource = path.split('/')[3];
    return path.replace(/\{(\w+)\}/g, (_, name: string) => badId ?? (name === 'id' ? ids[resource] : ids[name]) ?? randomUUID());
  }

  function send(route: Route, path: string, p: Payload): request.Test {
    const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
    let req = request(t.baseUrl)[method](path).set(bearer(tenant.keys.admin));
    if (p.contentType !== undefined) req = req.set('Content-Type', p.contentType);
    if (p.body === undefined) return req;
    // Bytes go out as they are: superagent would otherwise JSON-encode a Buffer sent as application/json.
    return Buffer.isBuffer(p.body) ? req.serialize((x: unknown) => x as string).send(p.body) : req.send(p.body);
  }

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await request(t.baseUrl).get('/api/docs-json').expect(200)).body as OpenApi;
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([m]) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map(([m, op]) => {
          const schema = op.requestBody?.content?.['application/json']?.schema;
          return { method: m.toUpperCase() as Route['method'], path, takesJson: schema !== undefined, properties: schema ? resolve(schema).properties ?? {} : undefined };
        }),
    );
    tenant = await createTenant(t.dataSource, { kind: 'company', name: 'Sweep' });
    const key = tenant.keys.admin;
    const chain = await aSupplyChain(t.baseUrl, key);
    const buyer = await created(t.baseUrl, key, '/suppliers', aSupplier());
    ids = {
      suppliers: chain.supplierId,
      sites: chain.siteId,
      recruiters: chain.recruiterId,
      audits: chain.auditId,
      engagements: (await created(t.baseUrl, key, '/engagements', anEngagement(chain.recruiterId, chain.siteId))).id,
      findings: (await created(t.baseUrl, key, '/findings', aFinding(chain.auditId))).id,
      interviews: (await created(t.baseUrl, key, '/interviews', anInterview({ auditId: chain.auditId, siteId: chain.siteId }))).id,
      'api-keys': (await created(t.baseUrl, key, '/api-keys', { name: 'sweep', role: 'auditor' })).id,
      buyerId: buyer.id,
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores injection strings in free text verbatim and harmlessly', async () => {
    for (const injection of [SQL, `O'Brien "Textiles" {$gt: ''} <b>`, '__proto__']) {
      const supplier = await created(t.baseUrl, tenant.keys.admin, '/suppliers', aSupplier({ name: injection }));
      const read = await request(t.baseUrl).get(`${API}/suppliers/${supplier.id}`).set(bearer(tenant.keys.admin)).expect(200);
      expect(read.body.name).toBe(injection);
      const found = await request(t.baseUrl).get(`${API}/suppliers`).query({ q: injection }).set(bearer(tenant.keys.admin)).expect(200);
      expect(found.body.data.map((s: { id: string }) => s.id)).toEqual([supplier.id]);
    }
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM suppliers`);
    expect(n).toBeGreaterThan(0);
  });

  it('finds mutating routes to sweep', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it('answers every garbage request with a 4xx problem+json and changes no row', async () => {
    const before = await tableChecksums(t.dataSource);
    const failures: string[] = [];
    for (const route of routes) {
      // Routes that take no JSON body (revoke, link, verify...) would act on a real id whatever the body: aim them at ids that do not exist.
      const path = route.takesJson ? concrete(route.path) : concrete(route.path, randomUUID());
      for (const p of payloads(route)) {
        const res = await send(route, p.kind === 'injection' && route.path.includes('{') ? concrete(route.path, randomUUID()) : path, p);
        const problem = (res.headers['content-type'] ?? '').startsWith('application/problem+json');
        // A route that takes no body may ignore a well-formed one (it acts on an id that does not exist, or only reads).
        const ignorable = !route.takesJson && p.kind !== undefined && res.status < 300;
        if (!ignorable && (res.status < 400 || res.status >= 500 || !problem)) {
          failures.push(`${route.method} ${route.path} [${p.name}]: ${res.status} ${res.headers['content-type'] ?? ''} ${res.text.slice(0, 160)}`);
        }
      }
      if (route.path.includes('{')) {
        for (const badId of [`1' OR '1'='1`, '%00', '..%2F..%2Fetc', 'a'.repeat(5000), '{"$gt":""}']) {
          const res = await send(route, concrete(route.path, encodeURIComponent(badId)), { name: 'bad id', contentType: 'application/json', body: '{}' });
          if (res.status < 400 || res.status >= 500) failures.push(`${route.method} ${route.path} [bad id ${badId.slice(0, 20)}]: ${res.status}`);
        }
      }
    }
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    const after = await tableChecksums(t.dataSource);
    const changedTables = Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    expect({ failures, changedTables }).toEqual({ failures: [], changedTables: [] });
  }, 300_000);
});
