// `npm start` for real: `node bin/punte.js serve` with the Viber channel pointed at the local stand-in answers
// signed callbacks on /webhooks/viber and refuses unsigned ones.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../../bots/viber/signature.ts';
import { BIN, ROOT } from '../../helpers/cli.ts';
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
    const child = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: '0',
        DATABASE_URL: `file:${join(dir, 'punte.db')}`,
        DATA_DIR: dir,
        VIBER_AUTH_TOKEN: AUTH_TOKEN,
        VIBER_API_ROOT: standIn.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`server exited with ${code}:\n${output}`));
        });
      });
      expect(output).toContain('"channel":"viber"');
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
      expect(output).not.toContain('serve-user');
    } finally {
      if (child.exitCode === null) {
        const closed = new Promise((resolve) => child.once('close', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await closed;
        clearTimeout(timer);
      }
    }
  });
});
