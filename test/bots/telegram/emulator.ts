// telegram-test-api (a Bot API emulator) for end-to-end tests, on 127.0.0.1 and a free port. Its known gaps:
// no secret header, getUpdates ignores offset and timeout (answers at once, marks updates read), updates carry
// no language_code, no sendChatAction / setMyCommands / deleteMessages (deleteMessage exists), editMessageText
// returns null, and a callback's message has no message_id or keyboard.
import { createServer } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

export const EMULATOR_TOKEN = '4242:emulator-token';

export interface BotMessage {
  readonly id: number;
  readonly text: string;
  readonly keyboard: { text: string; callback_data?: string; url?: string }[][];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startEmulator(): Promise<TelegramServer> {
  let lastError: unknown;
  // The emulator takes a port number, not 0: pick a free one, and try again if another process took it first.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    // storeTimeout: keep read messages long enough for the test to look at them (and delete them).
    const server = new TelegramServer({ host: '127.0.0.1', port: await freePort(), storeTimeout: 600 });
    try {
      await server.start();
      return server;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** What the bot has shown in one chat and not deleted, oldest first. */
export function botMessages(server: TelegramServer, chatId: number): BotMessage[] {
  return server.storage.botMessages
    .filter((update) => String(update.message.chat_id) === String(chatId))
    .map((update) => {
      const markup = update.message.reply_markup as { inline_keyboard?: BotMessage['keyboard'] } | undefined;
      return { id: update.messageId, text: String(update.message.text), keyboard: markup?.inline_keyboard ?? [] };
    });
}

/** The person's messages the emulator still holds for one chat (deleted ones are gone). */
export function personMessages(server: TelegramServer, chatId: number): number[] {
  return server.storage.userMessages
    .filter((update) => 'message' in update && 'chat' in update.message && update.message.chat.id === chatId)
    .map((update) => update.messageId);
}

/** Waits until `check` passes (bounded), then returns what it returned. */
export async function waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
