// `punte telegram setup` and `status`: register the webhook (or remove it for long polling) and the command
// menu in the four languages, and read back what Telegram knows about the webhook.
import type { Api } from 'grammy';
import type { BotCommand, WebhookInfo } from 'grammy/types';
import { PunteError } from '../../core/errors.ts';
import type { Translator } from '../../core/i18n.ts';
import { LOCALES, type Locale } from '../../core/locales.ts';
import { DEFAULT_API_ROOT, type TelegramConfig } from './config.ts';
import { ALLOWED_UPDATES } from './limits.ts';
import { WEBHOOK_PATH } from './webhook.ts';

/** The command menu, quick exit first: the first thing within reach is the way out. */
export const MENU_COMMANDS = ['exit', 'menu', 'lang', 'help', 'human', 'forget'] as const;

export function menuCommands(translator: Translator, locale: Locale): BotCommand[] {
  return MENU_COMMANDS.map((command) => ({ command, description: translator.t(locale, `common:commandDescriptions.${command}`) }));
}

export function webhookUrl(config: TelegramConfig): string {
  if (config.publicUrl === undefined) throw new PunteError('PUNTE_CONFIG_INVALID', 'PUBLIC_URL: required to set the Telegram webhook');
  // Telegram only calls https webhooks; a self-hosted server or an emulator may not care.
  if (config.apiRoot === DEFAULT_API_ROOT && !config.publicUrl.startsWith('https://')) {
    throw new PunteError('PUNTE_CONFIG_INVALID', 'PUBLIC_URL: Telegram needs an https address');
  }
  return `${config.publicUrl}${WEBHOOK_PATH}`;
}

export interface SetupResult {
  readonly mode: TelegramConfig['mode'];
  /** The webhook now set, or null when it was removed for long polling. */
  readonly webhook: string | null;
  readonly allowedUpdates: readonly string[];
  /** Languages the command menu was set for; "default" is for every other language. */
  readonly commands: readonly string[];
}

export async function setupTelegram(options: { api: Api; config: TelegramConfig; translator: Translator; defaultLocale: Locale }): Promise<SetupResult> {
  const { api, config, translator } = options;
  let webhook: string | null = null;
  if (config.mode === 'webhook') {
    webhook = webhookUrl(config);
    await api.setWebhook(webhook, {
      secret_token: config.webhookSecret!,
      allowed_updates: [...ALLOWED_UPDATES],
      // Updates waiting at Telegram are people's messages: never dropped.
      drop_pending_updates: false,
    });
  } else {
    await api.deleteWebhook({ drop_pending_updates: false });
  }
  for (const locale of LOCALES) await api.setMyCommands(menuCommands(translator, locale), { language_code: locale });
  await api.setMyCommands(menuCommands(translator, options.defaultLocale));
  return { mode: config.mode, webhook, allowedUpdates: [...ALLOWED_UPDATES], commands: [...LOCALES, 'default'] };
}

export function telegramStatus(api: Api): Promise<WebhookInfo> {
  return api.getWebhookInfo();
}

/** getWebhookInfo as lines for people. */
export function formatStatus(info: WebhookInfo): string[] {
  const lines = [`webhook: ${info.url === '' ? 'none (long polling)' : info.url}`, `pending updates: ${info.pending_update_count}`];
  if (info.allowed_updates) lines.push(`allowed updates: ${info.allowed_updates.join(', ')}`);
  if (info.max_connections !== undefined) lines.push(`max connections: ${info.max_connections}`);
  if (info.last_error_date !== undefined) {
    lines.push(`last error: ${new Date(info.last_error_date * 1000).toISOString()} ${info.last_error_message ?? ''}`.trimEnd());
  }
  return lines;
}
