// POST /webhooks/telegram in process (fastify inject, grammY with botInfo and a recording Bot API): the secret
// header, bodies that are not updates, and the channel wired through the composition root.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRuntime } from '../../../app/runtime.ts';
import { buildServer } from '../../../app/server.ts';
import { WEBHOOK_PATH } from '../../../bots/telegram/webhook.ts';
import { generateEncryptionKey } from '../../../core/crypto.ts';
import { createLogger } from '../../../core/log.ts';
import { createHarness, SECRET, type Harness } from './harness.ts';
import { textUpdate } from './updates.ts';

let h: Harness;
// Closing twice is harmless: tests that build no harness of their own leave the last one here.
afterEach(() => h?.close());

describe('webhook security', () => {
  beforeEach(async () => {
    h = await createHarness();
  });

  it.each([
    ['missing', null],
    ['wrong', 'test-secret_0123456780'],
    ['shorter', 'test'],
    ['empty', ''],
  ])('a %s secret header gets 401 and changes nothing', async (_name, secret) => {
    const response = await h.post(textUpdate('/start', { languageCode: 'en' }), secret);
    expect(response.statusCode).toBe(401);
    expect(h.api.calls).toEqual([]);
    expect(await h.runtime.db.processedUpdate.count()).toBe(0);
    expect(await h.runtime.db.contact.count()).toBe(0);
  });

  it('the secret is checked before the body is read: a bad body without it is 401 too', async () => {
    expect((await h.post('{not json', null)).statusCode).toBe(401);
  });

  it('the right secret is accepted', async () => {
    expect((await h.post(textUpdate('/start', { languageCode: 'en' }))).statusCode).toBe(200);
    expect(h.sentTexts().length).toBeGreaterThan(0);
  });

  it('malformed JSON gets 400, a body that is no update 400, an update of another kind 200 and nothing sent', async () => {
    expect((await h.post('{not json')).statusCode).toBe(400);
    expect((await h.post({ hello: 'world' })).statusCode).toBe(400);
    expect((await h.post({ update_id: 1, edited_message: textUpdate('x').message })).statusCode).toBe(200);
    expect((await h.post({ update_id: 2, my_chat_member: { chat: { id: 1, type: 'private' } } })).statusCode).toBe(200);
    expect(h.api.calls).toEqual([]);
    expect(await h.runtime.db.contact.count()).toBe(0);
  });
});

describe('start and stop', () => {
  it('start() forgets processed update ids older than 48 hours, and stop() ends the timer', async () => {
    h = await createHarness();
    const prune = vi.spyOn(h.runtime.conversations, 'pruneProcessedUpdates');
    await h.channel.start!();
    expect(prune).toHaveBeenCalledWith('telegram', 48 * 3_600_000);
    await h.channel.stop!();
  });
});

describe('through the composition root', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
    const dir = mkdtempSync(join(tmpdir(), 'punte-tg-'));
    dirs.push(dir);
    return { DATABASE_URL: `file:${join(dir, 'punte.db')}`, DATA_DIR: dir, DATA_ENCRYPTION_KEY: generateEncryptionKey(), ...extra };
  };
  const log = createLogger({ level: 'silent' });

  it('start-up fails in webhook mode without the secret, naming it', async () => {
    await expect(
      createRuntime({ env: env({ TELEGRAM_BOT_TOKEN: 't', PUBLIC_URL: 'https://punte.example.org' }), log, withChannels: true }),
    ).rejects.toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it('with a token and a secret the server mounts the webhook and the registry knows the channel', async () => {
    const runtime = await createRuntime({
      env: env({ TELEGRAM_BOT_TOKEN: 't', PUBLIC_URL: 'https://punte.example.org', TELEGRAM_WEBHOOK_SECRET: SECRET }),
      log,
      withChannels: true,
    });
    try {
      expect(runtime.registry.get('telegram')?.capabilities.canDeleteMessages).toBe(true);
      const app = await buildServer(runtime);
      const response = await app.inject({ method: 'POST', url: WEBHOOK_PATH, payload: { update_id: 1 } });
      expect(response.statusCode).toBe(401);
      await app.close();
    } finally {
      await runtime.close();
    }
  });

  it('without a token there is no Telegram channel', async () => {
    const runtime = await createRuntime({ env: env({}), log, withChannels: true });
    try {
      expect(runtime.registry.get('telegram')).toBeUndefined();
      const app = await buildServer(runtime);
      expect((await app.inject({ method: 'POST', url: WEBHOOK_PATH, payload: {} })).statusCode).toBe(404);
      await app.close();
    } finally {
      await runtime.close();
    }
  });
});
