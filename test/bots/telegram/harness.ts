// A Telegram channel in process: a real runtime (fresh SQLite, the project's flows), grammY with botInfo and the
// recording Bot API, and the fastify server built the way `serve` builds it.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../app/server.ts';
import { createTelegramChannel, type TelegramChannel } from '../../../bots/telegram/channel.ts';
import type { TelegramConfig } from '../../../bots/telegram/config.ts';
import { SECRET_HEADER, WEBHOOK_PATH } from '../../../bots/telegram/webhook.ts';
import { createTestRuntime, type TestRuntime } from '../../helpers/runtime.ts';
import { BOT_INFO, fakeApi, type FakeApi } from './fake-api.ts';

export const SECRET = 'test-secret_0123456789';

export interface Harness {
  readonly runtime: TestRuntime;
  readonly channel: TelegramChannel;
  readonly app: FastifyInstance;
  readonly api: FakeApi;
  /** Posts an update as Telegram does (with the secret header unless told otherwise). */
  post(update: unknown, secret?: string | null): Promise<{ statusCode: number; body: string }>;
  /** Texts sent so far (or since `from`). */
  sentTexts(from?: number): string[];
  close(): Promise<void>;
}

export async function createHarness(
  options: { config?: Partial<TelegramConfig>; now?: () => Date; env?: NodeJS.ProcessEnv; /** false: talk HTTP to config.apiRoot */ record?: boolean } = {},
): Promise<Harness> {
  const runtime = await createTestRuntime({ ...(options.now ? { now: options.now } : {}), env: { DEFAULT_LOCALE: 'en', ...options.env } });
  const config: TelegramConfig = {
    token: '123:test-token',
    mode: 'webhook',
    webhookSecret: SECRET,
    apiRoot: 'http://127.0.0.1:9',
    silent: false,
    publicUrl: 'https://punte.example.org',
    ...options.config,
  };
  const channel = createTelegramChannel({
    config,
    conversations: runtime.conversations,
    translator: runtime.translator,
    log: runtime.log,
    botInfo: BOT_INFO,
    ...(options.now ? { now: options.now } : {}),
  });
  const api = fakeApi();
  if (options.record !== false) channel.bot.api.config.use(api.transformer);
  const app = await buildServer({ ...runtime, channels: [channel] });
  let closed = false;
  return {
    runtime,
    channel,
    app,
    api,
    async post(update, secret = SECRET) {
      const response = await app.inject({
        method: 'POST',
        url: WEBHOOK_PATH,
        headers: { 'content-type': 'application/json', ...(secret !== null ? { [SECRET_HEADER]: secret } : {}) },
        payload: typeof update === 'string' ? update : JSON.stringify(update),
      });
      return { statusCode: response.statusCode, body: response.body };
    },
    sentTexts(from = 0) {
      return api.calls.slice(from).filter((call) => call.method === 'sendMessage').map((call) => String(call.payload.text));
    },
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await channel.stop?.();
      await runtime.dispose();
    },
  };
}
