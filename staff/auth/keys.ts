// Keys derived from STAFF_SESSION_SECRET with HKDF, one per purpose, so the cookie signature, the stored hash
// of session tokens and the hashes of sign-in attempts never share a key.
import { createHmac, hkdfSync } from 'node:crypto';

export interface StaffKeys {
  /** Signs the session cookie. */
  readonly cookie: Buffer;
  /** Stored id of a session: a keyed hash of the cookie's token, so a copy of the database opens no session. */
  sessionId(token: string): string;
  /** Keyed hash of a client address or an e-mail, for counting sign-in attempts without storing either. */
  attemptKey(kind: 'ip' | 'email', value: string): string;
}

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), `punte-staff:${purpose}`, 32));
}

export function deriveStaffKeys(secret: string): StaffKeys {
  const session = derive(secret, 'session-id');
  const attempt = derive(secret, 'login-attempt');
  return {
    cookie: derive(secret, 'cookie'),
    sessionId: (token) => createHmac('sha256', session).update(token, 'utf8').digest('base64url'),
    attemptKey: (kind, value) => createHmac('sha256', attempt).update(`${kind}\u0000${value}`, 'utf8').digest('base64url'),
  };
}
