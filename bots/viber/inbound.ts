// Viber callbacks as core inbounds. A pressed keyboard button comes back as a text message whose text is the
// button's ActionBody, which Punte sets to the choice's payload ("flow/node/option" or "cmd:name").
import { MAX_PAYLOAD_BYTES, parseCommandPayload, parseOptionPayload } from '../../core/flow/payload.ts';
import { localeFromTag } from '../../core/locales.ts';
import type { Inbound, InboundKind } from '../../core/message.ts';
import type { ViberCallback } from './parse.ts';

export const VIBER_CHANNEL = 'viber';

/** Message types Viber documents besides text; each gets the core's kind answer. */
const KIND_OF_TYPE: Readonly<Record<string, InboundKind>> = {
  picture: 'media',
  video: 'media',
  file: 'media',
  sticker: 'media',
  contact: 'contact',
  location: 'unsupported',
  url: 'unsupported',
};

/**
 * Whether a message text is a button's ActionBody: one of the core's payload shapes, which never hold spaces. A
 * person who types such a string gets what an old button gets: the core follows it or asks again.
 */
export function isPayload(text: string): boolean {
  if (text === '' || /\s/.test(text) || Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) return false;
  const command = parseCommandPayload(text);
  return command !== undefined ? command !== '' : parseOptionPayload(text) !== undefined;
}

type MessageCallback = Extract<ViberCallback, { event: 'message' }>;
type StartCallback = Extract<ViberCallback, { event: 'conversation_started' }>;

export function messageToInbound(callback: MessageCallback, now: Date): Inbound {
  const localeHint = localeFromTag(callback.sender.language);
  const base = {
    channel: VIBER_CHANNEL,
    channelUserId: callback.sender.id,
    externalId: callback.token,
    channelMessageId: callback.token,
    receivedAt: callback.timestamp !== undefined && Number.isFinite(callback.timestamp) ? new Date(callback.timestamp) : now,
    ...(localeHint ? { localeHint } : {}),
  };
  const { type, text } = callback.message;
  if (type === 'text' && text !== undefined) {
    return isPayload(text) ? { ...base, kind: 'choice', payload: text } : { ...base, kind: 'text', text };
  }
  return { ...base, kind: KIND_OF_TYPE[type] ?? 'unsupported' };
}

/** Opening the chat runs the core's start for this person; its replies become the welcome message. */
export function startToInbound(callback: StartCallback, now: Date): Inbound {
  const localeHint = localeFromTag(callback.user.language);
  return {
    channel: VIBER_CHANNEL,
    channelUserId: callback.user.id,
    externalId: callback.token,
    kind: 'start',
    receivedAt: now,
    ...(localeHint ? { localeHint } : {}),
  };
}
