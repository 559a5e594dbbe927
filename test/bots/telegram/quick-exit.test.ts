// Quick exit and "forget" on Telegram, in process: both sides deleted within the 48-hour window, the fallback when
// deleteMessages is missing, and the note when older messages remain.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.ts';
import { CHAT_ID, callbackUpdate, textUpdate } from './updates.ts';

type Keyboard = { text: string; callback_data?: string; url?: string }[][];
const keyboardOf = (payload: Record<string, unknown> | undefined): Keyboard =>
  ((payload?.reply_markup as { inline_keyboard?: Keyboard } | undefined)?.inline_keyboard ?? []);

let h: Harness;
// Closing twice is harmless: tests that build no harness of their own leave the last one here.
afterEach(() => h?.close());

describe('quick exit', () => {
  let clock: Date;
  beforeEach(async () => {
    clock = new Date('2026-11-29T10:00:00Z');
    h = await createHarness({ now: () => clock });
  });

  const shownIds = (h: Harness) =>
    h.api.calls.flatMap((call, index) => (call.method === 'sendMessage' ? [1001 + h.api.calls.slice(0, index).filter((c) => c.method === 'sendMessage').length] : []));

  it('deletes both sides of the conversation, including the exit message, then answers neutrally', async () => {
    const start = textUpdate('/start', { languageCode: 'en' });
    await h.post(start);
    const privacy = textUpdate('7');
    await h.post(privacy);
    const botIds = shownIds(h);
    const exit = textUpdate('exit');
    await h.post(exit);

    const deletion = h.api.of('deleteMessages');
    expect(deletion).toHaveLength(1);
    expect(deletion[0]!.chat_id).toBe(CHAT_ID);
    expect([...(deletion[0]!.message_ids as number[])].sort((a, b) => a - b)).toEqual(
      [start.message.message_id, privacy.message.message_id, exit.message.message_id, ...botIds].sort((a, b) => a - b),
    );
    const methods = h.api.calls.map((call) => call.method);
    expect(methods.lastIndexOf('deleteMessages')).toBeLessThan(methods.lastIndexOf('sendMessage'));
    expect(h.sentTexts().at(-1)).toBe('All done. Have a nice day! 🌼');

    // The neutral answer is all that is left; a second exit removes it.
    await h.post(textUpdate('exit'));
    expect(h.api.of('deleteMessages')[1]!.message_ids).toHaveLength(2);
  });

  it('falls back to deleteMessage one by one where deleteMessages is missing', async () => {
    h.api.answer('deleteMessages', () => ({ ok: false, error_code: 404, description: 'Not Found' }));
    await h.post(textUpdate('/start', { languageCode: 'en' }));
    await h.post(textUpdate('/exit'));
    // /start, its three replies, and /exit.
    expect(h.api.of('deleteMessage')).toHaveLength(5);
    expect(h.sentTexts().at(-1)).toBe('All done. Have a nice day! 🌼');
  });

  it('leaves messages older than 48 hours and tells the person, in their language', async () => {
    await h.post(textUpdate('/start', { languageCode: 'uk' }));
    const oldIds = shownIds(h);
    clock = new Date(clock.getTime() + 49 * 3_600_000);
    await h.post(textUpdate('/menu'));
    await h.post(textUpdate('вихід'));
    const ids = h.api.of('deleteMessages')[0]!.message_ids as number[];
    for (const id of oldIds) expect(ids).not.toContain(id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const last = h.sentTexts().at(-1)!;
    expect(last.split('\n')[0]).toBe('Готово. Гарного дня! 🌼');
    expect(last).toContain(h.runtime.translator.t('uk', 'common:exit.olderRemain'));
  });

  it('"forget" deletes the data and the visible messages, the confirmation included', async () => {
    await h.post(textUpdate('/start', { languageCode: 'en' }));
    await h.post(textUpdate('/forget'));
    const confirm = h.api.of('sendMessage').at(-1)!;
    const yes = keyboardOf(confirm)[0]![0]!;
    const confirmId = shownIds(h).at(-1)!;
    await h.post(callbackUpdate(yes.callback_data!, { messageId: confirmId }));
    expect(h.api.of('deleteMessages')[0]!.message_ids).toContain(confirmId);
    expect(h.sentTexts().at(-1)).toMatch(/^Done\. Everything you wrote here has been deleted/);
    expect(await h.runtime.db.contact.count()).toBe(0);
  });
});

