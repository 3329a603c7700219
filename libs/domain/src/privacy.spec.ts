import { describe, expect, it } from '@jest/globals';
import { DomainError } from './errors.js';
import {
  TestimonyCipher,
  keyringFromSecret,
  pseudonymKeyFromSecret,
  screenFreeTextForIdentifiers,
  workerPseudonym,
  type IdentifierKind,
} from './privacy.js';

const ORG = '3f0c6b1e-0000-4000-8000-000000000001';
const SECRET_A = 'secretA-0123456789abcdef';
const SECRET_B = 'secretB-fedcba9876543210';

/** Throws `fn` and returns the DomainError it threw (fails otherwise). */
function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('workerPseudonym', () => {
  it('matches an independently computed HMAC-SHA-256 (Python hmac) vector', () => {
    expect(workerPseudonym('test-secret', ORG, 'W-0042')).toBe('f8848f3b25cd0b2055c4fe7d65564ed83db777af4fc11df43fafe8a7634c845b');
    expect(workerPseudonym(Buffer.from('test-secret'), ORG, 'W-0042')).toBe('f8848f3b25cd0b2055c4fe7d65564ed83db777af4fc11df43fafe8a7634c845b');
  });

  it.each([
    ['trims the worker reference', ' W-0042\t', true],
    ['is case-sensitive', 'w-0042', false],
    ['differs for another worker', 'W-0043', false],
  ])('%s', (_label, ref, same) => {
    const base = workerPseudonym('test-secret', ORG, 'W-0042');
    expect(workerPseudonym('test-secret', ORG, ref) === base).toBe(same);
  });

  it('is per organisation and per secret', () => {
    const base = workerPseudonym('test-secret', ORG, 'W-0042');
    expect(workerPseudonym('test-secret', '3f0c6b1e-0000-4000-8000-000000000002', 'W-0042')).not.toBe(base);
    expect(workerPseudonym('other-secret', ORG, 'W-0042')).not.toBe(base);
    // The NUL separator keeps (org, ref) pairs apart: "a"+"bc" is not "ab"+"c".
    expect(workerPseudonym('s', 'a', 'bc')).not.toBe(workerPseudonym('s', 'ab', 'c'));
  });

  it.each([
    ['', 'W-1', 'organizationId'],
    [ORG, '   ', 'workerRef'],
    [ORG, 'W\u00001', 'workerRef'],
    ['a\u0000b', 'W-1', 'organizationId'],
  ])('rejects org %p / ref %p', (org, ref, field) => {
    const e = domainErrorOf(() => workerPseudonym('s', org, ref));
    expect(e.code).toBe('validation_failed');
    expect(e.details?.map((d) => d.field)).toEqual([field]);
  });

  it('rejects an empty secret', () => {
    expect(domainErrorOf(() => workerPseudonym('', ORG, 'W-1')).code).toBe('internal');
  });
});

describe('keyringFromSecret', () => {
  it('derives k1 with HKDF-SHA-256 from a single secret (vector computed with Python hmac/RFC 5869)', () => {
    const ring = keyringFromSecret(SECRET_A);
    expect(ring.currentKeyId).toBe('k1');
    expect(Object.keys(ring.keys)).toEqual(['k1']);
    expect(ring.keys.k1!.toString('hex')).toBe('f1f3492682e608d8073d210d43716f70ac05b237b6ecec5f57b64edeecab7684');
  });

  it('reads a rotation list, first entry current, with the same key for the same secret', () => {
    const ring = keyringFromSecret(` k2:${SECRET_B} , k1:${SECRET_A} `);
    expect(ring.currentKeyId).toBe('k2');
    expect(Object.keys(ring.keys).sort()).toEqual(['k1', 'k2']);
    expect(ring.keys.k1!.equals(keyringFromSecret(SECRET_A).keys.k1!)).toBe(true);
    expect(ring.keys.k2!.equals(ring.keys.k1!)).toBe(false);
    expect(ring.keys.k2).toHaveLength(32);
  });

  it('keeps colons inside a secret of a list entry', () => {
    expect(keyringFromSecret(`k9:${SECRET_A}:with:colons`).currentKeyId).toBe('k9');
  });

  it.each([
    ['', 'at least 16'],
    ['short', 'at least 16'],
    [`k2:${SECRET_B},k2:${SECRET_A}`, 'appears twice'],
    [`k2:${SECRET_B},${SECRET_A}`, 'not of the form'],
    [`k2:short,k1:${SECRET_A}`, 'key k2: secret must be at least 16'],
    [`bad id:${SECRET_B},k1:${SECRET_A}`, 'key id must be'],
    [`k2:${SECRET_B},`, 'not of the form'],
  ])('rejects %p', (value, message) => {
    const e = domainErrorOf(() => keyringFromSecret(value));
    expect(e.code).toBe('internal');
    expect(e.message).toContain(message);
    expect(e.message).not.toContain(SECRET_A);
  });
});

