// Telegram's limits and our timings, in one place (FACTS.md, "Channel facts": Telegram Bot API).
import type { ChannelCapabilities } from '../../core/message.ts';

export const TELEGRAM_CHANNEL = 'telegram';

/** sendMessage text, in UTF-16 code units (how the Bot API counts). */
export const MAX_TEXT_LENGTH = 4096;
export const MAX_CALLBACK_DATA_BYTES = 64;
/** deleteMessage works on messages younger than this. */
export const DELETE_WINDOW_MS = 48 * 60 * 60_000;
/**
 * The ages we store run a little behind Telegram's (recorded after sending or after a delayed webhook), so a
 * message this close to the window may already be out of reach: the person is told older ones may remain.
 */
export const DELETE_WINDOW_MARGIN_MS = 60 * 60_000;
/** deleteMessages takes 1-100 ids. */
export const DELETE_BATCH_SIZE = 100;

/** The updates the bot handles; setWebhook and getUpdates ask for these only. */
// my_chat_member tells when a person blocks the bot (or unblocks it): nobody who blocked it is written to.
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** One Bot API call never hangs longer than this. */
export const API_TIMEOUT_SECONDS = 10;
/**
 * 429 answers are retried twice at most and only when Telegram asks to wait 5 s or less; network and server
 * errors are not retried. So one call waits at most ~10 s extra, and a webhook request stays short.
 */
export const AUTO_RETRY = { maxRetryAttempts: 2, maxDelaySeconds: 5, rethrowHttpErrors: true, rethrowInternalServerErrors: true } as const;
/**
 * A webhook request is answered within this time (Telegram resends an update whose request fails or hangs).
 * When a turn takes longer the request fails (Telegram retries, the core drops the copy) and the turn goes on.
 */
export const WEBHOOK_TIMEOUT_MS = 25_000;

/** Long-poll wait asked of the Bot API; the polling client allows ten seconds more. */
export const POLL_TIMEOUT_SECONDS = 25;
/** Pause after an empty answer: a self-hosted server or an emulator may answer at once instead of waiting. */
export const POLL_IDLE_MS = 250;
export const POLL_ERROR_BACKOFF_MS = { first: 1_000, max: 30_000 } as const;
/** An update whose processing keeps failing is skipped after this many tries, so it cannot block every chat. */
export const POLL_UPDATE_ATTEMPTS = 3;

/** Processed update ids are remembered this long: Telegram keeps an undelivered update for 24 hours at most. */
export const PROCESSED_UPDATE_TTL_MS = 48 * 60 * 60_000;
export const PRUNE_EVERY_MS = 60 * 60_000;

export const TELEGRAM_CAPABILITIES: ChannelCapabilities = {
  maxButtons: 100,
  maxButtonLabelLength: 64,
  maxPayloadBytes: MAX_CALLBACK_DATA_BYTES,
  maxTextLength: MAX_TEXT_LENGTH,
  canDeleteMessages: true,
  canPushLater: true,
};
