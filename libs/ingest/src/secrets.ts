import { pseudonymKeyFromSecret, TestimonyCipher } from '@lantern/domain';
import type { IngestSecrets } from './kinds/kind-spec.js';

/** Pseudonym key and testimony cipher from LANTERN_SECRET_KEY (derive once per process: HKDF is not free). */
export function ingestSecretsFrom(secretKey: string): IngestSecrets {
  return { pseudonymKey: pseudonymKeyFromSecret(secretKey), cipher: TestimonyCipher.fromSecret(secretKey) };
}