describe('pseudonymKeyFromSecret', () => {
  it('derives a key separate from the encryption key (vector computed with Python)', () => {
    expect(pseudonymKeyFromSecret(SECRET_A).toString('hex')).toBe('aa8552694e750bcbe310715e47904330c0570cc95e3c69a63a83f3a0f17fd1c1');
  });

  it('does not change when a newer key is prepended for rotation', () => {
    const before = pseudonymKeyFromSecret(SECRET_A);
    expect(pseudonymKeyFromSecret(`k2:${SECRET_B},k1:${SECRET_A}`).equals(before)).toBe(true);
    expect(pseudonymKeyFromSecret(`k3:x-0123456789abcdef,k2:${SECRET_B},k1:${SECRET_A}`).equals(before)).toBe(true);
    expect(pseudonymKeyFromSecret(SECRET_B).equals(before)).toBe(false);
  });
});

describe('TestimonyCipher', () => {
  const text = 'The recruiter kept my passport – 招聘人员扣留了我的护照';

  it('decrypts an independently produced vector (Python cryptography AESGCM, iv|tag|ct, AAD = key id)', () => {
    const vector = Buffer.from(
      '0102030405060708090a0b0c09dccdd3dd3a42ffc6c2d978e4588e6a7c573c3a6af08c877f2725942a226ef5c0663c34c6c24ed54fefd7940e928c5d55d5020a1207cad97d5ae0e06f1892085f39d652ad339b97bcd5edafbb3ddc32161856d4',
      'hex',
    );
    expect(TestimonyCipher.fromSecret(SECRET_A).decrypt('k1', vector)).toBe(text);
  });

  it.each([[''], ['a'], [text], ['x'.repeat(100_000)]])('round-trips %#', (plaintext) => {
    const cipher = TestimonyCipher.fromSecret(SECRET_A);
    const { keyId, ciphertext } = cipher.encrypt(plaintext);
    expect(keyId).toBe('k1');
    expect(ciphertext).toHaveLength(12 + 16 + Buffer.byteLength(plaintext, 'utf8'));
    expect(cipher.decrypt(keyId, ciphertext)).toBe(plaintext);
  });

  it('uses a fresh IV for every message', () => {
    const cipher = TestimonyCipher.fromSecret(SECRET_A);
    const a = cipher.encrypt(text).ciphertext;
    const b = cipher.encrypt(text).ciphertext;
    expect(a.subarray(0, 12).equals(b.subarray(0, 12))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('rotates: new ciphertexts use the current key, old ones still decrypt', () => {
    const old = TestimonyCipher.fromSecret(SECRET_A).encrypt(text);
    const rotated = TestimonyCipher.fromSecret(`k2:${SECRET_B},k1:${SECRET_A}`);
    expect(rotated.currentKeyId).toBe('k2');
    expect(rotated.decrypt(old.keyId, old.ciphertext)).toBe(text);
    const fresh = rotated.encrypt(text);
    expect(fresh.keyId).toBe('k2');
    expect(rotated.decrypt('k2', fresh.ciphertext)).toBe(text);
    // A process that has not been given k2 yet cannot read it.
    expect(domainErrorOf(() => TestimonyCipher.fromSecret(SECRET_A).decrypt('k2', fresh.ciphertext)).message).toContain('not in the keyring');
  });

  it.each([
    ['IV', 0],
    ['tag', 12],
    ['ciphertext', 28],
    ['last byte', -1],
  ])('detects a flipped bit in the %s', (_part, offset) => {
    const cipher = TestimonyCipher.fromSecret(SECRET_A);
    const { keyId, ciphertext } = cipher.encrypt(text);
    const tampered = Buffer.from(ciphertext);
    const i = offset < 0 ? tampered.length + offset : offset;
    tampered[i] = tampered[i]! ^ 0x01;
    const e = domainErrorOf(() => cipher.decrypt(keyId, tampered));
    expect(e.code).toBe('internal');
    expect(e.message).toContain('failed authentication');
  });

  it('binds the key id: a ciphertext relabelled with another key id of the ring fails', () => {
    const ring = keyringFromSecret(`k2:${SECRET_B},k1:${SECRET_A}`);
    // Same key bytes under two ids: only the AAD differs.
    const cipher = new TestimonyCipher({ currentKeyId: 'k1', keys: { k1: ring.keys.k1!, alias: ring.keys.k1! } });
    const { ciphertext } = cipher.encrypt(text);
    expect(cipher.decrypt('k1', ciphertext)).toBe(text);
    expect(domainErrorOf(() => cipher.decrypt('alias', ciphertext)).message).toContain('failed authentication');
  });

  it.each([
    ['truncated', Buffer.alloc(27)],
    ['empty', Buffer.alloc(0)],
  ])('rejects a %s ciphertext', (_label, buf) => {
    expect(domainErrorOf(() => TestimonyCipher.fromSecret(SECRET_A).decrypt('k1', buf)).message).toContain('truncated');
  });

  it.each([
    ['current key missing', { currentKeyId: 'k2', keys: { k1: Buffer.alloc(32) } }],
    ['short key', { currentKeyId: 'k1', keys: { k1: Buffer.alloc(16) } }],
    ['bad key id', { currentKeyId: 'k 1', keys: { 'k 1': Buffer.alloc(32) } }],
  ])('refuses a bad keyring: %s', (_label, ring) => {
    expect(domainErrorOf(() => new TestimonyCipher(ring)).code).toBe('internal');
  });

  it('copies the key material so later mutation of the ring does not affect it', () => {
    const key = Buffer.alloc(32, 7);
    const cipher = new TestimonyCipher({ currentKeyId: 'k1', keys: { k1: key } });
    const { ciphertext } = cipher.encrypt('hello');
    key.fill(0);
    expect(cipher.decrypt('k1', ciphertext)).toBe('hello');
  });
});

describe('screenFreeTextForIdentifiers', () => {
  it.each<[string, Array<[IdentifierKind, string]>]>([
    // passport-like numbers
    ['My passport P1234567 is with the agent', [['passport_number', 'P1234567']]],
    ['passport no. AB1234567', [['passport_number', 'AB1234567']]],
    ['Chinese passport E12345678.', [['passport_number', 'E12345678']]],
    ['PH passport P1234567A', [['passport_number', 'P1234567A']]],
    ['written lower case: p1234567', [['passport_number', 'p1234567']]],
    ['Myanmar MC123456', [['passport_number', 'MC123456']]],
    // long digit runs, phones, grouped IDs
    ['my ID is 123456789012', [['long_digit_run', '123456789012']]],
    ['call 9841234567', [['long_digit_run', '9841234567']]],
    ['call +977 984-123-4567 today', [['phone_number', '+977 984-123-4567']]],
    ['aadhaar 1234 5678 9012', [['long_digit_run', '1234 5678 9012']]],
    ['phone 012-345 6789', [['long_digit_run', '012-345 6789']]],
    // e-mail
    ['write to ram.thapa+1@example.com.np please', [['email', 'ram.thapa+1@example.com.np']]],
    ['ram12345678@mail.com', [['email', 'ram12345678@mail.com']]],
    // several, in text order
    [
      'P1234567, 98412345678 and a@b.co',
      [
        ['passport_number', 'P1234567'],
        ['long_digit_run', '98412345678'],
        ['email', 'a@b.co'],
      ],
    ],
    // not identifiers
    ['I paid 150000 rupees to the agent in 2019', []],
    ['I paid RM 15,000 (RM15000) on 2024-01-15', []],
    ['From 2019-2020 I worked 14 hours a day, 7 days a week', []],
    ['We were 1200 workers in dormitory B2, room 12', []],
    ['Paid 1,500,000 VND', []],
    ['COVID19 and ISO9001', []],
    ['', []],
  ])('%p', (text, expected) => {
    expect(screenFreeTextForIdentifiers(text).map((m) => [m.kind, m.match])).toEqual(expected);
  });

  it('reports the offset of each match', () => {
    const text = 'passport P1234567';
    const [m] = screenFreeTextForIdentifiers(text);
    expect(text.slice(m!.index, m!.index + m!.match.length)).toBe('P1234567');
  });
});
