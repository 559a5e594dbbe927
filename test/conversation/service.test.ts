// The conversation service against a real SQLite database: de-duplication, per-person ordering, encryption at
// rest, damaged sessions, inactivity expiry and "forget".
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSqliteFile } from '../../core/db/migrate.ts';
import { createTestRuntime, TEST_CAPABILITIES, type TestRuntime } from '../helpers/runtime.ts';

let runtime: TestRuntime;
let clock = new Date('2026-11-29T10:00:00Z');
beforeEach(async () => {
  clock = new Date('2026-11-29T10:00:00Z');
  runtime = await createTestRuntime({ now: () => clock });
});
afterEach(() => runtime.dispose());

const texts = (result: { replies: readonly { reply: { text: string } }[] }) => result.replies.map((m) => m.reply.text);
const rawDb = () => new Database(resolveSqliteFile(runtime.config.DATABASE_URL), { readonly: true });

describe('de-duplication', () => {
  it('the same external id twice gives one reply and one stored turn', async () => {
    const inbound = { channel: 'test', channelUserId: 'dup', externalId: 'update-1', kind: 'text' as const, text: '/start', receivedAt: clock };
    const first = await runtime.conversations.handle(inbound, TEST_CAPABILITIES);
    const second = await runtime.conversations.handle(inbound, TEST_CAPABILITIES);
    expect(first.duplicate).toBe(false);
    expect(first.replies.length).toBeGreaterThan(0);
    expect(second).toMatchObject({ duplicate: true, replies: [] });
    expect(await runtime.db.message.count({ where: { direction: 'in' } })).toBe(1);
  });

  it('two copies arriving at the same moment are processed once', async () => {
    const inbound = { channel: 'test', channelUserId: 'dup2', externalId: 'update-2', kind: 'text' as const, text: '/start', receivedAt: clock };
    const results = await Promise.all([1, 2, 3].map(() => runtime.conversations.handle(inbound, TEST_CAPABILITIES)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await runtime.db.processedUpdate.count()).toBe(1);
  });

  it('the same external id on another channel is a different update', async () => {
    const base = { channelUserId: 'x', externalId: 'same', kind: 'text' as const, text: '/start', receivedAt: clock };
    const a = await runtime.conversations.handle({ ...base, channel: 'one' }, TEST_CAPABILITIES);
    const b = await runtime.conversations.handle({ ...base, channel: 'two' }, TEST_CAPABILITIES);
    expect([a.duplicate, b.duplicate]).toEqual([false, false]);
  });
});

describe('per-conversation ordering', () => {
  it('updates of one person run in arrival order, even when sent at once', async () => {
    await runtime.send('order', { text: '/start', localeHint: 'en' });
    // "/lang" then "4": in order, 4 picks English on the language menu; out of order, 4 would open "Talk to someone".
    const [lang, four] = await Promise.all([runtime.send('order', '/lang'), runtime.send('order', '4')]);
    expect(texts(lang)[0]).toBe('Choose your language:');
    expect(texts(four)[0]).toBe('Done, I will write in English from now on.');
  });

  it('different people are not blocked by each other', async () => {
    const people = Array.from({ length: 8 }, (_, i) => `person-${i}`);
    const results = await Promise.all(people.map((p) => runtime.send(p, { text: '/start', localeHint: 'en' })));
    expect(results.every((r) => texts(r).at(-1) === 'What would you like to do?')).toBe(true);
    expect(await runtime.db.contact.count()).toBe(8);
  });
});

describe('privacy at rest', () => {
  it('stores no message text, channel user id or session in clear', async () => {
    await runtime.send('373-69-123456', { text: '/start', localeHint: 'en' });
    await runtime.send('373-69-123456', 'my boss took my passport');
    const db = rawDb();
    const dump = JSON.stringify([
      db.prepare('SELECT * FROM Contact').all(),
      db.prepare('SELECT * FROM Message').all(),
      db.prepare('SELECT * FROM Session').all(),
    ]);
    db.close();
    expect(dump).not.toContain('passport');
    expect(dump).not.toContain('373-69-123456');
    expect(dump).not.toContain('What would you like');
    expect(dump).not.toContain('"at"');
  });

  it('logs carry no message text or user id', async () => {
    await runtime.send('373-69-999999', 'my boss took my passport');
    await runtime.send('373-69-999999', '/forget');
    await runtime.send('373-69-999999', '1');
    const logs = JSON.stringify(runtime.logLines());
    expect(logs).not.toContain('passport');
    expect(logs).not.toContain('373-69-999999');
  });
});

describe('sessions', () => {
  it('a damaged stored session is discarded with a warning and the person is back at the menu', async () => {
    await runtime.send('broken', { text: '/start', localeHint: 'en' });
    await runtime.send('broken', '6');
    await runtime.db.session.updateMany({ data: { state: 'garbage' } });
    const result = await runtime.send('broken', 'hello?');
    expect(texts(result)).toEqual(['Welcome back! We can start again from the menu.', 'What would you like to do?']);
    const warning = runtime.logLines().find((line) => line.msg === 'stored session discarded: the person returns to the menu');
    expect(warning).toBeDefined();
    expect(warning?.level).toBe(40);
    // The next turn works normally on the rewritten session.
    expect(texts(await runtime.send('broken', '6'))).toEqual(['Choose your language:']);
  });

  it('a session that decrypts but does not fit the schema is discarded too', async () => {
    await runtime.send('odd', { text: '/start', localeHint: 'en' });
    await runtime.db.session.updateMany({ data: { state: runtime.cipher.encrypt(JSON.stringify({ v: 99, at: 'menu' })) } });
    expect(texts(await runtime.send('odd', 'hi'))[0]).toBe('Welcome back! We can start again from the menu.');
  });

  it('mid-flow state expires after inactivity: the person is greeted back at the menu', async () => {
    await runtime.send('late', { text: '/start', localeHint: 'en' });
    await runtime.send('late', '6');
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect(texts(await runtime.send('late', '2'))).toEqual(['Welcome back! We can start again from the menu.', 'What would you like to do?']);
    // Within the timeout the answer continues where the person was.
    await runtime.send('late', '6');
    clock = new Date(clock.getTime() + 29 * 60_000);
    expect(texts(await runtime.send('late', '4'))[0]).toBe('Done, I will write in English from now on.');
  });

  it('the language comes from the channel the first time, and from the person\'s choice after that', async () => {
    expect(texts(await runtime.send('lang', { text: '/start', localeHint: 'ru' }))[0]).toMatch(/^Здравствуйте/);
    await runtime.send('lang', '/lang');
    await runtime.send('lang', 'Română');
    expect(texts(await runtime.send('lang', { text: '/menu', localeHint: 'uk' }))[0]).toBe('Ce doriți să faceți?');
    const contact = await runtime.db.contact.findFirst();
    expect(contact?.locale).toBe('ro');
  });
});

describe('forget', () => {
  it('asks once, then deletes the person\'s data; "no" keeps it', async () => {
    await runtime.send('f', { text: '/start', localeHint: 'en' });
    expect(texts(await runtime.send('f', '/forget'))).toEqual(['Do you want me to delete everything you wrote here? This cannot be undone.']);
    expect(texts(await runtime.send('f', '2'))).toEqual(['Nothing was deleted.']);
    expect(await runtime.db.contact.count()).toBe(1);

    const ask = await runtime.send('f', 'forget');
    const yes = ask.replies[0]!.reply.choices![0]!;
    const done = await runtime.send('f', { kind: 'choice', payload: yes.payload });
    expect(texts(done)[0]).toMatch(/^Done\. Everything you wrote here has been deleted/);
    expect(done.hideHistory).not.toBeNull();
    expect(await runtime.db.contact.count()).toBe(0);
    expect(await runtime.db.message.count()).toBe(0);
    expect(await runtime.db.session.count()).toBe(0);
    // Writing again starts afresh.
    expect(texts(await runtime.send('f', { text: 'hi', localeHint: 'en' }))[0]).toMatch(/^Hello! I am Punte/);
  });

  it('danger typed while "delete everything?" is open gets the emergency answer, and nothing is deleted', async () => {
    await runtime.send('d', { text: '/start', localeHint: 'en' });
    await runtime.send('d', '/forget');
    const reply = await runtime.send('d', 'he is beating me right now, help');
    expect(texts(reply).join('\n')).toMatch(/112/);
    expect(await runtime.db.contact.count()).toBe(1);
    expect(await runtime.db.flag.findFirst({ select: { severity: true } })).toEqual({ severity: 'urgent' });
  });

  it('typing another command instead of an answer keeps the data and runs that command', async () => {
    await runtime.send('g', { text: '/start', localeHint: 'en' });
    await runtime.send('g', '/forget');
    expect(texts(await runtime.send('g', '/menu'))).toEqual(['Nothing was deleted.', 'What would you like to do?']);
    expect(await runtime.db.contact.count()).toBe(1);
  });

  it('the typed word for yes works in the person\'s language', async () => {
    await runtime.send('h', { text: '/start', localeHint: 'ro' });
    await runtime.send('h', 'șterge');
    expect(texts(await runtime.send('h', 'Da'))[0]).toMatch(/^Gata/);
    expect(await runtime.db.contact.count()).toBe(0);
  });
});

describe('quick exit', () => {
  it('answers neutrally, returns the ids of visible messages to delete and leaves the flow', async () => {
    await runtime.send('q', { text: '/start', localeHint: 'en', channelMessageId: 'm1' });
    const result = await runtime.send('q', { text: 'exit', channelMessageId: 'm2' });
    expect(texts(result)).toEqual(['All done. Have a nice day! 🌼']);
    expect(result.hideHistory?.map((m) => m.channelMessageId)).toEqual(['m1']);
    // Hidden once: a second exit has nothing left to hide.
    expect((await runtime.send('q', { text: 'exit' })).hideHistory).toEqual([]);
    expect(texts(await runtime.send('q', '1'))[0]).toMatch(/^Let's look at this job offer together/);
  });

  it('tells people how to delete the chat where the channel cannot', async () => {
    const inbound = { channel: 'test', channelUserId: 'v', externalId: 'e1', kind: 'text' as const, text: '/exit', receivedAt: clock, localeHint: 'en' as const };
    const result = await runtime.conversations.handle(inbound, { ...TEST_CAPABILITIES, canDeleteMessages: false });
    expect(result.replies[0]?.reply.text).toMatch(/delete it in your messenger's chat list/);
  });
});

describe('replies waiting for delivery', () => {
  it('bot replies the channel reports as shown are hidden on quick exit too, split ones included', async () => {
    const start = await runtime.send('s', { text: '/start', localeHint: 'en', channelMessageId: 'in-1' });
    await runtime.conversations.markDelivered(start.replies[0]!.messageId, ['out-1a', 'out-1b']);
    const exit = await runtime.send('s', '/exit');
    expect(exit.hideHistory?.map((m) => m.channelMessageId).sort()).toEqual(['in-1', 'out-1a', 'out-1b']);
  });

  it('are listed until the channel marks them delivered', async () => {
    const result = await runtime.send('p', { text: '/start', localeHint: 'en' });
    expect((await runtime.conversations.undelivered('test', 'p')).map((m) => m.reply.text)).toEqual(texts(result));
    for (const message of result.replies) await runtime.conversations.markDelivered(message.messageId, [`c-${message.messageId}`]);
    expect(await runtime.conversations.undelivered('test', 'p')).toEqual([]);
  });
});
