// A Bot API server on 127.0.0.1 for tests that must go through grammY's whole client (HTTP, auto-retry) or run
// the command line: it records every call and answers like Telegram, or as the test says.
import Fastify from 'fastify';
import type { ApiAnswer, ApiCall } from './fake-api.ts';

export interface FakeBotApiServer {
  readonly url: string;
  readonly calls: ApiCall[];
  answer(method: string, respond: (payload: Record<string, unknown>) => ApiAnswer | undefined): void;
  close(): Promise<void>;
}

export async function startFakeBotApi(): Promise<FakeBotApiServer> {
  const calls: ApiCall[] = [];
  const overrides = new Map<string, (payload: Record<string, unknown>) => ApiAnswer | undefined>();
  let nextMessageId = 2000;
  const app = Fastify();
  app.post<{ Params: { method: string } }>('/:bot/:method', async (request, reply) => {
    const payload = (request.body ?? {}) as Record<string, unknown>;
    const { method } = request.params;
    calls.push({ method, payload });
    const answer = overrides.get(method)?.(payload) ?? normalAnswer(method, payload, () => ++nextMessageId);
    return reply.code(answer.ok ? 200 : (answer.error_code ?? 500)).send(answer);
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    calls,
    answer: (method, respond) => void overrides.set(method, respond),
    close: () => app.close(),
  };
}

function normalAnswer(method: string, payload: Record<string, unknown>, nextId: () => number): ApiAnswer {
  switch (method) {
    case 'sendMessage':
      return { ok: true, result: { message_id: nextId(), date: Math.floor(Date.now() / 1000), chat: { id: Number(payload.chat_id), type: 'private' }, text: payload.text } };
    case 'getWebhookInfo':
      return { ok: true, result: { url: 'https://punte.example.org/webhooks/telegram', has_custom_certificate: false, pending_update_count: 2, allowed_updates: ['message', 'callback_query', 'my_chat_member'] } };
    default:
      return { ok: true, result: true };
  }
}
