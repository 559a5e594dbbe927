// A conversation over the webhook, in process: menus as inline keyboards, button presses, language, media, phone
// numbers, silent messages, and the sender the core uses to reach a person later.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHarness, type Harness } from './harness.ts';
import { CHAT_ID, callbackUpdate, mediaUpdate, textUpdate } from './updates.ts';

type Keyboard = { text: string; callback_data?: string; url?: string }[][];
const keyboardOf = (payload: Record<string, unknown> | undefined): Keyboard =>
  ((payload?.reply_markup as { inline_keyboard?: Keyboard } | undefined)?.inline_keyboard ?? []);

let h: Harness;
// Closing twice is harmless: tests that build no harness of their own leave the last one here.
afterEach(() => h?.close());

describe('a conversation over the webhook', () => {
  beforeEach(async () => {
    h = await createHarness();
  });

  it('/start greets in the language of the app the first time and shows the menu as an inline keyboard', async () => {
    await h.post(textUpdate('/start', { languageCode: 'ru' }));
    const sent = h.api.of('sendMessage');
    expect(sent).toHaveLength(3);
    expect(String(sent[0]!.text)).toMatch(/^Здравствуйте/);
    expect(sent[2]!.text).toBe('Что Вы хотите сделать?');
    const keyboard = keyboardOf(sent[2]);
    expect(keyboard.length).toBeGreaterThanOrEqual(7);
    for (const row of keyboard) {
      expect(row).toHaveLength(1);
      expect(Buffer.byteLength(row[0]!.callback_data!, 'utf8')).toBeLessThanOrEqual(64);
    }
    for (const message of sent) {
      expect(message.chat_id).toBe(CHAT_ID);
      expect(message.link_preview_options).toEqual({ is_disabled: true });
      expect(message.disable_notification).toBeUndefined();
      expect(message.parse_mode).toBeUndefined();
    }
    // Later hints do not change the language; the person's choice does (the core's rule).
    await h.post(textUpdate('/menu', { languageCode: 'en' }));
    expect(h.sentTexts().at(-1)).toBe('Что Вы хотите сделать?');
  });

  it('a button press is answered at once and moves the conversation on', async () => {
    await h.post(textUpdate('/start', { languageCode: 'en' }));
    const menu = keyboardOf(h.api.of('sendMessage').at(-1));
    const privacy = menu.flat().find((button) => button.text === 'Privacy')!;
    const before = h.api.calls.length;
    const press = callbackUpdate(privacy.callback_data!, { keyboard: menu as { text: string; callback_data: string }[][] });
    expect((await h.post(press)).statusCode).toBe(200);
    const calls = h.api.calls.slice(before);
    expect(calls[0]).toEqual({ method: 'answerCallbackQuery', payload: { callback_query_id: press.callback_query.id } });
    expect(h.sentTexts(before)[0]).toMatch(/^What is kept:/);
    // The transcript keeps the words on the button.
    const inbound = await h.runtime.db.message.findFirst({ where: { direction: 'in', kind: 'choice' } });
    expect(h.runtime.cipher.decrypt(inbound!.textEnc!)).toBe('Privacy');
  });

  it('a callback is answered even when it carries nothing the bot can use', async () => {
    const press = callbackUpdate('x');
    const { data: _data, ...query } = press.callback_query;
    await h.post({ ...press, callback_query: query });
    expect(h.api.calls.map((call) => call.method)).toEqual(['answerCallbackQuery']);
  });

  it('the same update delivered twice is processed once', async () => {
    const update = textUpdate('/start', { languageCode: 'en' });
    await h.post(update);
    const count = h.sentTexts().length;
    expect((await h.post(update)).statusCode).toBe(200);
    expect(h.sentTexts()).toHaveLength(count);
    expect(await h.runtime.db.message.count({ where: { direction: 'in' } })).toBe(1);
  });

  it.each(['sticker', 'photo', 'voice'] as const)('a %s gets a short, kind answer and the question again', async (field) => {
    await h.post(textUpdate('/start', { languageCode: 'en' }));
    const before = h.api.calls.length;
    expect((await h.post(mediaUpdate(field))).statusCode).toBe(200);
    const texts = h.sentTexts(before);
    expect(texts[0]).toBe(h.runtime.translator.t('en', 'common:unsupported'));
    expect(keyboardOf(h.api.of('sendMessage').at(-1)).length).toBeGreaterThan(0);
  });

  it('phone numbers are text lines, never buttons', async () => {
    await h.post(textUpdate('/start', { languageCode: 'en' }));
    await h.post(textUpdate('/help'));
    const help = h.api.of('sendMessage').find((message) => String(message.text).includes('☎'))!;
    expect(String(help.text)).toContain('112');
    expect(JSON.stringify(keyboardOf(help))).not.toContain('112');
  });
});

