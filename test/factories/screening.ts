import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { API, bearer } from '../setup/test-app.js';

/** The list fixtures (invented entities), by format. */
export const LIST_FIXTURES = {
  sam_exclusions: { file: 'sam-exclusions.csv', contentType: 'text/csv' },
  worldbank_debarred: { file: 'worldbank-debarred.json', contentType: 'application/json' },
  cbp_wro: { file: 'cbp-wro.csv', contentType: 'text/csv' },
  uflpa: { file: 'uflpa-entity-list.csv', contentType: 'text/csv' },
  ftm: { file: 'ftm-sanctions.jsonl', contentType: 'application/x-ndjson' },
} as const;
export type FixtureFormat = keyof typeof LIST_FIXTURES;

export function listFixture(file: string): Buffer {
  return readFileSync(resolve('test/fixtures/screening/lists', file));
}

/** Create a list of the caller's organisation and load a snapshot; returns the list id and the upload answer. */
export async function aLoadedList(
  baseUrl: string,
  key: string,
  format: FixtureFormat,
  overrides: { name?: string; content?: Buffer | string; contentType?: string; effect?: 'exclude' | 'review' } = {},
): Promise<{ listId: string; snapshot: Record<string, unknown> & { id: string; version: number; duplicate: boolean } }> {
  const fx = LIST_FIXTURES[format];
  const list = await request(baseUrl)
    .post(`${API}/exclusion-lists`)
    .set(bearer(key))
    .send({ name: overrides.name ?? `${format} fixture`, format, source: 'Lantern test fixture (invented entities)', licence: 'CC0', ...(overrides.effect ? { effect: overrides.effect } : {}) });
  if (list.status !== 201) throw new Error(`create list answered ${list.status}: ${JSON.stringify(list.body)}`);
  const snapshot = await uploadSnapshot(baseUrl, key, list.body.id, overrides.content ?? listFixture(fx.file), overrides.contentType ?? fx.contentType);
  if (snapshot.status !== 201) throw new Error(`upload answered ${snapshot.status}: ${JSON.stringify(snapshot.body)}`);
  return { listId: list.body.id, snapshot: snapshot.body };
}

export function uploadSnapshot(baseUrl: string, key: string, listId: string, content: Buffer | string, contentType: string, query: Record<string, string> = {}) {
  // superagent would JSON-encode a Buffer sent as application/json: send such files as text.
  const body = contentType.includes('json') && Buffer.isBuffer(content) ? content.toString('utf8') : content;
  return request(baseUrl).post(`${API}/exclusion-lists/${listId}/snapshots`).query(query).set(bearer(key)).set('Content-Type', contentType).send(body);
}

/** POST /screenings, expecting 201; returns the answer. */
export async function screen(baseUrl: string, key: string, body: object): Promise<ScreeningAnswer> {
  const res = await request(baseUrl).post(`${API}/screenings`).set(bearer(key)).send(body);
  if (res.status !== 201) throw new Error(`POST /screenings answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as ScreeningAnswer;
}

export interface ScreeningAnswer {
  id: string;
  decision: 'clear' | 'review' | 'blocked';
  rule: { id: string; description: string };
  reasons: string[];
  matches: {
    party: { role: string; index: number; name: string };
    source: string;
    record: { key: string; id: string; name: string; matchedName: string; matchedNameKind: string; inForce: boolean; contentHash: string; list?: { name: string; snapshotId: string; version: number }; block?: { status: string; ownedByYou: boolean } };
    score: number;
    strength: string;
    fieldsMatched: string[];
    evidence: { country: string; identifiers?: unknown[]; tokens?: unknown[] };
  }[];
  suppressed: { match: { record: { key: string } }; adjudication: { id: string; reason: string } }[];
  parties: { party: { role: string; index: number }; decision: string; rule: { id: string } }[];
  blocks: { id: string; status: string }[];
  assessments: { subjectId: string; band: string | null; openRecommendations: number }[];
  obligations: { farCompliancePlan?: { required: boolean } };
  lists: { id: string; snapshotId: string; version: number }[];
  durationMs: number;
}
