// Pure translation: callback bodies to typed events, events to core inbounds, replies to Viber messages.
import { describe, expect, it } from 'vitest';
import { loadViberConfig, isEnabled } from '../../../bots/viber/config.ts';
import { messageToInbound, startToInbound } from '../../../bots/viber/inbound.ts';
import { columnsFor } from '../../../bots/viber/keyboard.ts';
import { parseCallback, type ViberCallback } from '../../../bots/viber/parse.ts';
import { MAX_TEXT_LENGTH, renderTurn, renderWelcome, splitText } from '../../../bots/viber/render.ts';
import { conversationStarted, messageCallback, textCallback, userEvent } from './callbacks.ts';

const NOW = new Date('2026-11-29T10:00:00Z');
const OPTIONS = { senderName: 'Punte', minApiVersion: 7 };

function parsed(raw: string): ViberCallback {
  const result = parseCallback(Buffer.from(raw));
  if (!result.ok) throw new Error(result.reason);
  return result.callback;
}

function message(raw: string) {
  const callback = parsed(raw);
  if (callback.event !== 'message') throw new Error(callback.event);
  return messageToInbound(callback, NOW);
}

describe('parseCallback', () => {
  it('ignores unknown fields and keeps the token exact', () => {
    const callback = parsed(messageCallback('u1', { type: 'text', text: 'hi', brand_new_field: { x: 1 } }, { token: '9223372036854775807' }));
    expect(callback).toMatchObject({ event: 'message', token: '9223372036854775807', sender: { id: 'u1', language: 'en' }, message: { type: 'text', text: 'hi' } });
  });

  it('treats optional fields of an unexpected type as absent', () => {
    const raw = '{"event":"message","message_token":1,"sender":{"id":"u1","language":7},"message":{"type":"text","text":5},"timestamp":"soon"}';
    expect(parsed(raw)).toMatchObject({ event: 'message', sender: { id: 'u1', language: undefined }, message: { type: 'text', text: undefined }, timestamp: undefined });
  });

  it('reads every event Punte handles', () => {
    expect(parsed('{"event":"webhook","timestamp":1,"message_token":1}')).toEqual({ event: 'webhook' });
    expect(parsed(conversationStarted('u2', { subscribed: true, token: '77' }))).toMatchObject({ event: 'conversation_started', token: '77', user: { id: 'u2' }, subscribed: true });
    expect(parsed(userEvent('unsubscribed', 'u3'))).toEqual({ event: 'unsubscribed', userId: 'u3' });
    expect(parsed(userEvent('failed', 'u3', ',"desc":"failure"'))).toEqual({ event: 'failed' });
    expect(parsed('{"event":"client_status","x":1}')).toEqual({ event: 'other' });
  });

  it.each([
    ['not JSON', '{"event":'],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0x7d])],
    ['an array', '[{"event":"message"}]'],
    ['no event', '{"message_token":1}'],
    ['a message without sender', '{"event":"message","message_token":1,"message":{"type":"text","text":"x"}}'],
    ['a message without token', '{"event":"message","sender":{"id":"u"},"message":{"type":"text","text":"x"}}'],
    ['an unsubscribe without user', '{"event":"unsubscribed","message_token":1}'],
  ])('refuses %s', (_name, raw) => {
    expect(parseCallback(Buffer.isBuffer(raw) ? raw : Buffer.from(raw)).ok).toBe(false);
  });
});

