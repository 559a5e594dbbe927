// `npm start` with TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT pointing at the Bot API emulator and TELEGRAM_MODE=polling
// answers a user of the emulator: the real launcher, configuration, runtime and polling loop, as deployed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { generateEncryptionKey } from '../../../core/crypto.ts';
import { BIN, ROOT } from '../../helpers/cli.ts';
import { EMULATOR_TOKEN, botMessages, startEmulator, waitFor } from './emulator.ts';

const dir = mkdtempSync(join(tmpdir(), 'punte-tg-serve-'));
// Distinctive, so finding it in the logs means a leak and not a coincidence (a pid, a port).
const CHAT = 7301958246;
let server: TelegramServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start with Telegram in polling mode', () => {
  it('answers a person writing through the emulator', async () => {
    server = await startEmulator();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: '0',
        DATABASE_URL: `file:${join(dir, 'punte.db')}`,
        DATA_DIR: dir,
        DATA_ENCRYPTION_KEY: generateEncryptionKey(),
        DEFAULT_LOCALE: 'en',
        TELEGRAM_BOT_TOKEN: EMULATOR_TOKEN,
        TELEGRAM_API_ROOT: server.config.apiURL,
        TELEGRAM_MODE: 'polling',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitFor(() => output.includes('telegram long polling started') || child.exitCode !== null, 'the server to start polling', 30_000);
      expect(output).toMatch(/Server listening at http:\/\/127\.0\.0\.1:\d+/);

      const client = server.getClient(EMULATOR_TOKEN, { chatId: CHAT, userId: CHAT });
      await client.sendMessage(client.makeMessage('/start'));
      const shown = await waitFor(() => (botMessages(server!, CHAT).length >= 3 ? botMessages(server!, CHAT) : undefined), 'the menu', 15_000);
      expect(shown[0]!.text).toMatch(/^Hello! I am Punte/);
      expect(shown[2]!.keyboard.length).toBeGreaterThan(0);
      // The server's logs name no person and quote nothing they were told.
      expect(output).not.toContain(String(CHAT));
      expect(output).not.toContain('Hello! I am Punte');
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('close', resolve)));
    }
  }, 60_000);
});
