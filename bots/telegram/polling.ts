// Long polling without grammY's bot.start(): after an empty answer it pauses briefly (a self-hosted server or
// an emulator may answer at once instead of waiting), backs off on errors, and retries a failing update a few
// times before skipping it, so one broken update cannot stop every chat.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../core/log.ts';
import { describeFailure, errorCode } from './errors.ts';
import { ALLOWED_UPDATES, POLL_ERROR_BACKOFF_MS, POLL_IDLE_MS, POLL_TIMEOUT_SECONDS, POLL_UPDATE_ATTEMPTS } from './limits.ts';

export interface PollerOptions {
  /** An Api whose timeout allows the long-poll wait. */
  readonly api: Api;
  readonly handle: (update: Update) => Promise<void>;
  /** Runs once before the first getUpdates (grammY's getMe), retried like getUpdates. */
  readonly init?: (signal: AbortSignal) => Promise<void>;
  readonly log: Logger;
  readonly idleMs?: number;
  /** First pause after a failure; it doubles up to POLL_ERROR_BACKOFF_MS.max. */
  readonly retryDelayMs?: number;
  readonly timeoutSeconds?: number;
}

export class Poller {
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: PollerOptions) {}

  start(): void {
    if (this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = this.loop(controller.signal).catch((error: unknown) => {
      this.options.log.error({ failure: describeFailure(error) }, 'telegram polling stopped');
    });
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
    this.running = undefined;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const { api, log } = this.options;
    const idleMs = this.options.idleMs ?? POLL_IDLE_MS;
    const timeout = this.options.timeoutSeconds ?? POLL_TIMEOUT_SECONDS;
    let offset: number | undefined;
    const firstDelay = this.options.retryDelayMs ?? POLL_ERROR_BACKOFF_MS.first;
    let backoff = firstDelay;
    let initialised = this.options.init === undefined;

    while (!signal.aborted) {
      let updates: Update[];
      try {
        if (!initialised) {
          await this.options.init!(signal);
          initialised = true;
        }
        updates = await api.getUpdates({ ...(offset !== undefined ? { offset } : {}), timeout, allowed_updates: [...ALLOWED_UPDATES] }, grammySignal(signal));
        backoff = firstDelay;
      } catch (error) {
        if (signal.aborted) return;
        const code = errorCode(error);
        if (code === 401 || code === 404) {
          log.error({ failure: describeFailure(error) }, 'telegram refused the bot token: polling stopped (check TELEGRAM_BOT_TOKEN)');
          return;
        }
        if (code === 409) {
          log.error('another process polls this bot, or a webhook is set (`npx punte telegram setup` with TELEGRAM_MODE=polling removes it)');
        } else {
          log.warn({ failure: describeFailure(error) }, 'telegram getUpdates failed; retrying');
        }
        const retryAfter = describeFailure(error).retryAfter;
        await pause(retryAfter !== undefined ? retryAfter * 1000 : backoff, signal);
        backoff = Math.min(backoff * 2, POLL_ERROR_BACKOFF_MS.max);
        continue;
      }
      if (updates.length === 0) {
        await pause(idleMs, signal);
        continue;
      }
      for (const update of updates) {
        // Not yet handled: left unconfirmed, so Telegram hands it over again at the next start.
        if (signal.aborted) return;
        await this.handleWithRetries(update, signal);
        offset = update.update_id + 1;
      }
    }
  }

  private async handleWithRetries(update: Update, signal: AbortSignal): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.options.handle(update);
        return;
      } catch (error) {
        if (attempt >= POLL_UPDATE_ATTEMPTS || signal.aborted) {
          this.options.log.error({ updateId: update.update_id, attempts: attempt }, 'telegram update skipped after repeated failures');
          return;
        }
        await pause((this.options.retryDelayMs ?? POLL_ERROR_BACKOFF_MS.first) * attempt, signal);
      }
    }
  }
}

/** grammY types its signals with an older shim; Node's own AbortSignal is what it receives at run time. */
export function grammySignal(signal: AbortSignal): Parameters<Api['getUpdates']>[1] {
  return signal as unknown as Parameters<Api['getUpdates']>[1];
}

/** Waits, or returns early when polling stops. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    // aborted: the loop checks the signal next
  }
}
