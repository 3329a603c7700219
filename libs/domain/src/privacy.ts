/**
 * Worker-identity firewall (ARCHITECTURE.md): no worker names or document
 * numbers are stored; a worker is a keyed pseudonym; free-text testimony is
 * encrypted at rest.
 *
 * - Pseudonyms: HMAC-SHA-256 (RFC 2104 / FIPS 198-1) keyed with a server
 *   secret over `${organizationId}\0${workerRef}`: stable for the same worker in
 *   the same organisation, unlinkable across organisations, and not reversible
 *   (nor guessable by enumerating worker refs) without the secret.
 * - Testimony: AES-256-GCM (NIST SP 800-38D), a fresh random 96-bit IV per
 *   message, the 128-bit tag, and the key id bound as additional authenticated
 *   data so that a ciphertext cannot be replayed under another key id.
 * - Keys come from LANTERN_SECRET_KEY through HKDF-SHA-256 (RFC 5869), with a
 *   different `info` label per purpose, so the pseudonym key and the
 *   encryption keys are independent even though they share a secret.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from './errors.js';

// ------------------------------------------------------------------ pseudonyms

/**
 * Keyed, per-organisation worker pseudonym: lower-case hex HMAC-SHA-256 over
 * `${organizationId}\u0000${workerRef.trim()}` (64 hex characters).
 *
 * `secret` should be the output of `pseudonymKeyFromSecret(LANTERN_SECRET_KEY)`
 * (stable across key rotation); any non-empty secret works.
 */
export function workerPseudonym(secret: Buffer | string, organizationId: string, workerRef: string): string {
  const ref = workerRef.trim();
  const issues: Array<{ field: string; reason: string }> = [];
  if (organizationId === '' || organizationId.includes('\u0000')) {
    issues.push({ field: 'organizationId', reason: 'must be a non-empty string without NUL characters' });
  }
  if (ref === '' || ref.includes('\u0000')) {
    issues.push({ field: 'workerRef', reason: 'must be a non-empty string without NUL characters' });
  }
  if (issues.length > 0) throw DomainError.validation(issues);
  if (secret.length === 0) throw DomainError.internal('workerPseudonym: empty secret');
  return createHmac('sha256', secret).update(`${organizationId}\u0000${ref}`, 'utf8').digest('hex');
}

// ------------------------------------------------------------------ keys

/** Encryption keys by id; `currentKeyId` encrypts, every key decrypts. */
export interface TestimonyKeyring {
  currentKeyId: string;
  keys: Record<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** Same floor as the LANTERN_SECRET_KEY config validation. */
const MIN_SECRET_LENGTH = 16;
const HKDF_SALT = 'lantern/LANTERN_SECRET_KEY/v1';
const TESTIMONY_INFO = 'lantern/testimony-aes-256-gcm/v1';
const PSEUDONYM_INFO = 'lantern/worker-pseudonym-hmac/v1';

function deriveKey(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), HKDF_SALT, info, 32));
}

/**
 * Split LANTERN_SECRET_KEY into `[keyId, secret]` pairs, current first.
 *
 * Two forms: a single secret (key id `k1`), or a comma-separated rotation list
 * `k2:secretB,k1:secretA` whose first entry is current. The value is read as a
 * list when it contains a comma or starts with `<id>:`, where an id is 1-32 of
 * `A-Z a-z 0-9 _ -`; so a single secret must not itself look like `id:...`.
 * Hex or base64 secrets never do.
 */
