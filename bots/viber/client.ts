// The few Viber REST calls Punte makes, with global fetch. Viber reports most errors as HTTP 200 with a non-zero
// `status`; each becomes a ViberApiError whose message says what to do. Rate limits and unavailability are
// retried a bounded number of times with exponential back-off.
import { setTimeout as sleep } from 'node:timers/promises';
import { topLevelInteger } from './json-integer.ts';

/** Viber's documented status codes (send_message and friends). */
export const VIBER_STATUS: Readonly<Record<number, string>> = {
  0: 'ok',
  1: 'invalidUrl',
  2: 'invalidAuthToken',
  3: 'badData',
  4: 'missingData',
  5: 'receiverNotRegistered',
  6: 'receiverNotSubscribed',
  7: 'publicAccountBlocked',
  8: 'publicAccountNotFound',
  9: 'publicAccountSuspended',
  10: 'webhookNotSet',
  11: 'receiverNoSuitableDevice',
  12: 'tooManyRequests',
  13: 'apiVersionNotSupported',
  14: 'incompatibleWithVersion',
};

export type ViberProblem = 'notSubscribed' | 'rateLimited' | 'badToken' | 'noWebhook' | 'unavailable' | 'refused';

export class ViberApiError extends Error {
  constructor(
    readonly endpoint: string,
    /** Viber's status code, or null when no Viber answer was read (network, HTTP error). */
    readonly status: number | null,
    readonly problem: ViberProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ViberApiError';
  }

  get statusName(): string {
    return this.status === null ? 'none' : (VIBER_STATUS[this.status] ?? 'generalError');
  }
}

function problemOf(status: number): ViberProblem {
  if (status === 5 || status === 6) return 'notSubscribed';
  if (status === 12) return 'rateLimited';
  if (status === 2) return 'badToken';
  if (status === 10) return 'noWebhook';
  return 'refused';
}

/** Messages name the cause and the fix; they never quote Viber's status_message, which may echo a request. */
function explain(endpoint: string, status: number): string {
  switch (status) {
    case 1:
      return `Viber refused the webhook URL (status 1): it must be public https with a trusted certificate, and answer Viber's check`;
    case 2:
      return 'Viber refused the auth token (status 2): check VIBER_AUTH_TOKEN';
    case 5:
    case 6:
      return `the person is not subscribed to the bot (status ${status}): nothing is sent until they write again`;
    case 10:
      return 'no webhook is set for this bot (status 10): run `npx punte viber setup`';
    case 12:
      return 'Viber rate limit reached (status 12)';
    case 13:
    case 14:
      return `the person's Viber app is too old for this message (status ${status}): see VIBER_MIN_API_VERSION`;
    default:
      return `Viber refused ${endpoint} (status ${status}: ${VIBER_STATUS[status] ?? 'generalError'})`;
  }
}

export interface ViberApiOptions {
  readonly apiRoot: string;
  readonly authToken: string;
  /** Tries per call when rate limited or unavailable. */
  readonly maxAttempts?: number;
  /** First back-off; doubles on each further try. */
  readonly retryDelayMs?: number;
  readonly timeoutMs?: number;
}

export interface ViberAnswer {
  readonly json: Record<string, unknown>;
  /** The answer as text, for exact 64-bit numbers. */
  readonly text: string;
}

export interface ViberApi {
  call(endpoint: string, body: Record<string, unknown>): Promise<ViberAnswer>;
  /** Sends one message; resolves with its message_token, digit for digit. */
  sendMessage(body: Record<string, unknown>): Promise<string | undefined>;
  setWebhook(url: string, eventTypes: readonly string[]): Promise<ViberAnswer>;
  getAccountInfo(): Promise<ViberAnswer>;
}

export function createViberApi(options: ViberApiOptions): ViberApi {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function attempt(endpoint: string, payload: string): Promise<ViberAnswer> {
    let response: Response;
    try {
      response = await fetch(`${options.apiRoot}/${endpoint}`, {
        method: 'POST',
        headers: { 'X-Viber-Auth-Token': options.authToken, 'Content-Type': 'application/json' },
        body: payload,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // e.g. ECONNREFUSED, or TimeoutError after timeoutMs.
      const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
      const reason = typeof cause === 'string' ? cause : error instanceof Error ? error.name : 'error';
      throw new ViberApiError(endpoint, null, 'unavailable', `Viber could not be reached for ${endpoint} (${reason})`);
    }
    const text = await response.text();
    if (response.status === 429 || response.status >= 500) {
      throw new ViberApiError(endpoint, null, 'unavailable', `Viber answered ${endpoint} with HTTP ${response.status}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok || typeof json !== 'object' || json === null || typeof (json as { status?: unknown }).status !== 'number') {
      throw new ViberApiError(endpoint, null, 'refused', `Viber answered ${endpoint} with HTTP ${response.status} and no status`);
    }
    const status = (json as { status: number }).status;
    if (status !== 0) throw new ViberApiError(endpoint, status, problemOf(status), explain(endpoint, status));
    return { json: json as Record<string, unknown>, text };
  }

  async function call(endpoint: string, body: Record<string, unknown>): Promise<ViberAnswer> {
    const payload = JSON.stringify(body);
    let last: ViberApiError | undefined;
    for (let tries = 1; tries <= maxAttempts; tries += 1) {
      try {
        return await attempt(endpoint, payload);
      } catch (error) {
        const retryable = error instanceof ViberApiError && (error.problem === 'rateLimited' || error.problem === 'unavailable');
        if (!retryable) throw error;
        last = error;
        if (tries < maxAttempts) await sleep(retryDelayMs * 2 ** (tries - 1));
      }
    }
    last!.message += ` (gave up after ${maxAttempts} tries)`;
    throw last!;
  }

  return {
    call,
    async sendMessage(body) {
      const answer = await call('send_message', body);
      return topLevelInteger(answer.text, 'message_token');
    },
    setWebhook(url, eventTypes) {
      // Punte needs neither names nor photos: asking for none keeps them out of every callback.
      return call('set_webhook', { url, event_types: eventTypes, send_name: false, send_photo: false });
    },
    getAccountInfo() {
      return call('get_account_info', {});
    },
  };
}
