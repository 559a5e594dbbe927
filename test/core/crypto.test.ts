import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCipher, generateEncryptionKey, parseEncryptionKey } from '../../core/crypto.ts';
import { isPunteError } from '../../core/errors.ts';

describe('core/crypto', () => {
  const key = randomBytes(32);
  const cipher = createCipher(key);

  it('round-trips text in every script, and never stores it in clear', () => {
    for (const text of ['Mi s-a oferit un job în Italia', 'Мне предложили работу', 'Мені запропонували роботу', '']) {
      const sealed = cipher.encrypt(text);
      if (text !== '') expect(sealed).not.toContain(text);
      expect(cipher.decrypt(sealed)).toBe(text);
    }
  });

  it('uses a fresh IV: the same text encrypts differently each time', () => {
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('refuses tampered data and a wrong key', () => {
    const sealed = cipher.encrypt('secret plan');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    const tampered = [...parts.slice(0, 3), body.toString('base64url')].join('.');
    expect(() => cipher.decrypt(tampered)).toThrow(/could not be decrypted/);
    expect(() => createCipher(randomBytes(32)).decrypt(sealed)).toThrow(/could not be decrypted/);
    expect(() => cipher.decrypt('not-sealed')).toThrow(/unknown format/);
  });

  it('accepts 64 hex characters or base64 of 32 bytes, and nothing else', () => {
    const hex = generateEncryptionKey();
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    expect(parseEncryptionKey(hex)).toEqual(Buffer.from(hex, 'hex'));
    const b64 = randomBytes(32).toString('base64');
    expect(parseEncryptionKey(b64)).toEqual(Buffer.from(b64, 'base64'));
    for (const bad of ['', 'short', 'z'.repeat(64), randomBytes(16).toString('base64'), randomBytes(31).toString('hex')]) {
      let error: unknown;
      try {
        parseEncryptionKey(bad);
      } catch (caught) {
        error = caught;
      }
      expect(isPunteError(error, 'PUNTE_CRYPTO_KEY_INVALID')).toBe(true);
      expect((error as Error).message).toBe('DATA_ENCRYPTION_KEY must be 64 hexadecimal characters or the base64 of 32 bytes');
    }
  });

  it('blind index: same input same output, different users differ, another key differs', () => {
    expect(cipher.blindIndex('123456')).toBe(cipher.blindIndex('123456'));
    expect(cipher.blindIndex('123456')).not.toBe(cipher.blindIndex('123457'));
    expect(createCipher(randomBytes(32)).blindIndex('123456')).not.toBe(cipher.blindIndex('123456'));
    expect(cipher.blindIndex('123456')).not.toContain('123456');
  });
});
