// The Viber channel through the front door: the real server (buildServer with the channel enabled), signed
// callbacks through fastify inject, and the local stand-in for the Viber API recording what Punte sends.
import Fastify from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { NotSubscribedError } from '../../../bots/viber/deliver.ts';
import type { ViberChannelInstance } from '../../../bots/viber/index.ts';
import type { ViberKeyboard } from '../../../bots/viber/keyboard.ts';
import { sign } from '../../../bots/viber/signature.ts';
import { buildServer } from '../../../app/server.ts';
import type { Locale } from '../../../core/locales.ts';
import { createTestRuntime, type TestRuntime } from '../../helpers/runtime.ts';
import { AUTH_TOKEN, conversationStarted, freshToken, messageCallback, post, subscribedCallback, textCallback, userEvent } from './callbacks.ts';
import { startStandIn, type StandIn } from './stand-in.ts';

let standIn: StandIn;
let runtime: TestRuntime;
let app: FastifyInstance;
let channel: ViberChannelInstance;
const BODY_LIMIT = 8192;

beforeAll(async () => {
  standIn = await startStandIn();
  runtime = await createTestRuntime({
    withChannels: true,
    env: { VIBER_AUTH_TOKEN: AUTH_TOKEN, VIBER_API_ROOT: standIn.url, VIBER_SENDER_NAME: 'Punte Test', BODY_LIMIT_BYTES: String(BODY_LIMIT) },
  });
  app = await buildServer(runtime);
  channel = runtime.channels.find((c) => c.name === 'viber') as ViberChannelInstance;
});
afterAll(async () => {
  await app?.close();
  await runtime?.dispose();
  await standIn?.close();
});
beforeEach(() => standIn.reset());

// Every user id and typed text used here; none may appear in a log line.
const users = new Set<string>();
let userCount = 0;
function newUser(): string {
  userCount += 1;
  const id = `vbrUsr${userCount}QdG5uA0+/Zx==`;
  users.add(id);
  return id;
}

function t(key: string, locale: Locale = 'en'): string {
  const variables = Object.fromEntries([...runtime.flows.contacts].map(([id, contact]) => [id, contact.display]));
  return runtime.translator.t(locale, key, variables);
}

/** Posts a signed callback, expects 200, and waits until the replies it caused were sent. */
async function send(raw: string) {
  const response = await post(app, raw);
  expect(response.statusCode, response.body).toBe(200);
  await channel.idle();
  return response;
}

const texts = () => standIn.sent().map((body) => body.text as string);
const keyboard = (body: Record<string, unknown> | undefined) => body?.keyboard as ViberKeyboard | undefined;
const button = (kb: ViberKeyboard | undefined, label: string) => kb?.Buttons.find((b) => b.Text === label);

function contactOf(user: string) {
  return runtime.db.contact.findUnique({ where: { channel_channelUserKey: { channel: 'viber', channelUserKey: runtime.cipher.blindIndex(user) } } });
}

async function nothingStored() {
  expect(await runtime.db.contact.count()).toBe(0);
  expect(await runtime.db.processedUpdate.count()).toBe(0);
  expect(standIn.requests).toHaveLength(0);
}

describe('authentication (before anything else)', () => {
  const raw = textCallback('never-stored-user', '/start');

  it('refuses a missing signature with 401', async () => {
    const response = await post(app, raw, {});
    expect(response.statusCode).toBe(401);
    await channel.idle();
    await nothingStored();
  });

  it('refuses a wrong signature with 401', async () => {
    for (const signature of [sign(raw, 'another-token'), sign(`${raw} `, AUTH_TOKEN), sign(raw, AUTH_TOKEN).replace(/^./, (c) => (c === '0' ? '1' : '0'))]) {
      expect((await post(app, raw, { 'x-viber-content-signature': signature })).statusCode).toBe(401);
    }
    await channel.idle();
    await nothingStored();
  });

  it('refuses a malformed signature with 401', async () => {
    for (const signature of ['', 'abc', sign(raw, AUTH_TOKEN).slice(0, 60), `sha256=${sign(raw, AUTH_TOKEN)}`, Buffer.from(sign(raw, AUTH_TOKEN), 'hex').toString('base64')]) {
      expect((await post(app, raw, { 'x-viber-content-signature': signature })).statusCode).toBe(401);
    }
    await channel.idle();
    await nothingStored();
  });
});