function parseSecretList(value: string): Array<[string, string]> {
  const trimmed = value.trim();
  const looksLikeList = trimmed.includes(',') || /^[A-Za-z0-9_-]{1,32}:/.test(trimmed);
  const entries: Array<[string, string]> = looksLikeList
    ? trimmed.split(',').map((part, i) => {
        const item = part.trim();
        const colon = item.indexOf(':');
        if (colon < 0) throw configError(`entry ${i + 1} is not of the form <keyId>:<secret>`);
        return [item.slice(0, colon), item.slice(colon + 1)];
      })
    : [['k1', trimmed]];
  const seen = new Set<string>();
  entries.forEach(([id, secret], i) => {
    if (!KEY_ID.test(id)) throw configError(`entry ${i + 1}: key id must be 1-32 characters of A-Z a-z 0-9 _ -`);
    if (seen.has(id)) throw configError(`key id ${id} appears twice`);
    seen.add(id);
    if (secret.length < MIN_SECRET_LENGTH) throw configError(`key ${id}: secret must be at least ${MIN_SECRET_LENGTH} characters`);
  });
  return entries;
}

function configError(message: string): DomainError {
  // Never echo the secret itself.
  return DomainError.internal(`LANTERN_SECRET_KEY: ${message}`);
}

/**
 * Build the testimony keyring from LANTERN_SECRET_KEY. Each secret becomes a
 * 32-byte AES key with HKDF-SHA-256. A plain secret is key `k1`, so moving from
 * `secretA` to `k2:secretB,k1:secretA` keeps old ciphertexts readable while new
 * ones use k2. Throws an `internal` DomainError on a malformed value.
 */
export function keyringFromSecret(secret: string): TestimonyKeyring {
  const entries = parseSecretList(secret);
  const keys: Record<string, Buffer> = {};
  for (const [id, s] of entries) keys[id] = deriveKey(s, TESTIMONY_INFO);
  return { currentKeyId: entries[0]![0], keys };
}

/**
 * The 32-byte HMAC key for `workerPseudonym`, derived with HKDF-SHA-256 from
 * the OLDEST secret in LANTERN_SECRET_KEY (the last entry of a rotation list,
 * or the single secret). Rotating encryption keys by prepending new entries
 * therefore never changes pseudonyms. Dropping the oldest entry does: that is a
 * re-pseudonymisation and needs a data migration.
 */
export function pseudonymKeyFromSecret(secret: string): Buffer {
  const entries = parseSecretList(secret);
  return deriveKey(entries[entries.length - 1]![1], PSEUDONYM_INFO);
}

// ------------------------------------------------------------------ testimony encryption

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface EncryptedTestimony {
  keyId: string;
  /** iv (12 bytes) | GCM tag (16 bytes) | ciphertext. */
  ciphertext: Buffer;
}

