import { parseArgs } from 'node:util';
import pg from 'pg';
import { TestimonyCipher } from '@lantern/domain';
import { AuditTrail, loadConfig, pgAuditSql } from '@lantern/platform';

const USAGE = `usage: lantern reencrypt [--dry-run] [--org ORGANIZATION_ID]

Re-encrypts, under the current key (the first of LANTERN_SECRET_KEY), every
interview testimony and every stored upload chunk that another key encrypted,
and every upload chunk stored in clear before uploads were encrypted at rest.
Run it after prepending a new key ("k2:<new>,k1:<old>"); when it reports
nothing left, the old key can be removed from LANTERN_SECRET_KEY.
Safe to interrupt and to re-run: each row is rewritten in its own short
transaction, only if it is still under the key it was read with. A row that
its key id cannot open (a keyring that gives the id another secret) is left
as it is and reported; the exit code is then 1. --org limits the run to one
organisation (e.g. to try a rotation on one tenant first).
`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const BATCH = 500;

interface Counts {
  testimonies: number;
  chunks: number;
  plaintextChunks: number;
}

/** `lantern reencrypt`: finish a key rotation, and encrypt uploads stored before encryption at rest. */
export async function run(args: string[]): Promise<number> {
  let dryRun = false;
  let org: string | null = null;
  try {
    const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false }, org: { type: 'string' } } });
    dryRun = values['dry-run'] === true;
    org = values.org ?? null;
    if (org !== null && !UUID.test(org)) throw new Error(`--org must be an organisation id (uuid); got ${JSON.stringify(org)}`);
  } catch (err) {
    process.stderr.write(`lantern reencrypt: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const cipher = TestimonyCipher.fromSecret(config.LANTERN_SECRET_KEY);
  const current = cipher.currentKeyId;
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 2, application_name: 'lantern-cli' });
  try {
    const before = await remaining(pool, current, org);
    console.log(`current key ${current}; under other keys or in clear: ${describe(before)}`);
    if (dryRun || total(before) === 0) return 0;

    const unreadable: string[] = [];
    const open = (what: string, keyId: string, bytes: Buffer): Buffer | null => {
      try {
        return cipher.decryptBytes(keyId, bytes);
      } catch {
        unreadable.push(`${what} (key ${keyId})`);
        return null;
      }
    };
    const byOrganization = new Map<string, Counts>();
    const bump = (org: string, field: keyof Counts) => {
      const c = byOrganization.get(org) ?? { testimonies: 0, chunks: 0, plaintextChunks: 0 };
      c[field]++;
      byOrganization.set(org, c);
    };

    // Testimonies, in batches by id.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { rows } = await pool.query<{ id: string; organization_id: string; testimony_key_id: string; testimony_ciphertext: Buffer }>(
        `SELECT id, organization_id, testimony_key_id, testimony_ciphertext FROM interviews
          WHERE testimony_key_id IS NOT NULL AND testimony_key_id <> $1 AND id > $2 AND ($3::uuid IS NULL OR organization_id = $3)
          ORDER BY id LIMIT ${BATCH}`,
        [current, after, org],
      );
      if (rows.length === 0) break;
      for (const r of rows) {
        const plain = open(`interview ${r.id}`, r.testimony_key_id, r.testimony_ciphertext);
        if (plain === null) continue;
        const sealed = cipher.encryptBytes(plain);
        const { rowCount } = await pool.query(
          `UPDATE interviews SET testimony_ciphertext = $2, testimony_key_id = $3 WHERE id = $1 AND testimony_key_id = $4`,
          [r.id, sealed.ciphertext, sealed.keyId, r.testimony_key_id],
        );
        if (rowCount === 1) bump(r.organization_id, 'testimonies');
      }
      after = rows.at(-1)!.id;
    }

    // Upload chunks (up to 4 MiB each): one at a time.
    const { rows: chunks } = await pool.query<{ import_id: string; seq: number; organization_id: string; key_id: string | null }>(
      `SELECT c.import_id, c.seq, i.organization_id, c.key_id FROM import_chunks c JOIN imports i ON i.id = c.import_id
        WHERE (c.key_id IS NULL OR c.key_id <> $1) AND ($2::uuid IS NULL OR i.organization_id = $2) ORDER BY c.import_id, c.seq`,
      [current, org],
    );
    for (const c of chunks) {
      const { rows } = await pool.query<{ bytes: Buffer; key_id: string | null }>(`SELECT bytes, key_id FROM import_chunks WHERE import_id = $1 AND seq = $2`, [c.import_id, c.seq]);
      const row = rows[0];
      if (row === undefined || row.key_id === current) continue;
      const plain = row.key_id === null ? row.bytes : open(`upload chunk ${c.import_id}/${c.seq}`, row.key_id, row.bytes);
      if (plain === null) continue;
      const sealed = cipher.encryptBytes(plain);
      const { rowCount } = await pool.query(
        `UPDATE import_chunks SET bytes = $3, key_id = $4 WHERE import_id = $1 AND seq = $2 AND key_id IS NOT DISTINCT FROM $5`,
        [c.import_id, c.seq, sealed.ciphertext, sealed.keyId, row.key_id],
      );
      if (rowCount === 1) bump(c.organization_id, row.key_id === null ? 'plaintextChunks' : 'chunks');
    }

    // One audit event per organisation touched: what was re-encrypted, never any content.
    for (const [organizationId, counts] of byOrganization) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await AuditTrail.recordSystem(pgAuditSql(client), organizationId, {
          action: 'encryption.rekeyed',
          subjectType: 'organization',
          subjectId: organizationId,
          after: { keyId: current, ...counts },
        });
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    }
    const left = await remaining(pool, current, org);
    console.log(`re-encrypted under ${current}; left under other keys or in clear: ${describe(left)}`);
    if (unreadable.length > 0) {
      console.error(`${unreadable.length} row(s) could not be opened with the key their id names in LANTERN_SECRET_KEY (left unchanged):`);
      for (const u of unreadable.slice(0, 20)) console.error(`  ${u}`);
      if (unreadable.length > 20) console.error(`  ... and ${unreadable.length - 20} more`);
    }
    return total(left) === 0 ? 0 : 1;
  } finally {
    await pool.end();
  }
}

async function remaining(pool: pg.Pool, current: string, org: string | null): Promise<Counts> {
  const { rows } = await pool.query<{ testimonies: number; chunks: number; plaintext_chunks: number }>(
    `SELECT (SELECT count(*)::int FROM interviews WHERE testimony_key_id IS NOT NULL AND testimony_key_id <> $1 AND ($2::uuid IS NULL OR organization_id = $2)) AS testimonies,
            (SELECT count(*)::int FROM import_chunks c JOIN imports i ON i.id = c.import_id
              WHERE c.key_id IS NOT NULL AND c.key_id <> $1 AND ($2::uuid IS NULL OR i.organization_id = $2)) AS chunks,
            (SELECT count(*)::int FROM import_chunks c JOIN imports i ON i.id = c.import_id
              WHERE c.key_id IS NULL AND ($2::uuid IS NULL OR i.organization_id = $2)) AS plaintext_chunks`,
    [current, org],
  );
  const r = rows[0]!;
  return { testimonies: r.testimonies, chunks: r.chunks, plaintextChunks: r.plaintext_chunks };
}

function total(c: Counts): number {
  return c.testimonies + c.chunks + c.plaintextChunks;
}

function describe(c: Counts): string {
  return `${c.testimonies} testimonies, ${c.chunks} upload chunks under older keys, ${c.plaintextChunks} upload chunks in clear`;
}
