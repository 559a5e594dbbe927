// Viber signs each callback: X-Viber-Content-Signature is the lowercase hex HMAC-SHA256 of the raw body bytes,
// keyed with the bot's auth token. Checked before anything else, in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-viber-content-signature';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export function sign(body: Buffer | string, authToken: string): string {
  return createHmac('sha256', authToken).update(body).digest('hex');
}

/** True only for a well-formed signature of exactly these bytes; a missing or malformed header is false. */
export function verifySignature(body: Buffer, header: string | string[] | undefined, authToken: string): boolean {
  if (typeof header !== 'string' || !HEX_SHA256.test(header)) return false;
  const expected = createHmac('sha256', authToken).update(body).digest();
  // Both are 32 bytes here, as timingSafeEqual requires.
  return timingSafeEqual(expected, Buffer.from(header, 'hex'));
}
