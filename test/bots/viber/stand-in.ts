// A local stand-in for the Viber REST API (node:http on 127.0.0.1, random port) that records every request and
// answers like Viber: HTTP 200 with a status, and 64-bit message tokens written as bare JSON numbers.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RecordedRequest {
  readonly endpoint: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  readonly body: Record<string, unknown>;
}

/** One programmed answer: a Viber status (HTTP 200), an HTTP error, or raw text. */
export type Answer = { readonly status: number } | { readonly http: number } | { readonly raw: string };

export interface StandIn {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** send_message bodies, in order. */
  sent(): Record<string, unknown>[];
  /** Answers for the next calls to `endpoint`, in order; afterwards the default success. */
  answer(endpoint: string, ...answers: Answer[]): void;
  /** Tokens the stand-in gave out, as written. */
  readonly tokens: string[];
  /** Waits (bounded) until at least `count` send_message requests arrived. */
  waitForSent(count: number, timeoutMs?: number): Promise<Record<string, unknown>[]>;
  reset(): void;
  close(): Promise<void>;
}

// Above 2^53, so a double would round it: the first token is 2^63 - 101.
const FIRST_TOKEN = 9223372036854775707n;

export async function startStandIn(): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const tokens: string[] = [];
  const queued = new Map<string, Answer[]>();
  let next = FIRST_TOKEN;

  const success = (endpoint: string): string => {
    if (endpoint === 'send_message') {
      const token = String(next++);
      tokens.push(token);
      return `{"status":0,"status_message":"ok","message_token":${token},"chat_hostname":"SN-CHAT-05_"}`;
    }
    if (endpoint === 'get_account_info') {
      return JSON.stringify({
        status: 0,
        status_message: 'ok',
        id: 'pa:75346594275468546724',
        name: 'Punte',
        uri: 'punte',
        webhook: 'https://example.org/webhooks/viber',
        event_types: ['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed', 'conversation_started'],
        subscribers_count: 42,
        members: [{ id: 'ADMIN-ID-01234567==', name: 'Admin Person', avatar: 'https://example.org/a.jpg', role: 'admin' }],
      });
    }
    if (endpoint === 'set_webhook') {
      const body = requests.at(-1)?.body;
      return JSON.stringify({ status: 0, status_message: 'ok', chat_hostname: 'SN-CHAT-05_', event_types: body?.event_types ?? [] });
    }
    return '{"status":0,"status_message":"ok"}';
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const endpoint = (request.url ?? '').replace(/^\/pa\//, '').replace(/^\//, '');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        // recorded as is
      }
      requests.push({ endpoint, headers: request.headers, raw, body });
      const answer = queued.get(endpoint)?.shift();
      if (answer && 'http' in answer) {
        response.writeHead(answer.http, { 'content-type': 'text/plain' }).end('unavailable');
        return;
      }
      const text = !answer ? success(endpoint) : 'raw' in answer ? answer.raw : `{"status":${answer.status},"status_message":"programmed failure"}`;
      response.writeHead(200, { 'content-type': 'application/json' }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const sent = () => requests.filter((r) => r.endpoint === 'send_message').map((r) => r.body);
  return {
    url: `http://127.0.0.1:${port}/pa`,
    requests,
    tokens,
    sent,
    answer(endpoint, ...answers) {
      queued.set(endpoint, [...(queued.get(endpoint) ?? []), ...answers]);
    },
    async waitForSent(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (sent().length < count && Date.now() < deadline) await sleep(10);
      return sent();
    },
    reset() {
      requests.length = 0;
      queued.clear();
    },
    close() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
