// A typed line as a core inbound: the number or label of a button shown last becomes that button's press.
import type { Locale } from '../../core/locales.ts';
import type { Choice, Inbound } from '../../core/message.ts';
import { foldText } from '../../core/text.ts';

export const TERMINAL_CHANNEL = 'terminal';

export function lineToInbound(options: {
  line: string;
  lastChoices: readonly Choice[];
  userId: string;
  externalId: string;
  locale?: Locale | undefined;
  now: Date;
}): Inbound {
  const typed = options.line.trim();
  const folded = foldText(typed);
  const byNumber = /^\d{1,2}$/.test(typed) ? options.lastChoices[Number(typed) - 1] : undefined;
  const choice = byNumber ?? options.lastChoices.find((c) => folded !== '' && foldText(c.label) === folded);
  const base = {
    channel: TERMINAL_CHANNEL,
    channelUserId: options.userId,
    externalId: options.externalId,
    receivedAt: options.now,
    ...(options.locale ? { localeChoice: options.locale } : {}),
  };
  return choice
    ? { ...base, kind: 'choice', payload: choice.payload, text: choice.label }
    : { ...base, kind: 'text', text: typed };
}
