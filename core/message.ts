// The channel-agnostic message model: what adapters hand to the core, and what the core hands back.
import type { Locale } from './locales.ts';

export type InboundKind = 'start' | 'text' | 'choice' | 'contact' | 'media' | 'unsupported';

export interface Inbound {
  readonly channel: string;
  /** The channel's id for the person (chat id, Viber user id...). Never logged, stored only encrypted. */
  readonly channelUserId: string;
  /** The channel's id of this update, unique per channel: the de-duplication key. */
  readonly externalId: string;
  readonly kind: InboundKind;
  readonly text?: string;
  /** A pressed button's payload. */
  readonly payload?: string;
  /** The channel's idea of the person's language, used the first time only. */
  readonly localeHint?: Locale;
  /** A language the person explicitly asked for through the channel (e.g. `chat --lang`). */
  readonly localeChoice?: Locale;
  /** The channel's id of the person's message, kept so quick exit can delete it. */
  readonly channelMessageId?: string;
  readonly receivedAt: Date;
}

export interface Choice {
  readonly label: string;
  readonly payload: string;
}

export interface Link {
  readonly label: string;
  readonly url: string;
}

export interface Callable {
  readonly label: string;
  /** In international form, digits only after "+", or a short national number such as 112. */
  readonly phone: string;
}

export interface Reply {
  readonly text: string;
  readonly choices?: readonly Choice[];
  readonly links?: readonly Link[];
  readonly callables?: readonly Callable[];
}

/** A message the person can still see on their device, for quick exit. */
export interface VisibleMessage {
  readonly channelMessageId: string;
  readonly createdAt: Date;
}

/** A reply as stored: the adapter reports its channel message id back once it is sent. */
export interface OutboundMessage {
  readonly messageId: string;
  readonly reply: Reply;
}

export interface TurnResult {
  readonly duplicate: boolean;
  readonly contactId: string | null;
  readonly locale: Locale;
  readonly replies: readonly OutboundMessage[];
  /** Set when the person asked to hide the conversation (quick exit, forget). */
  readonly hideHistory: readonly VisibleMessage[] | null;
}

/** What a channel can do; one renderer degrades gracefully from it. */
export interface ChannelCapabilities {
  readonly maxButtons: number;
  readonly maxButtonLabelLength: number;
  readonly maxPayloadBytes: number;
  readonly maxTextLength: number;
  readonly canDeleteMessages: boolean;
  readonly canPushLater: boolean;
}
