import { Global, Injectable, Module } from '@nestjs/common';
import { pseudonymKeyFromSecret, TestimonyCipher, workerPseudonym, type EncryptedTestimony } from '@lantern/domain';
import { AppConfig } from '../config/app-config.js';

/**
 * The worker-identity firewall keyed from LANTERN_SECRET_KEY: the one place
 * that turns a worker reference into its pseudonym and encrypts / decrypts
 * testimony. The API and the import worker must both use it, so that the same
 * worker gets the same pseudonym whichever way the interview arrives.
 */
@Injectable()
export class WorkerPrivacy {
  private readonly pseudonymKey: Buffer;
  private readonly cipher: TestimonyCipher;

  constructor(config: AppConfig) {
    // The pseudonym key derives from the oldest secret, so rotating encryption keys never changes pseudonyms.
    this.pseudonymKey = pseudonymKeyFromSecret(config.LANTERN_SECRET_KEY);
    this.cipher = TestimonyCipher.fromSecret(config.LANTERN_SECRET_KEY);
  }

  pseudonym(organizationId: string, workerRef: string): string {
    return workerPseudonym(this.pseudonymKey, organizationId, workerRef);
  }

  encryptTestimony(plaintext: string): EncryptedTestimony {
    return this.cipher.encrypt(plaintext);
  }

  decryptTestimony(keyId: string, ciphertext: Buffer): string {
    return this.cipher.decrypt(keyId, ciphertext);
  }
}

@Global()
@Module({ providers: [WorkerPrivacy], exports: [WorkerPrivacy] })
export class WorkerPrivacyModule {}