describe('inbound', () => {
  it('typed text is text, with the language hint of the phone', () => {
    expect(message(textCallback('u1', 'Bună ziua', { token: '5', language: 'ro' }))).toMatchObject({
      channel: 'viber',
      channelUserId: 'u1',
      externalId: '5',
      channelMessageId: '5',
      kind: 'text',
      text: 'Bună ziua',
      localeHint: 'ro',
    });
  });

  it('a pressed button (its ActionBody) is a choice with that payload', () => {
    expect(message(textCallback('u1', 'main/menu/job'))).toMatchObject({ kind: 'choice', payload: 'main/menu/job' });
    expect(message(textCallback('u1', 'cmd:forget-yes'))).toMatchObject({ kind: 'choice', payload: 'cmd:forget-yes' });
    expect(message(textCallback('u1', 'job-offer/checklist/unsolicited.y'))).toMatchObject({ kind: 'choice', payload: 'job-offer/checklist/unsolicited.y' });
    expect(message(textCallback('u1', `a/b/${'c'.repeat(70)}`))).toMatchObject({ kind: 'text' });
    expect(message(textCallback('u1', 'main//menu'))).toMatchObject({ kind: 'text' });
    expect(message(textCallback('u1', 'and/or/either or'))).toMatchObject({ kind: 'text' });
    expect(message(textCallback('u1', 'cmd:'))).toMatchObject({ kind: 'text' });
  });

  it.each([
    ['picture', 'media'],
    ['video', 'media'],
    ['file', 'media'],
    ['sticker', 'media'],
    ['contact', 'contact'],
    ['location', 'unsupported'],
    ['url', 'unsupported'],
    ['rich_media', 'unsupported'],
  ])('a %s message is of kind %s, without its content', (type, kind) => {
    const inbound = message(messageCallback('u1', { type, media: 'https://example.org/x', text: 'caption', contact: { phone_number: '+37360000000' } }));
    expect(inbound.kind).toBe(kind);
    expect(inbound.text).toBeUndefined();
  });

  it('an unknown phone language gives no hint', () => {
    expect(message(textCallback('u1', 'hi', { language: 'de' })).localeHint).toBeUndefined();
  });

  it('conversation_started is the core start', () => {
    const callback = parsed(conversationStarted('u9', { language: 'uk', token: '88' }));
    if (callback.event !== 'conversation_started') throw new Error('wrong event');
    expect(startToInbound(callback, NOW)).toEqual({ channel: 'viber', channelUserId: 'u9', externalId: '88', kind: 'start', receivedAt: NOW, localeHint: 'uk' });
  });
});

