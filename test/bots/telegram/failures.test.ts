// When things go wrong: a refused send, rate limits, a core that cannot store the turn; and logs that never
// carry message text or chat ids.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeBotApi } from './fake-server.ts';
import { createHarness, type Harness } from './harness.ts';
import { CHAT_ID, textUpdate } from './updates.ts';

let h: Harness;
// Closing twice is harmless: tests that build no harness of their own leave the last one here.
afterEach(() => h?.close());

describe('failures', () => {
  it('a refused send is logged without text or ids, answered 200, and the reply stays undelivered', async () => {
    h = await createHarness();
    h.api.answer('sendMessage', () => ({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }));
    const response = await h.post(textUpdate('my boss keeps my passport', { languageCode: 'en' }));
    expect(response.statusCode).toBe(200);
    const warning = h.runtime.logLines().find((line) => line.msg === 'telegram reply not delivered');
    expect(warning).toMatchObject({ failure: { method: 'sendMessage', code: 403 } });
    expect((await h.runtime.conversations.undelivered('telegram', String(CHAT_ID))).length).toBeGreaterThan(0);
    const logs = JSON.stringify(h.runtime.logLines());
    expect(logs).not.toContain('passport');
    expect(logs).not.toContain(String(CHAT_ID));
  });

  it('a 429 with a short retry_after is retried; a long one fails at once instead of holding the webhook', async () => {
    // Through grammY's whole client (HTTP and auto-retry) to a Bot API on 127.0.0.1.
    const server = await startFakeBotApi();
    try {
      h = await createHarness({ config: { apiRoot: server.url }, record: false });
      let first = true;
      server.answer('sendMessage', () => {
        if (!first) return undefined;
        first = false;
        return { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };
      });
      await h.post(textUpdate('/start', { languageCode: 'en' }));
      // The first call was refused and repeated: four calls for three messages, all delivered.
      expect(server.calls.filter((call) => call.method === 'sendMessage')).toHaveLength(4);
      expect(await h.runtime.conversations.undelivered('telegram', String(CHAT_ID))).toEqual([]);

      server.answer('sendMessage', () => ({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 60', parameters: { retry_after: 60 } }));
      const started = Date.now();
      expect((await h.post(textUpdate('/menu'))).statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(h.runtime.logLines().find((line) => line.msg === 'telegram reply not delivered')).toMatchObject({ failure: { code: 429, retryAfter: 60 } });
    } finally {
      await server.close();
    }
  }, 15_000);

  it('when the core cannot store the turn the webhook answers 500, so Telegram sends the update again', async () => {
    h = await createHarness();
    const update = textUpdate('/start', { languageCode: 'en' });
    const spy = vi.spyOn(h.runtime.conversations, 'handle').mockRejectedValueOnce(new Error('database is locked'));
    expect((await h.post(update)).statusCode).toBe(500);
    expect(h.sentTexts()).toEqual([]);
    spy.mockRestore();
    expect((await h.post(update)).statusCode).toBe(200);
    expect(h.sentTexts()).toHaveLength(3);
  });

  it('logs carry no message text and no chat id', async () => {
    h = await createHarness();
    await h.post(textUpdate('/start', { languageCode: 'en' }));
    await h.post(textUpdate('my husband took my documents'));
    await h.post(textUpdate('exit'));
    const logs = JSON.stringify(h.runtime.logLines());
    expect(logs).not.toContain('documents');
    expect(logs).not.toContain(String(CHAT_ID));
    expect(logs).not.toContain('All done');
  });
});

