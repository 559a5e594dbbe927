// AES-256-GCM for message text and personal fields, and a keyed hash (blind index) to find a contact by its
// channel user id without storing that id in clear. Both keys are derived from DATA_ENCRYPTION_KEY with HKDF,
// so one secret serves both purposes without reusing the same key for two algorithms.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { PunteError } from './errors.ts';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT_VERSION = 'v1';

export interface Cipher {
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash for look-ups (same input, same output); not reversible. */
  blindIndex(value: string): string;
}

/** Accepts 64 hexadecimal characters or the base64 of exactly 32 bytes. */
export function parseEncryptionKey(text: string, name = 'DATA_ENCRYPTION_KEY'): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed, 'base64');
    if (bytes.length === KEY_BYTES) return bytes;
  }
  throw new PunteError('PUNTE_CRYPTO_KEY_INVALID', name);
}

export function generateEncryptionKey(): string {
  return randomBytes(KEY_BYTES).toString('hex');
}

function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `punte:${purpose}`, KEY_BYTES));
}

export function createCipher(masterKey: Buffer): Cipher {
  if (masterKey.length !== KEY_BYTES) throw new PunteError('PUNTE_CRYPTO_KEY_INVALID', 'the encryption key');
  const encryptionKey = deriveKey(masterKey, 'aes-256-gcm');
  const indexKey = deriveKey(masterKey, 'blind-index');

  return {
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [FORMAT_VERSION, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const parts = sealed.split('.');
      if (parts.length !== 4 || parts[0] !== FORMAT_VERSION) {
        throw new PunteError('PUNTE_CRYPTO_DECRYPT_FAILED', 'unknown format');
      }
      const [, ivText, tagText, bodyText] = parts as [string, string, string, string];
      const iv = Buffer.from(ivText, 'base64url');
      const tag = Buffer.from(tagText, 'base64url');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw new PunteError('PUNTE_CRYPTO_DECRYPT_FAILED', 'damaged header');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new PunteError('PUNTE_CRYPTO_DECRYPT_FAILED', 'wrong key or tampered data', { cause: error });
      }
    },
    blindIndex(value) {
      return createHmac('sha256', indexKey).update(value, 'utf8').digest('base64url');
    },
  };
}
