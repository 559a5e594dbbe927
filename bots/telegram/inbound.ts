// A Telegram update as a core inbound (a pure function). Only the fields used are checked, leniently: Telegram
// adds fields without notice, and an update of a kind the bot does not handle is simply not an inbound.
import { z } from 'zod';
import { localeFromTag } from '../../core/locales.ts';
import type { Inbound, InboundKind } from '../../core/message.ts';
import { TELEGRAM_CHANNEL } from './limits.ts';

const user = z.object({ id: z.number().int(), language_code: z.string().optional().catch(undefined) });
const chat = z.object({ id: z.number().int(), type: z.string() });
const keyboard = z
  .object({ inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string().optional() }))) })
  .optional()
  .catch(undefined);

const message = z.object({
  message_id: z.number().int(),
  chat,
  from: user.optional().catch(undefined),
  text: z.string().optional().catch(undefined),
  contact: z.unknown().optional(),
});

const callbackQuery = z.object({
  id: z.string(),
  from: user,
  data: z.string().optional().catch(undefined),
  // The emulator sends no message_id here; Telegram always does for the bot's own messages.
  message: z.object({ chat, reply_markup: keyboard }).optional().catch(undefined),
});

const update = z.object({
  update_id: z.number().int(),
  message: message.optional().catch(undefined),
  callback_query: callbackQuery.optional().catch(undefined),
});

/** What a person can send that the bot cannot read; they get a kind answer instead of silence. */
const MEDIA_FIELDS = ['photo', 'sticker', 'voice', 'video', 'video_note', 'audio', 'document', 'animation', 'location', 'venue', 'poll', 'dice', 'story', 'paid_media', 'game'] as const;

/** Deep links ("/start abc") start like /start; their parameter is not used. */
const START_WITH_PARAMETER = /^\/start(@\w+)?\s+\S/i;

export interface TelegramInbound {
  readonly inbound: Inbound;
  /** Where replies go: the private chat (in a private chat, the person's id). */
  readonly chatId: number;
}

export function updateToInbound(raw: unknown, receivedAt: Date): TelegramInbound | undefined {
  const parsed = update.safeParse(raw);
  if (!parsed.success) return undefined;
  const { update_id, message: msg, callback_query: query } = parsed.data;
  const base = { channel: TELEGRAM_CHANNEL, externalId: String(update_id), receivedAt };

  if (msg) {
    // Punte talks to one person at a time; a group would mix people's conversations.
    if (msg.chat.type !== 'private') return undefined;
    const kind = messageKind(raw, msg.text, msg.contact !== undefined);
    if (!kind) return undefined;
    const localeHint = localeFromTag(msg.from?.language_code);
    const text = kind === 'text' && msg.text !== undefined ? (START_WITH_PARAMETER.test(msg.text) ? '/start' : msg.text) : undefined;
    return {
      chatId: msg.chat.id,
      inbound: {
        ...base,
        channelUserId: String(msg.chat.id),
        kind,
        channelMessageId: String(msg.message_id),
        ...(text !== undefined ? { text } : {}),
        ...(localeHint ? { localeHint } : {}),
      },
    };
  }

  if (query?.data !== undefined && query.message?.chat.type === 'private') {
    const localeHint = localeFromTag(query.from.language_code);
    // The pressed button's words, so the transcript reads like what the person saw.
    const label = query.message.reply_markup?.inline_keyboard.flat().find((button) => button.callback_data === query.data)?.text;
    return {
      chatId: query.message.chat.id,
      inbound: {
        ...base,
        channelUserId: String(query.message.chat.id),
        kind: 'choice',
        payload: query.data,
        ...(label !== undefined ? { text: label } : {}),
        ...(localeHint ? { localeHint } : {}),
      },
    };
  }
  return undefined;
}

function messageKind(raw: unknown, text: string | undefined, isContact: boolean): InboundKind | undefined {
  if (text !== undefined && text.trim() !== '') return 'text';
  if (isContact) return 'contact';
  const fields = (raw as { message?: Record<string, unknown> }).message ?? {};
  // Service messages (a pinned message, an auto-delete timer) are not the person talking: no answer.
  return MEDIA_FIELDS.some((field) => fields[field] !== undefined) ? 'media' : undefined;
}
