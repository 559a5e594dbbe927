// The only list of channel adapters. Each is enabled by its own settings (see .env.example).
import { telegramModule } from '../bots/telegram/module.ts';
import { viberChannel } from '../bots/viber/index.ts';
import type { ChannelModule } from '../core/channel-module.ts';

export const CHANNEL_MODULES: readonly ChannelModule[] = [
  telegramModule,
  viberChannel,
];
