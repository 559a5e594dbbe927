// `punte chat [--lang ro|ru|uk|en] [--user ID]`: talk to Punte in the terminal.
import { runChat } from '../../bots/terminal/chat.ts';
import { PunteError } from '../../core/errors.ts';
import { isLocale, LOCALES } from '../../core/locales.ts';
import type { CommandContext } from './context.ts';

export const DEFAULT_TERMINAL_USER = 'local';

export async function chatCommand(context: CommandContext): Promise<number> {
  const { values } = context.parse({ lang: { type: 'string' }, user: { type: 'string' } });
  const lang = values.lang;
  if (lang !== undefined && !isLocale(lang)) {
    throw new PunteError('PUNTE_USAGE', `--lang must be one of ${LOCALES.join(', ')}`);
  }
  const user = typeof values.user === 'string' && values.user.trim() !== '' ? values.user.trim() : DEFAULT_TERMINAL_USER;
  const runtime = await context.runtime();
  try {
    await runChat({
      conversations: runtime.conversations,
      input: context.stdin,
      output: context.stdout,
      userId: user,
      locale: lang,
      interactive: Boolean((context.stdin as { isTTY?: boolean }).isTTY),
    });
  } finally {
    await runtime.close();
  }
  return 0;
}
