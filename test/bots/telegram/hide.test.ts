// Quick exit's deletion plan (Telegram's 48-hour window) and the deleter (batches, fallback when missing).
import { describe, expect, it } from 'vitest';
import { createBot } from '../../../bots/telegram/bot.ts';
import { MessageDeleter, planDeletion } from '../../../bots/telegram/hide.ts';
import { createLogger } from '../../../core/log.ts';
import { BOT_INFO, fakeApi } from './fake-api.ts';

const now = new Date('2026-11-29T12:00:00Z');
const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const silent = createLogger({ level: 'silent' });
const config = { token: 't', mode: 'polling', webhookSecret: undefined, apiRoot: 'http://127.0.0.1:1', silent: false, publicUrl: undefined } as const;

describe('planDeletion', () => {
  it('deletes what is younger than 48 hours, plus the exit message itself, once each', () => {
    const plan = planDeletion(
      [
        { channelMessageId: '10', createdAt: ago(1) },
        { channelMessageId: '11', createdAt: ago(30) },
        { channelMessageId: '11', createdAt: ago(30) },
        { channelMessageId: 'not-a-number', createdAt: ago(1) },
      ],
      ['12'],
      now,
    );
    expect(plan).toEqual({ ids: [10, 11, 12], olderRemain: false });
  });

  it('leaves messages older than 48 hours and says so; near the limit it warns too', () => {
    expect(planDeletion([{ channelMessageId: '1', createdAt: ago(49) }, { channelMessageId: '2', createdAt: ago(2) }], [], now)).toEqual({ ids: [2], olderRemain: true });
    expect(planDeletion([{ channelMessageId: '3', createdAt: ago(47.5) }], [], now)).toEqual({ ids: [3], olderRemain: true });
  });
});

describe('MessageDeleter', () => {
  it('uses deleteMessages in batches of at most 100', async () => {
    const api = fakeApi();
    const bot = createBot(config, BOT_INFO);
    bot.api.config.use(api.transformer);
    await new MessageDeleter(silent).delete(bot.api, 5, Array.from({ length: 250 }, (_, i) => i + 1));
    expect(api.of('deleteMessages').map((call) => (call.message_ids as number[]).length)).toEqual([100, 100, 50]);
    expect(api.of('deleteMessage')).toEqual([]);
  });

  it('falls back to deleteMessage one by one where deleteMessages is missing, and remembers it', async () => {
    const api = fakeApi();
    api.answer('deleteMessages', () => ({ ok: false, error_code: 404, description: 'Not Found' }));
    // One message cannot be deleted any more: the others still go.
    api.answer('deleteMessage', (payload) => (payload.message_id === 2 ? { ok: false, error_code: 400, description: "Bad Request: message can't be deleted" } : undefined));
    const bot = createBot(config, BOT_INFO);
    bot.api.config.use(api.transformer);
    const deleter = new MessageDeleter(silent);
    await deleter.delete(bot.api, 5, [1, 2, 3]);
    expect(api.of('deleteMessage').map((call) => call.message_id)).toEqual([1, 2, 3]);
    await deleter.delete(bot.api, 5, [4]);
    expect(api.of('deleteMessages')).toHaveLength(1);
    expect(api.of('deleteMessage').map((call) => call.message_id)).toEqual([1, 2, 3, 4]);
  });

  it('an emulator answering without a Bot API error code counts as missing too', async () => {
    const api = fakeApi();
    api.answer('deleteMessages', () => ({ ok: false }));
    const bot = createBot(config, BOT_INFO);
    bot.api.config.use(api.transformer);
    await new MessageDeleter(silent).delete(bot.api, 5, [7]);
    expect(api.of('deleteMessage')).toEqual([{ chat_id: 5, message_id: 7 }]);
  });
});
