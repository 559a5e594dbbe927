// `punte telegram setup|status [--json]`: register the webhook and the command menu with Telegram, or show
// what Telegram knows about the webhook.
import { createApi } from '../../bots/telegram/bot.ts';
import { loadTelegramConfig } from '../../bots/telegram/config.ts';
import { formatStatus, setupTelegram, telegramStatus } from '../../bots/telegram/setup.ts';
import { PunteError } from '../../core/errors.ts';
import { parseSetupOrStatus, type CommandContext } from './context.ts';

export async function telegramCommand(context: CommandContext): Promise<number> {
  const { action, json } = parseSetupOrStatus(context, 'telegram');
  const config = loadTelegramConfig(context.env);
  if (!config) throw new PunteError('PUNTE_CONFIG_INVALID', 'TELEGRAM_BOT_TOKEN: required for this command');
  const api = createApi(config);

  if (action === 'status') {
    const info = await telegramStatus(api);
    context.stdout.write(json ? `${JSON.stringify(info)}\n` : `${formatStatus(info).join('\n')}\n`);
    return 0;
  }

  // The command menu's words come from the locale files (FLOWS_DIR too), as the runtime loads them.
  const runtime = await context.runtime();
  try {
    const result = await setupTelegram({ api, config, translator: runtime.translator, defaultLocale: runtime.config.DEFAULT_LOCALE });
    if (json) {
      context.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      context.stdout.write(
        `${result.webhook ? `webhook set: ${result.webhook} (updates: ${result.allowedUpdates.join(', ')})` : 'webhook removed: the bot uses long polling'}\n` +
          `command menu set for: ${result.commands.join(', ')}\n`,
      );
    }
  } finally {
    await runtime.close();
  }
  return 0;
}