describe('render', () => {
  const choices = [
    { label: 'Check a job offer', payload: 'main/menu/job' },
    { label: 'Română', payload: 'main/language/ro' },
    { label: 'English', payload: 'main/language/en' },
    { label: 'Privacy', payload: 'main/menu/privacy' },
  ];

  it('lays buttons on the 6-column grid: short labels two to a row, long ones full width', () => {
    expect(columnsFor(choices.map((c) => c.label))).toEqual([6, 3, 3, 6]);
    expect(columnsFor(['A', 'B', 'C'])).toEqual([3, 3, 6]);
    expect(columnsFor([])).toEqual([]);
  });

  it('puts choices as silent reply buttons and links as open-url buttons on the last message of a turn', () => {
    const rendered = renderTurn(
      [
        { messageId: 'm1', reply: { text: 'First', links: [{ label: 'Website', url: 'https://example.org' }] } },
        { messageId: 'm2', reply: { text: 'Second', choices, callables: [{ label: 'Hotline: 0 800 77777', phone: '080077777' }] } },
      ],
      OPTIONS,
    );
    expect(rendered.map((r) => r.messageId)).toEqual(['m1', 'm2']);
    const [first, second] = rendered.map((r) => r.bodies);
    expect(first).toEqual([{ sender: { name: 'Punte' }, type: 'text', text: 'First', min_api_version: 7, tracking_data: 'm1' }]);
    expect(second![0]!.text).toBe('Second\n☎ Hotline: 0 800 77777');
    const buttons = second![0]!.keyboard!.Buttons;
    expect(buttons.map((b) => [b.ActionType, b.ActionBody, b.Text, b.Columns])).toEqual([
      ['reply', 'main/menu/job', 'Check a job offer', 6],
      ['reply', 'main/language/ro', 'Română', 3],
      ['reply', 'main/language/en', 'English', 3],
      ['reply', 'main/menu/privacy', 'Privacy', 6],
      ['open-url', 'https://example.org', '🔗 Website', 6],
    ]);
    expect(buttons.filter((b) => b.ActionType === 'reply').every((b) => b.Silent === true)).toBe(true);
    expect(second![0]!.keyboard).toMatchObject({ Type: 'keyboard' });
  });

  it('splits text above 7000 characters at a paragraph, keeping the keyboard on the last piece', () => {
    const paragraph = 'Lorem ipsum dolor sit amet. '.repeat(100).trim();
    const text = Array.from({ length: 6 }, () => paragraph).join('\n\n');
    expect(text.length).toBeGreaterThan(MAX_TEXT_LENGTH);
    const [rendered] = renderTurn([{ messageId: 'm', reply: { text, choices } }], OPTIONS);
    const pieces = rendered!.bodies;
    // Two paragraphs fit in 7000 characters, three do not.
    expect(pieces.map((p) => p.text)).toEqual([0, 1, 2].map(() => `${paragraph}\n\n${paragraph}`));
    expect(pieces.every((p) => p.text.length <= MAX_TEXT_LENGTH)).toBe(true);
    expect(pieces.map((p) => p.keyboard !== undefined)).toEqual([false, false, true]);
  });

  it('cuts a text without spaces hard, never between the halves of an emoji', () => {
    const text = `${'a'.repeat(6999)}😀${'b'.repeat(10)}`;
    const pieces = splitText(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces[0]).toBe('a'.repeat(6999));
    expect(splitText('')).toEqual(['']);
  });

  it('merges a start turn into one welcome message without receiver', () => {
    const welcome = renderWelcome(
      [
        { messageId: 'a', reply: { text: 'Hello' } },
        { messageId: 'b', reply: { text: 'Privacy' } },
        { messageId: 'c', reply: { text: 'Menu?', choices } },
      ],
      { ...OPTIONS, senderAvatar: 'https://example.org/a.png' },
    );
    expect(welcome).toMatchObject({ sender: { name: 'Punte', avatar: 'https://example.org/a.png' }, type: 'text', text: 'Hello\n\nPrivacy\n\nMenu?', tracking_data: 'c' });
    expect(welcome.keyboard!.Buttons).toHaveLength(4);
    expect(welcome).not.toHaveProperty('receiver');
  });
});

describe('config', () => {
  it('is off without a token, and empty strings count as unset', () => {
    expect(isEnabled(loadViberConfig({}))).toBe(false);
    expect(isEnabled(loadViberConfig({ VIBER_AUTH_TOKEN: '  ' }))).toBe(false);
    const config = loadViberConfig({ VIBER_AUTH_TOKEN: 'opaque token', VIBER_SENDER_NAME: '', VIBER_API_ROOT: '' });
    expect(config).toMatchObject({ VIBER_AUTH_TOKEN: 'opaque token', VIBER_SENDER_NAME: 'Punte', VIBER_API_ROOT: 'https://chatapi.viber.com/pa', VIBER_MIN_API_VERSION: 7 });
  });

  it('lists every bad key at once', () => {
    let message = '';
    try {
      loadViberConfig({ VIBER_SENDER_NAME: 'x'.repeat(29), VIBER_API_ROOT: 'not a url', VIBER_MIN_API_VERSION: 'two', VIBER_SENDER_AVATAR: 'http://x' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const key of ['VIBER_SENDER_NAME', 'VIBER_API_ROOT', 'VIBER_MIN_API_VERSION', 'VIBER_SENDER_AVATAR']) expect(message).toContain(key);
  });

  it('counts a 28-character name in characters, and strips a trailing slash from the API root', () => {
    expect(loadViberConfig({ VIBER_SENDER_NAME: 'Ș'.repeat(28), VIBER_API_ROOT: 'http://127.0.0.1:9/pa/' })).toMatchObject({ VIBER_SENDER_NAME: 'Ș'.repeat(28), VIBER_API_ROOT: 'http://127.0.0.1:9/pa' });
  });
});