/** AES-256-GCM encryption of free-text testimony with a rotating keyring. */
export class TestimonyCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keyring: TestimonyKeyring) {
    const entries = Object.entries(keyring.keys);
    for (const [id, key] of entries) {
      if (!KEY_ID.test(id)) throw DomainError.internal(`TestimonyCipher: invalid key id ${JSON.stringify(id)}`);
      if (!Buffer.isBuffer(key) || key.length !== 32) throw DomainError.internal(`TestimonyCipher: key ${id} must be 32 bytes`);
    }
    if (!entries.some(([id]) => id === keyring.currentKeyId)) {
      throw DomainError.internal(`TestimonyCipher: current key ${JSON.stringify(keyring.currentKeyId)} is not in the keyring`);
    }
    this.keys = new Map(entries.map(([id, key]) => [id, Buffer.from(key)]));
    this.currentKeyId = keyring.currentKeyId;
  }

  /** Convenience: `new TestimonyCipher(keyringFromSecret(secret))`. */
  static fromSecret(secret: string): TestimonyCipher {
    return new TestimonyCipher(keyringFromSecret(secret));
  }

  hasKey(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  encrypt(plaintext: string): EncryptedTestimony {
    return this.encryptBytes(Buffer.from(plaintext, 'utf8'));
  }

  /** The same AES-256-GCM envelope over raw bytes (used for uploads kept at rest). */
  encryptBytes(plaintext: Uint8Array): EncryptedTestimony {
    const keyId = this.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(keyId)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(keyId, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { keyId, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]) };
  }

  /**
   * Decrypt with the key the ciphertext names (any key in the ring). Throws an
   * `internal` DomainError when the key id is unknown or the ciphertext, tag or
   * key id was altered.
   */
  decrypt(keyId: string, ciphertext: Buffer): string {
    return this.decryptBytes(keyId, ciphertext).toString('utf8');
  }

  decryptBytes(keyId: string, ciphertext: Buffer): Buffer {
    const key = this.keys.get(keyId);
    if (key === undefined) throw DomainError.internal(`testimony key ${JSON.stringify(keyId)} is not in the keyring`);
    if (!Buffer.isBuffer(ciphertext) || ciphertext.length < IV_BYTES + TAG_BYTES) {
      throw DomainError.internal('testimony ciphertext is truncated');
    }
    const iv = ciphertext.subarray(0, IV_BYTES);
    const tag = ciphertext.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const body = ciphertext.subarray(IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(keyId, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch (cause) {
      throw DomainError.internal('testimony ciphertext failed authentication (tampered, or wrong key)', cause);
    }
  }
}

// ------------------------------------------------------------------ identifier screening

export type IdentifierKind = 'email' | 'passport_number' | 'phone_number' | 'long_digit_run';

export interface IdentifierMatch {
  kind: IdentifierKind;
  match: string;
  /** Offset of the match in the input (UTF-16 code units). */
  index: number;
}

/*
 * Heuristic, tuned to err towards flagging: a false positive costs the
 * interviewer an edit, a false negative leaks a worker's identity.
 *
 * - email: local@domain.tld.
 * - passport_number: a token of 1-2 letters followed by 6-8 digits and an
 *   optional final letter, i.e. 7-11 characters ("P1234567", "AB1234567",
 *   "E12345678", "P1234567A"). This covers the machine-readable passport
 *   number formats of the main labour-origin countries (India, Nepal,
 *   Bangladesh, Pakistan, Indonesia, Philippines, Viet Nam, Myanmar, Sri
 *   Lanka, China). Case-insensitive. Known false positives: amounts glued to a
 *   currency prefix with six or more digits ("RM150000", "Rs250000"): write
 *   amounts with a space or separators ("RM 150,000").
 * - phone_number: `+` then 8 or more digits, optionally grouped by spaces,
 *   dots or hyphens ("+977 984-123-4567").
 * - long_digit_run: 8 or more consecutive digits (national ID, phone, bank or
 *   document numbers), or 3+ digit groups separated by single spaces or
 *   hyphens totalling 9+ digits ("1234 5678 9012", "012-345 6789"). Dates
 *   ("2024-01-15": 8 digits) and year ranges ("2019-2020": 2 groups) are not
 *   flagged; numbers with thousands separators ("150,000") are not either.
 *
 * Overlapping matches are reported once, preferring the kinds in the order
 * above.
 */
const SCREENS: ReadonlyArray<{ kind: IdentifierKind; pattern: RegExp; minDigits?: number }> = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  { kind: 'passport_number', pattern: /(?<![A-Za-z0-9])[A-Za-z]{1,2}\d{6,8}[A-Za-z]?(?![A-Za-z0-9])/g },
  { kind: 'phone_number', pattern: /\+\d(?:[ .-]?\d){6,}/g, minDigits: 8 },
  { kind: 'long_digit_run', pattern: /\d{8,}/g },
  { kind: 'long_digit_run', pattern: /(?<![\d])\d{2,}(?:[ -]\d{2,}){2,}(?![\d])/g, minDigits: 9 },
];

/**
 * Find likely personal identifiers (document numbers, phone numbers, IDs,
 * e-mail addresses) in free text, so an import can reject testimony carrying
 * them. Returns matches in text order; empty when nothing was found.
 */
export function screenFreeTextForIdentifiers(text: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  const overlaps = (start: number, end: number): boolean =>
    found.some((f) => start < f.index + f.match.length && f.index < end);
  for (const { kind, pattern, minDigits } of SCREENS) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (minDigits !== undefined && m[0].replace(/\D/g, '').length < minDigits) continue;
      if (overlaps(start, end)) continue;
      found.push({ kind, match: m[0], index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
