// A recording Bot API for in-process tests: installed with grammY's bot.api.config.use, it answers every call
// itself (nothing touches the network) and keeps what was asked, in order.
import type { Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';

export interface ApiCall {
  readonly method: string;
  readonly payload: Record<string, unknown>;
}

export type ApiAnswer = { ok: true; result: unknown } | { ok: false; error_code?: number; description?: string; parameters?: { retry_after?: number } };

export const BOT_INFO: UserFromGetMe = {
  id: 424242,
  is_bot: true,
  first_name: 'Punte',
  username: 'punte_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface FakeApi {
  readonly calls: ApiCall[];
  readonly transformer: Transformer;
  /** Calls of one method, in order. */
  of(method: string): Record<string, unknown>[];
  /** Answer a method differently (return undefined for the normal answer). */
  answer(method: string, respond: (payload: Record<string, unknown>) => ApiAnswer | undefined): void;
  clear(): void;
}

export function fakeApi(): FakeApi {
  const calls: ApiCall[] = [];
  const overrides = new Map<string, (payload: Record<string, unknown>) => ApiAnswer | undefined>();
  let nextMessageId = 1000;

  const normal = (method: string, payload: Record<string, unknown>): ApiAnswer => {
    if (method === 'sendMessage') {
      nextMessageId += 1;
      return {
        ok: true,
        result: { message_id: nextMessageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(payload.chat_id), type: 'private' }, text: payload.text },
      };
    }
    return { ok: true, result: true };
  };

  const transformer = (async (_prev: unknown, method: string, payload: unknown) => {
    const body = (payload ?? {}) as Record<string, unknown>;
    calls.push({ method, payload: structuredClone(body) });
    return overrides.get(method)?.(body) ?? normal(method, body);
  }) as unknown as Transformer;

  return {
    calls,
    transformer,
    of: (method) => calls.filter((call) => call.method === method).map((call) => call.payload),
    answer: (method, respond) => void overrides.set(method, respond),
    clear: () => {
      calls.length = 0;
      overrides.clear();
    },
  };
}