describe('bad input', () => {
  it('answers malformed JSON with a valid signature with 400', async () => {
    expect((await post(app, '{"event":"message",')).statusCode).toBe(400);
    expect((await post(app, '[1,2,3]')).statusCode).toBe(400);
    expect((await post(app, '')).statusCode).toBe(400);
    await nothingStored();
  });

  it('answers a message without the fields it needs with 400', async () => {
    expect((await post(app, '{"event":"message","message_token":1,"message":{"type":"text","text":"x"}}')).statusCode).toBe(400);
    expect((await post(app, '{"event":"message","sender":{"id":"u"},"message":{"type":"text","text":"x"}}')).statusCode).toBe(400);
    await nothingStored();
  });

  it('answers an oversize body with 413', async () => {
    const raw = textCallback(newUser(), 'x'.repeat(BODY_LIMIT));
    const response = await post(app, raw);
    expect(response.statusCode).toBe(413);
    await nothingStored();
  });

  it('acknowledges events it does not handle with 200', async () => {
    expect((await post(app, '{"event":"client_status","timestamp":1,"message_token":1}')).statusCode).toBe(200);
    await nothingStored();
  });

  it('keeps the raw-body parser to its own route: other routes still parse JSON', async () => {
    const other = Fastify();
    await channel.routes!(other);
    other.post('/echo', async (request) => ({ got: request.body }));
    await other.ready();
    try {
      const echoed = await other.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
      expect(echoed.json()).toEqual({ got: { a: 1 } });
      expect((await post(other, '{"event":"webhook","timestamp":1,"message_token":1}')).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('events', () => {
  it('answers the webhook check with 200', async () => {
    const response = await send('{"event":"webhook","timestamp":1457764197627,"chat_hostname":"SN-376_","message_token":241256543215}');
    expect(response.body).toBe('');
  });

  it('acknowledges delivered, seen and failed receipts', async () => {
    const user = newUser();
    await send(userEvent('delivered', user));
    await send(userEvent('seen', user));
    await send(userEvent('failed', user, ',"desc":"failure description"'));
    expect(standIn.requests).toHaveLength(0);
    expect(runtime.logLines().some((line) => line.msg === 'Viber could not deliver a message')).toBe(true);
  });
});

describe('conversation_started', () => {
  it('answers with one welcome message: greeting, privacy notice and the menu keyboard with the language choice', async () => {
    const user = newUser();
    const response = await send(conversationStarted(user, { language: 'en' }));
    const welcome = response.json() as Record<string, unknown>;
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(welcome).not.toHaveProperty('receiver');
    expect(welcome).toMatchObject({ sender: { name: 'Punte Test' }, type: 'text', min_api_version: 7 });
    expect(welcome.text).toBe([t('main:welcome.hello'), t('main:welcome.privacy'), t('main:menu.prompt')].join('\n\n'));
    const buttons = keyboard(welcome)!.Buttons;
    expect(buttons.map((b) => b.Text)).toEqual(expect.arrayContaining([t('main:menu.job'), t('main:menu.emergency'), t('main:menu.language'), t('main:menu.privacy')]));
    expect(buttons.every((b) => b.ActionType === 'reply' && /^[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+$/.test(b.ActionBody))).toBe(true);
    // Viber allows no other message before the person writes.
    expect(standIn.requests).toHaveLength(0);
  });

  it('greets in the language of the phone, and the language button switches it', async () => {
    const user = newUser();
    const welcome = (await send(conversationStarted(user, { language: 'ru' }))).json() as Record<string, unknown>;
    expect(welcome.text).toContain(t('main:welcome.hello', 'ru'));

    await send(textCallback(user, button(keyboard(welcome), t('main:menu.language', 'ru'))!.ActionBody));
    const [prompt] = standIn.sent();
    expect(prompt!.text).toBe(t('main:language.prompt', 'ru'));
    const romanian = button(keyboard(prompt), t('main:language.ro'));
    expect(romanian).toMatchObject({ ActionType: 'reply', Columns: 3 });

    standIn.reset();
    await send(textCallback(user, romanian!.ActionBody));
    expect(texts()[0]).toBe(t('main:language.done', 'ro'));
    expect(texts().at(-1)).toBe(t('main:menu.prompt', 'ro'));
  });

  it('a retried conversation_started is answered once', async () => {
    const user = newUser();
    const raw = conversationStarted(user, { token: freshToken() });
    const first = await send(raw);
    const second = await send(raw);
    expect(first.body).not.toBe('');
    expect(second.body).toBe('');
    expect(await runtime.db.message.count({ where: { contact: { channel: 'viber' }, kind: 'start' } })).toBeGreaterThan(0);
  });

  it('records that a person who only opened the chat is not subscribed yet, until they write', async () => {
    const user = newUser();
    await send(conversationStarted(user, { subscribed: false }));
    expect((await contactOf(user))?.unsubscribedAt).toBeInstanceOf(Date);
    const sender = runtime.registry.get('viber')!;
    await expect(sender.send(user, [{ messageId: '', reply: { text: 'A counsellor writes' } }], async () => {})).rejects.toBeInstanceOf(NotSubscribedError);
    expect(standIn.requests).toHaveLength(0);

    await send(textCallback(user, '/menu'));
    expect(texts().at(-1)).toBe(t('main:menu.prompt'));
    expect((await contactOf(user))?.unsubscribedAt).toBeNull();
  });
});

describe('messages', () => {
  it('/start, then a button press', async () => {
    const user = newUser();
    const firstToken = standIn.tokens.length;
    await send(textCallback(user, '/start'));
    const sent = standIn.sent();
    expect(sent.map((body) => body.text)).toEqual([t('main:welcome.hello'), t('main:welcome.privacy'), t('main:menu.prompt')]);
    for (const request of standIn.requests) {
      expect(request.endpoint).toBe('send_message');
      expect(request.headers['x-viber-auth-token']).toBe(AUTH_TOKEN);
      expect(request.body).toMatchObject({ receiver: user, type: 'text', sender: { name: 'Punte Test' }, min_api_version: 7 });
      expect(request.body.tracking_data).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Only the newest message carries the keyboard: Viber shows that one.
    expect(sent.map((body) => body.keyboard !== undefined)).toEqual([false, false, true]);

    // Stored as delivered, with Viber's message tokens digit for digit.
    const out = await runtime.db.message.findMany({ where: { direction: 'out', channelMessageId: { in: standIn.tokens.slice(firstToken) } } });
    expect(out).toHaveLength(3);
    expect(out.every((m) => m.deliveredAt !== null)).toBe(true);

    standIn.reset();
    const emergency = button(keyboard(sent[2]), t('main:menu.emergency'))!;
    await send(textCallback(user, emergency.ActionBody));
    expect(texts()[0]).toBe(t('main:emergency.now'));
    // Phone numbers are written into the text, where Viber makes them tappable.
    expect(texts().join('\n')).toMatch(/☎ .*112/);
    expect(texts().join('\n')).toContain('0 800 77777');
    expect(button(keyboard(standIn.sent().at(-1)), t('main:back.menu'))).toBeDefined();
  });

  it.each(['picture', 'sticker', 'file', 'contact', 'location', 'url', 'video'])('answers a %s kindly and offers the options again', async (type) => {
    const user = newUser();
    await send(textCallback(user, '/menu'));
    standIn.reset();
    await send(messageCallback(user, { type, media: 'https://example.org/x.jpg', contact: { name: 'N', phone_number: '+37360000000' }, location: { lat: 47, lon: 28.8 } }));
    expect(texts()[0]).toBe(t('common:unsupported'));
    expect(keyboard(standIn.sent().at(-1))?.Buttons.length).toBeGreaterThan(0);
  });

  it('quick exit tells the person how to delete the chat, since Viber cannot', async () => {
    const user = newUser();
    await send(textCallback(user, '/start'));
    standIn.reset();
    await send(textCallback(user, '/exit'));
    expect(texts()).toEqual([t('common:exit.done')]);
    expect(standIn.sent()[0]).not.toHaveProperty('keyboard');
  });

  it('processes a retried callback once, even when the copies arrive together', async () => {
    const user = newUser();
    const token = freshToken();
    const raw = textCallback(user, '/start', { token });
    await send(raw);
    await send(raw);
    await Promise.all([post(app, raw), post(app, raw)]);
    await channel.idle();
    expect(standIn.sent()).toHaveLength(3);
    expect(await runtime.db.message.count({ where: { direction: 'in', channelMessageId: token } })).toBe(1);
    expect(await runtime.db.processedUpdate.count({ where: { channel: 'viber', externalId: token } })).toBe(1);
  });

  it('keeps a big message_token digit for digit: neighbours a double cannot tell apart are two updates', async () => {
    const user = newUser();
    await send(textCallback(user, '/menu', { token: '9223372036854775806' }));
    await send(textCallback(user, '/help', { token: '9223372036854775807' }));
    const updates = await runtime.db.processedUpdate.findMany({ where: { channel: 'viber', externalId: { startsWith: '92233720368547758' } } });
    expect(updates.map((u) => u.externalId).sort()).toEqual(['9223372036854775806', '9223372036854775807']);
    const inbound = await runtime.db.message.findMany({ where: { direction: 'in', channelMessageId: { in: ['9223372036854775806', '9223372036854775807'] } } });
    expect(inbound).toHaveLength(2);
    expect(texts().at(-1)).not.toBe(texts()[0]);
  });

  it('runs the job-offer checklist to its result, pressing keyboard buttons', async () => {
    const user = newUser();
    await send(textCallback(user, '/menu'));
    const press = async (label: string) => {
      const pressed = button(keyboard(standIn.sent().at(-1)), label);
      expect(pressed, `a button "${label}"`).toBeDefined();
      standIn.reset();
      await send(textCallback(user, pressed!.ActionBody));
    };
    await press(t('main:menu.job'));
    await press(t('job-offer:start.checklist'));
    // "Yes" to every question: a stranger's offer with a fee, no contract and the passport asked for.
    for (let question = 0; question < 30 && (await runtime.db.offerCheck.count()) === 0; question += 1) {
      await press(t('job-offer:checklist.answer.yes'));
    }
    expect(await runtime.db.offerCheck.findFirst({ select: { method: true, risk: true } })).toEqual({ method: 'checklist', risk: 'high' });
    expect(texts()).toContain(t('job-offer:checklist.result.level.high'));
    expect(button(keyboard(standIn.sent().at(-1)), t('job-offer:after.talkDiscreetly'))).toBeDefined();
  });
});

describe('subscription', () => {
  it('never messages a person who unsubscribed, until they write again', async () => {
    const user = newUser();
    await send(subscribedCallback(user));
    await send(textCallback(user, '/start'));
    await send(userEvent('unsubscribed', user));
    expect((await contactOf(user))?.unsubscribedAt).toBeInstanceOf(Date);
    standIn.reset();

    const delivered = vi.fn(async () => {});
    const sender = runtime.registry.get('viber')!;
    await expect(sender.send(user, [{ messageId: '', reply: { text: 'A counsellor writes' } }], delivered)).rejects.toBeInstanceOf(NotSubscribedError);
    expect(standIn.requests).toHaveLength(0);
    expect(delivered).not.toHaveBeenCalled();

    // Writing subscribes again.
    await send(textCallback(user, '/menu'));
    expect(texts()).toEqual([t('main:menu.prompt')]);
    standIn.reset();
    await sender.send(user, [{ messageId: '', reply: { text: 'A counsellor writes' } }], delivered);
    expect(texts()).toEqual(['A counsellor writes']);
    expect(delivered).toHaveBeenCalledWith('', [standIn.tokens.at(-1)]);
  });

  it('stores nothing about a stranger who subscribes or unsubscribes', async () => {
    const user = newUser();
    await send(subscribedCallback(user));
    await send(userEvent('unsubscribed', user));
    expect(await contactOf(user)).toBeNull();
  });

  it('records "not subscribed" from Viber and sends nothing more', async () => {
    const user = newUser();
    standIn.answer('send_message', { status: 6 });
    await send(textCallback(user, '/start'));
    // The first reply was refused; the rest of the turn was not tried.
    expect(standIn.sent()).toHaveLength(1);
    expect((await contactOf(user))?.unsubscribedAt).toBeInstanceOf(Date);
    standIn.reset();
    await expect(runtime.registry.get('viber')!.send(user, [{ messageId: '', reply: { text: 'later' } }], async () => {})).rejects.toBeInstanceOf(NotSubscribedError);
    expect(standIn.requests).toHaveLength(0);
  });

  it('logs a refused token clearly and leaves the replies undelivered', async () => {
    const user = newUser();
    standIn.answer('send_message', { status: 2 });
    await send(textCallback(user, '/menu'));
    const line = runtime.logLines().find((l) => typeof l.msg === 'string' && l.msg.includes('check VIBER_AUTH_TOKEN'));
    expect(line).toMatchObject({ level: 50, status: 2, statusName: 'invalidAuthToken' });
    const contact = await contactOf(user);
    expect(await runtime.db.message.count({ where: { contactId: contact!.id, direction: 'out', deliveredAt: null } })).toBe(1);
  });
});

describe('logs', () => {
  it('never hold a Viber user id or a message text', async () => {
    const log = runtime.logLines().map((line) => JSON.stringify(line));
    expect(log.length).toBeGreaterThan(10);
    for (const user of users) expect(log.filter((line) => line.includes(user))).toEqual([]);
    for (const text of ['A counsellor writes', t('main:welcome.hello'), '+37360000000']) expect(log.filter((line) => line.includes(text))).toEqual([]);
  });
});
