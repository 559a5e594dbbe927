// The long-polling loop with a recording Bot API: order and offsets, a pause after empty answers (an emulator or
// a self-hosted server may not wait), retries of a failing update, and a refused token.
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../bots/telegram/bot.ts';
import { Poller } from '../../../bots/telegram/polling.ts';
import { createLogger } from '../../../core/log.ts';
import { fakeApi, type FakeApi } from './fake-api.ts';
import { textUpdate } from './updates.ts';
import { waitFor } from './emulator.ts';

const config = { token: 't', mode: 'polling', webhookSecret: undefined, apiRoot: 'http://127.0.0.1:9', silent: false, publicUrl: undefined } as const;
let poller: Poller | undefined;
afterEach(() => poller?.stop());

function setup(batches: unknown[][], handle: (update: Update) => Promise<void>, options: { idleMs?: number } = {}) {
  const fake: FakeApi = fakeApi();
  const queue = [...batches];
  fake.answer('getUpdates', () => ({ ok: true, result: queue.shift() ?? [] }));
  const api = createApi(config);
  api.config.use(fake.transformer);
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(JSON.parse(line)) } as unknown as NodeJS.WritableStream });
  poller = new Poller({ api, handle, log, idleMs: options.idleMs ?? 10, retryDelayMs: 5 });
  return { fake, lines };
}

describe('Poller', () => {
  it('hands updates over in order and confirms them with the next offset', async () => {
    const a = textUpdate('a');
    const b = textUpdate('b');
    const seen: number[] = [];
    const { fake } = setup([[a, b]], async (update) => void seen.push(update.update_id));
    poller!.start();
    await waitFor(() => fake.of('getUpdates').length >= 2, 'a second getUpdates');
    expect(seen).toEqual([a.update_id, b.update_id]);
    const [first, second] = fake.of('getUpdates');
    expect(first).toMatchObject({ timeout: 25, allowed_updates: ['message', 'callback_query', 'my_chat_member'] });
    expect(first!.offset).toBeUndefined();
    expect(second!.offset).toBe(b.update_id + 1);
  });

  it('pauses after an empty answer instead of asking again at once', async () => {
    const { fake } = setup([], async () => {}, { idleMs: 60_000 });
    poller!.start();
    await waitFor(() => fake.of('getUpdates').length >= 1, 'the first getUpdates');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.of('getUpdates')).toHaveLength(1);
    // Stopping cuts the pause short.
    await poller!.stop();
  });

  it('tries a failing update a few times, then skips it so other chats go on', async () => {
    const bad = textUpdate('bad');
    const good = textUpdate('good');
    const tries: number[] = [];
    const { fake, lines } = setup([[bad, good]], async (update) => {
      tries.push(update.update_id);
      if (update.update_id === bad.update_id) throw new Error('boom');
    });
    poller!.start();
    await waitFor(() => fake.of('getUpdates').length >= 2, 'polling to go on');
    expect(tries).toEqual([bad.update_id, bad.update_id, bad.update_id, good.update_id]);
    expect(lines.find((line) => line.msg === 'telegram update skipped after repeated failures')).toMatchObject({ updateId: bad.update_id, attempts: 3 });
  });

  it('backs off after a failed getUpdates and stops for good when the token is refused', async () => {
    const { fake, lines } = setup([], async () => {});
    let calls = 0;
    fake.answer('getUpdates', () => {
      calls += 1;
      return calls === 1 ? { ok: false, error_code: 502, description: 'Bad Gateway' } : { ok: false, error_code: 401, description: 'Unauthorized' };
    });
    poller!.start();
    await waitFor(() => lines.some((line) => String(line.msg).startsWith('telegram refused the bot token')), 'the refusal');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(2);
    expect(lines.some((line) => line.msg === 'telegram getUpdates failed; retrying')).toBe(true);
  });
});
