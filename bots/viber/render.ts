// The core's replies as Viber text messages: phone numbers written into the text (Viber makes them tappable),
// long texts split at 7000 characters, and one keyboard on the last message of a turn, since Viber only shows
// the keyboard of the newest message.
import type { Link, OutboundMessage, Reply } from '../../core/message.ts';
import { buildKeyboard, type ViberKeyboard } from './keyboard.ts';

export const MAX_TEXT_LENGTH = 7000;
export const MAX_TRACKING_DATA = 4000;

export interface RenderOptions {
  readonly senderName: string;
  readonly senderAvatar?: string | undefined;
  readonly minApiVersion: number;
}

/** A send_message body without its receiver; as such it is also the conversation_started welcome. */
export interface ViberTextMessage {
  readonly sender: { readonly name: string; readonly avatar?: string };
  readonly type: 'text';
  readonly text: string;
  readonly min_api_version: number;
  readonly tracking_data?: string;
  readonly keyboard?: ViberKeyboard;
}

export interface RenderedMessage {
  readonly messageId: string;
  readonly bodies: readonly ViberTextMessage[];
}

/** The reply's text followed by its phone numbers, one a line. */
export function replyText(reply: Reply): string {
  const lines = [reply.text, ...(reply.callables ?? []).map((callable) => `☎ ${callable.label}`)];
  return lines.join('\n');
}

function cutPoint(window: string, max: number): number {
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at > max / 2) return at;
  }
  // No good break: cut hard, but never between the two halves of a surrogate pair.
  const code = window.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** Pieces of at most `max` characters, split at a paragraph, line or word where one is near the end. */
export function splitText(text: string, max = MAX_TEXT_LENGTH): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = Math.max(1, cutPoint(rest.slice(0, max), max));
    const piece = rest.slice(0, cut).trimEnd();
    if (piece !== '') pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** The keyboard of a group of replies: the newest choices, and every link. */
function keyboardOf(replies: readonly Reply[]): ViberKeyboard | undefined {
  const choices = [...replies].reverse().find((reply) => reply.choices?.length)?.choices ?? [];
  const links = new Map<string, Link>();
  for (const reply of replies) for (const link of reply.links ?? []) links.set(link.url, link);
  return buildKeyboard(choices, [...links.values()]);
}

function message(text: string, options: RenderOptions, trackingData: string | undefined, keyboard: ViberKeyboard | undefined): ViberTextMessage {
  return {
    sender: { name: options.senderName, ...(options.senderAvatar ? { avatar: options.senderAvatar } : {}) },
    type: 'text',
    text,
    min_api_version: options.minApiVersion,
    ...(trackingData ? { tracking_data: trackingData.slice(0, MAX_TRACKING_DATA) } : {}),
    ...(keyboard ? { keyboard } : {}),
  };
}

/** One turn's stored replies, in order; the last Viber message carries the keyboard. */
export function renderTurn(messages: readonly OutboundMessage[], options: RenderOptions): RenderedMessage[] {
  const keyboard = keyboardOf(messages.map((m) => m.reply));
  return messages.map((outbound, index) => {
    const pieces = splitText(replyText(outbound.reply));
    const last = index === messages.length - 1;
    // tracking_data comes back with the person's next message; the stored message id is all it needs to hold.
    const bodies = pieces.map((piece, i) => message(piece, options, outbound.messageId || undefined, last && i === pieces.length - 1 ? keyboard : undefined));
    return { messageId: outbound.messageId, bodies };
  });
}

/**
 * The conversation_started welcome: Viber allows exactly one message there, so the start turn's replies
 * (greeting, privacy notice, menu) become one text with the menu keyboard. Cut at the limit if ever too long.
 */
export function renderWelcome(messages: readonly OutboundMessage[], options: RenderOptions): ViberTextMessage {
  const text = messages.map((m) => replyText(m.reply)).join('\n\n');
  return message(splitText(text)[0] ?? '', options, messages.at(-1)?.messageId || undefined, keyboardOf(messages.map((m) => m.reply)));
}
