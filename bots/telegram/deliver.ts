// Sends stored replies to one chat, in order, and reports the Telegram message ids each became, so quick exit
// can delete them later. Throws on the first refusal; what was shown before it is still reported.
import type { Api } from 'grammy';
import type { OutboundMessage } from '../../core/message.ts';
import { renderReply } from './render.ts';

export type Delivered = (messageId: string, channelMessageIds: readonly string[]) => Promise<void>;

export interface DeliverOptions {
  readonly api: Api;
  readonly chatId: number | string;
  /** disable_notification on every message. */
  readonly silent: boolean;
}

export async function deliver(options: DeliverOptions, messages: readonly OutboundMessage[], delivered: Delivered): Promise<void> {
  for (const message of messages) {
    const ids: string[] = [];
    let failure: unknown;
    try {
      for (const part of renderReply(message.reply)) {
        const sent = await options.api.sendMessage(options.chatId, part.text, {
          // Previews would put a web page's picture and title on the screen; the person can still open the link.
          link_preview_options: { is_disabled: true },
          ...(options.silent ? { disable_notification: true } : {}),
          ...(part.keyboard ? { reply_markup: { inline_keyboard: part.keyboard.map((row) => [...row]) } } : {}),
        });
        ids.push(String(sent.message_id));
      }
    } catch (error) {
      failure = error;
    }
    // A reply shown only in part is still recorded: what the person sees must stay deletable.
    if (ids.length > 0) await delivered(message.messageId, ids);
    if (failure !== undefined) throw failure;
  }
}

/** The replies with a note added to the last one (one message more would mean one notification more). */
export function withNote(messages: readonly OutboundMessage[], note: string | undefined): readonly OutboundMessage[] {
  const last = messages.at(-1);
  if (note === undefined) return messages;
  // Not stored by the core, so nothing to report back ('' is never marked delivered).
  if (!last) return [{ messageId: '', reply: { text: note } }];
  return [...messages.slice(0, -1), { ...last, reply: { ...last.reply, text: `${last.reply.text}\n\n${note}` } }];
}
