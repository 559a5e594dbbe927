// grammY's Bot and Api for our settings: the configured API root (Telegram, a self-hosted server or an
// emulator), a per-call timeout, and capped retries of 429 answers.
import { autoRetry } from '@grammyjs/auto-retry';
import { Api, Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { TelegramConfig } from './config.ts';
import { API_TIMEOUT_SECONDS, AUTO_RETRY } from './limits.ts';

export function createBot(config: TelegramConfig, botInfo?: UserFromGetMe): Bot {
  const bot = new Bot(config.token, {
    ...(botInfo ? { botInfo } : {}),
    client: { apiRoot: config.apiRoot, timeoutSeconds: API_TIMEOUT_SECONDS },
  });
  bot.api.config.use(autoRetry(AUTO_RETRY));
  return bot;
}

/** An Api without a Bot, for one-off commands (setup, status) or long polling with its own, longer timeout. */
export function createApi(config: TelegramConfig, timeoutSeconds: number = API_TIMEOUT_SECONDS): Api {
  const api = new Api(config.token, { apiRoot: config.apiRoot, timeoutSeconds });
  api.config.use(autoRetry(AUTO_RETRY));
  return api;
}
