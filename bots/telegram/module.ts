// The Telegram channel for the composition root: enabled when TELEGRAM_BOT_TOKEN is set.
import type { ChannelModule } from '../../core/channel-module.ts';
import { createTelegramChannel } from './channel.ts';
import { DEFAULT_API_ROOT, loadTelegramConfig } from './config.ts';
import { TELEGRAM_CHANNEL } from './limits.ts';

export const telegramModule: ChannelModule = {
  name: TELEGRAM_CHANNEL,
  configure(context) {
    const config = loadTelegramConfig(context.env);
    if (!config) return undefined;
    context.log.info({ mode: config.mode, silent: config.silent, ownApiRoot: config.apiRoot !== DEFAULT_API_ROOT }, 'telegram settings');
    return createTelegramChannel({ config, conversations: context.conversations, translator: context.translator, log: context.log });
  },
};
