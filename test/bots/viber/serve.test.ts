// `npm start` for real: `node bin/punte.js serve` with the Viber channel pointed at the local stand-in answers
// signed callbacks on /webhooks/viber and refuses unsigned ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../../bots/viber/signature.ts';
import { startServerProcess } from '../../helpers/server-process.ts';
import { AUTH_TOKEN, conversationStarted, textCallback } from './callbacks.ts';
import { startStandIn, type StandIn } from './stand-in.ts';

let standIn: StandIn;
const dir = mkdtempSync(join(tmpdir(), 'punte-viber-serve-'));
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

function postTo(address: string, raw: string, signed = true) {
  return fetch(`${address}/webhooks/viber`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signed ? { 'x-viber-content-signature': sign(raw, AUTH_TOKEN) } : {}) },
    body: raw,
  });
}

describe('npm start with Viber', () => {
  it('answers signed callbacks on /webhooks/viber', async () => {
    const server = await startServerProcess({
      DATABASE_URL: `file:${join(dir, 'punte.db')}`,
      DATA_DIR: dir,
      VIBER_AUTH_TOKEN: AUTH_TOKEN,
      VIBER_API_ROOT: standIn.url,
    });
    const { address, output } = server;
    try {
      expect(output()).toContain('"channel":"viber"');
      // Start-up made no call to Viber.
      expect(standIn.requests).toHaveLength(0);

      const unsigned = await postTo(address, textCallback('serve-user', '/start'), false);
      expect(unsigned.status).toBe(401);

      const welcome = await postTo(address, conversationStarted('serve-user', { language: 'en' }));
      expect(welcome.status).toBe(200);
      const body = (await welcome.json()) as { type: string; text: string; keyboard: { Buttons: unknown[] } };
      expect(body.type).toBe('text');
      expect(body.keyboard.Buttons.length).toBeGreaterThan(3);

      const reply = await postTo(address, textCallback('serve-user', '/start'));
      expect(reply.status).toBe(200);
      const sent = await standIn.waitForSent(3, 10_000);
      expect(sent).toHaveLength(3);
      expect(sent.every((message) => message.receiver === 'serve-user')).toBe(true);
      expect(standIn.requests.every((request) => request.headers['x-viber-auth-token'] === AUTH_TOKEN)).toBe(true);
      expect(output()).not.toContain('serve-user');
    } finally {
      await server.stop();
    }
  });
});
