// The terminal channel: `npx punte chat`. Reads lines, prints replies, and keeps the conversation in the
// database between runs. Works interactively and with piped input (it ends at end of input).
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { ConversationService } from '../../core/conversation/service.ts';
import type { Locale } from '../../core/locales.ts';
import type { ChannelCapabilities, Choice, OutboundMessage } from '../../core/message.ts';
import { lineToInbound, TERMINAL_CHANNEL } from './inbound.ts';
import { renderReply } from './render.ts';

// Clears the screen and the scroll-back: the terminal's quick exit.
const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

export function terminalCapabilities(interactive: boolean): ChannelCapabilities {
  return {
    maxButtons: 12,
    maxButtonLabelLength: 64,
    maxPayloadBytes: 64,
    maxTextLength: 100_000,
    canDeleteMessages: interactive,
    canPushLater: true,
  };
}

export interface ChatOptions {
  readonly conversations: ConversationService;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream & { isTTY?: boolean };
  readonly userId: string;
  readonly locale?: Locale | undefined;
  readonly interactive: boolean;
  readonly now?: () => Date;
}

export async function runChat(options: ChatOptions): Promise<void> {
  const { conversations, output } = options;
  const now = options.now ?? (() => new Date());
  const capabilities = terminalCapabilities(options.interactive);
  // Unique across runs, so a later run is never taken for a duplicate of an earlier one.
  const runId = randomUUID();
  let sequence = 0;
  let lastChoices: readonly Choice[] = [];

  const print = async (messages: readonly OutboundMessage[]) => {
    for (const message of messages) {
      output.write(`${renderReply(message.reply)}\n\n`);
      await conversations.markDelivered(message.messageId);
      if (message.reply.choices?.length) lastChoices = message.reply.choices;
    }
  };

  // Messages that reached this person while the command was not running (e.g. a counsellor's reply).
  await print(await conversations.undelivered(TERMINAL_CHANNEL, options.userId));

  const send = async (line: string | null) => {
    sequence += 1;
    const externalId = `${runId}:${sequence}`;
    const inbound =
      line === null
        ? { channel: TERMINAL_CHANNEL, channelUserId: options.userId, externalId, kind: 'start' as const, receivedAt: now(), ...(options.locale ? { localeChoice: options.locale } : {}) }
        : lineToInbound({ line, lastChoices, userId: options.userId, externalId, locale: options.locale, now: now() });
    const result = await conversations.handle(inbound, capabilities);
    if (result.hideHistory && options.interactive) output.write(CLEAR_SCREEN);
    if (result.replies.some((message) => message.reply.choices?.length)) lastChoices = [];
    await print(result.replies);
  };

  if (options.interactive && !(await conversations.knows(TERMINAL_CHANNEL, options.userId))) await send(null);

  const lines = createInterface({ input: options.input, terminal: false });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    await send(line);
  }
}
