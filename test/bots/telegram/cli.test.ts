// `punte telegram setup|status` as people run it, against a Bot API on 127.0.0.1 that records what it is asked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEncryptionKey } from '../../../core/crypto.ts';
import { runCli } from '../../helpers/cli.ts';
import { startFakeBotApi, type FakeBotApiServer } from './fake-server.ts';

let api: FakeBotApiServer;
const dirs: string[] = [];
beforeAll(async () => {
  api = await startFakeBotApi();
});
afterAll(async () => {
  await api.close();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'punte-tg-cli-'));
  dirs.push(dir);
  return { DATABASE_URL: `file:${join(dir, 'punte.db')}`, DATA_DIR: dir, DATA_ENCRYPTION_KEY: generateEncryptionKey(), TELEGRAM_API_ROOT: api.url, ...extra };
}

describe('punte telegram', () => {
  it('setup sets the webhook with its secret and the command menu in the four languages', async () => {
    api.calls.length = 0;
    const result = await runCli(['telegram', 'setup', '--json'], {
      env: env({ TELEGRAM_BOT_TOKEN: '123:abc', PUBLIC_URL: 'https://punte.example.org/', TELEGRAM_WEBHOOK_SECRET: 'hook_secret-1', DEFAULT_LOCALE: 'ro' }),
    });
    expect(result.code).toBe(0);
    // Standard error may carry the development-secrets warning, nothing else.
    expect(result.stderr.split('\n').filter((line) => line !== '' && !line.includes('generated development secrets'))).toEqual([]);
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toEqual({
      mode: 'webhook',
      webhook: 'https://punte.example.org/webhooks/telegram',
      allowedUpdates: ['message', 'callback_query', 'my_chat_member'],
      commands: ['ro', 'ru', 'uk', 'en', 'default'],
    });
    const [webhook, ...commands] = api.calls;
    expect(webhook).toEqual({
      method: 'setWebhook',
      payload: { url: 'https://punte.example.org/webhooks/telegram', secret_token: 'hook_secret-1', allowed_updates: ['message', 'callback_query', 'my_chat_member'], drop_pending_updates: false },
    });
    expect(commands.map((call) => call.method)).toEqual(Array(5).fill('setMyCommands'));
    expect(commands.map((call) => call.payload.language_code)).toEqual(['ro', 'ru', 'uk', 'en', undefined]);
    const ru = commands[1]!.payload.commands as { command: string; description: string }[];
    expect(ru[0]).toEqual({ command: 'exit', description: 'Быстрый выход' });
    expect(ru.map((command) => command.command)).toEqual(['exit', 'menu', 'lang', 'help', 'human', 'forget']);
    // The default menu is in DEFAULT_LOCALE.
    expect((commands[4]!.payload.commands as { description: string }[])[0]!.description).toBe('Ieșire rapidă');
  });

  it('setup in polling mode removes the webhook instead', async () => {
    api.calls.length = 0;
    const result = await runCli(['telegram', 'setup'], { env: env({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_MODE: 'polling' }) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('webhook removed');
    expect(api.calls[0]).toEqual({ method: 'deleteWebhook', payload: { drop_pending_updates: false } });
  });

  it('status prints what Telegram knows about the webhook', async () => {
    const result = await runCli(['telegram', 'status'], { env: env({ TELEGRAM_BOT_TOKEN: '123:abc' }) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('webhook: https://punte.example.org/webhooks/telegram');
    expect(result.stdout).toContain('pending updates: 2');
  });

  it('says what is missing, in one line', async () => {
    const noToken = await runCli(['telegram', 'status'], { env: env({}) });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr.trim()).toBe('punte: configuration is invalid: TELEGRAM_BOT_TOKEN: required for this command');
    const noAction = await runCli(['telegram'], { env: env({ TELEGRAM_BOT_TOKEN: 't' }) });
    expect(noAction.code).toBe(2);
    expect(noAction.stderr.trim()).toBe('punte: telegram needs one of: setup, status');
  });
});