describe('the sender: the core reaches a person later', () => {
  it('sends stored replies in order and reports their message ids', async () => {
    h = await createHarness();
    const reported: [string, readonly string[]][] = [];
    await h.channel.sender.send(String(CHAT_ID), [
      { messageId: 'm1', reply: { text: 'Hello, this is Elena from the centre.' } },
      { messageId: 'm2', reply: { text: 'x'.repeat(5000) } },
    ], async (messageId, ids) => void reported.push([messageId, ids]));
    expect(h.sentTexts()[0]).toBe('Hello, this is Elena from the centre.');
    expect(reported).toEqual([
      ['m1', ['1001']],
      ['m2', ['1002', '1003']],
    ]);
  });

  it('throws when Telegram refuses, so the replies stay undelivered', async () => {
    h = await createHarness();
    h.api.answer('sendMessage', () => ({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }));
    const delivered = vi.fn(async () => {});
    await expect(h.channel.sender.send(String(CHAT_ID), [{ messageId: 'm1', reply: { text: 'hi' } }], delivered)).rejects.toThrow(/403/);
    expect(delivered).not.toHaveBeenCalled();
  });
});

describe('a person who blocks the bot', () => {
  it('is never written to later, until they start the bot again', async () => {
    h = await createHarness();
    await h.post(textUpdate('/start', { languageCode: 'en' }));
    const membership = (status: 'kicked' | 'member') => ({
      update_id: 990000 + (status === 'kicked' ? 1 : 2),
      my_chat_member: {
        chat: { id: CHAT_ID, type: 'private', first_name: 'Ana' },
        from: { id: CHAT_ID, is_bot: false, first_name: 'Ana' },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { user: { id: 424242, is_bot: true, first_name: 'Punte' }, status: status === 'kicked' ? 'member' : 'kicked' },
        new_chat_member: { user: { id: 424242, is_bot: true, first_name: 'Punte' }, status, ...(status === 'kicked' ? { until_date: 0 } : {}) },
      },
    });
    expect((await h.post(membership('kicked'))).statusCode).toBe(200);
    const before = h.api.of('sendMessage').length;
    const delivered = vi.fn(async () => {});
    await expect(h.channel.sender.send(String(CHAT_ID), [{ messageId: 'm1', reply: { text: 'hi' } }], delivered)).rejects.toThrow(/blocked the bot/);
    expect(h.api.of('sendMessage')).toHaveLength(before);
    await h.post(membership('member'));
    await h.channel.sender.send(String(CHAT_ID), [{ messageId: 'm1', reply: { text: 'hi' } }], delivered);
    expect(h.sentTexts().at(-1)).toBe('hi');
  });
});

describe('discretion', () => {
  it('TELEGRAM_SILENT sends every message without a notification sound', async () => {
    h = await createHarness({ config: { silent: true } });
    await h.post(textUpdate('/start', { languageCode: 'en' }));
    const sent = h.api.of('sendMessage');
    expect(sent.length).toBe(3);
    expect(sent.every((message) => message.disable_notification === true)).toBe(true);
  });
});
