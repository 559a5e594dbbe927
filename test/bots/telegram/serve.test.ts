// `npm start` with TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT pointing at the Bot API emulator and TELEGRAM_MODE=polling
// answers a user of the emulator: the real launcher, configuration, runtime and polling loop, as deployed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { generateEncryptionKey } from '../../../core/crypto.ts';
import { startServerProcess } from '../../helpers/server-process.ts';
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
    const punte = await startServerProcess({
      DATABASE_URL: `file:${join(dir, 'punte.db')}`,
      DATA_DIR: dir,
      DATA_ENCRYPTION_KEY: generateEncryptionKey(),
      DEFAULT_LOCALE: 'en',
      TELEGRAM_BOT_TOKEN: EMULATOR_TOKEN,
      TELEGRAM_API_ROOT: server.config.apiURL,
      TELEGRAM_MODE: 'polling',
    });
    const output = punte.output;
    try {
      await waitFor(() => output().includes('telegram long polling started'), 'the server to start polling', 30_000);

      const client = server.getClient(EMULATOR_TOKEN, { chatId: CHAT, userId: CHAT });
      await client.sendMessage(client.makeMessage('/start'));
      const shown = await waitFor(() => (botMessages(server!, CHAT).length >= 3 ? botMessages(server!, CHAT) : undefined), 'the menu', 15_000);
      expect(shown[0]!.text).toMatch(/^Hello! I am Punte/);
      expect(shown[2]!.keyboard.length).toBeGreaterThan(0);
      // The server's logs name no person and quote nothing they were told.
      expect(output()).not.toContain(String(CHAT));
      expect(output()).not.toContain('Hello! I am Punte');
    } finally {
      await punte.stop();
    }
  }, 60_000);
});
