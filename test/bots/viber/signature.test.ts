// The signature check against Viber's documented vector (../shared/FACTS.md), and the ways it must fail.
import { describe, expect, it } from 'vitest';
import { sign, verifySignature } from '../../../bots/viber/signature.ts';

const KEY = '44b935abea139fd6-53fa53b32559c4a6-12dbd3d883b06835';
const BODY = '{"event":"unsubscribed","timestamp":1516678387902,"user_id":"KMMqtlNTDxIm/5bZhdQ5uA==","message_token":5136431130449316903}';
const SIGNATURE = 'd84d8648b402a2737838fea4da41d903d1af1aed92466b1758828ad27e31a9f9';

describe('X-Viber-Content-Signature', () => {
  it('matches the documented vector', () => {
    expect(sign(BODY, KEY)).toBe(SIGNATURE);
    expect(verifySignature(Buffer.from(BODY), SIGNATURE, KEY)).toBe(true);
  });

  it('covers the raw bytes: re-serialised JSON no longer matches', () => {
    const reserialised = JSON.stringify(JSON.parse(BODY));
    expect(reserialised).not.toBe(BODY); // the token lost digits
    expect(verifySignature(Buffer.from(reserialised), SIGNATURE, KEY)).toBe(false);
    expect(verifySignature(Buffer.from(`${BODY} `), SIGNATURE, KEY)).toBe(false);
  });

  it('refuses a wrong signature or another key', () => {
    const wrong = `${SIGNATURE.slice(0, -1)}${SIGNATURE.endsWith('0') ? '1' : '0'}`;
    expect(verifySignature(Buffer.from(BODY), wrong, KEY)).toBe(false);
    expect(verifySignature(Buffer.from(BODY), SIGNATURE, `${KEY}x`)).toBe(false);
  });

  it('refuses a missing signature', () => {
    expect(verifySignature(Buffer.from(BODY), undefined, KEY)).toBe(false);
    expect(verifySignature(Buffer.from(BODY), '', KEY)).toBe(false);
  });

  it.each([
    ['too short', SIGNATURE.slice(0, 63)],
    ['too long', `${SIGNATURE}00`],
    ['not hex', `${SIGNATURE.slice(0, 63)}g`],
    ['base64 of the digest', Buffer.from(SIGNATURE, 'hex').toString('base64')],
    ['with a prefix', `sha256=${SIGNATURE}`],
    ['repeated header', [SIGNATURE, SIGNATURE]],
  ])('refuses a malformed signature: %s', (_name, header) => {
    expect(verifySignature(Buffer.from(BODY), header, KEY)).toBe(false);
  });
});
