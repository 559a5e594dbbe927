// Telegram updates as core inbounds: text, buttons, language, media, and what is not a conversation at all.
import { describe, expect, it } from 'vitest';
import { updateToInbound } from '../../../bots/telegram/inbound.ts';
import { CHAT_ID, callbackUpdate, mediaUpdate, textUpdate } from './updates.ts';

const at = new Date('2026-11-29T10:00:00Z');

describe('updateToInbound', () => {
  it('a text message: chat id as the person, update_id as the de-duplication key, message id kept for deletion', () => {
    const update = textUpdate('salut', { updateId: 77, languageCode: 'ru-RU' });
    const mapped = updateToInbound(update, at)!;
    expect(mapped.chatId).toBe(CHAT_ID);
    expect(mapped.inbound).toEqual({
      channel: 'telegram',
      channelUserId: String(CHAT_ID),
      externalId: '77',
      kind: 'text',
      text: 'salut',
      channelMessageId: String(update.message.message_id),
      localeHint: 'ru',
      receivedAt: at,
    });
  });

  it('a language Punte does not speak gives no hint; none at all gives none', () => {
    expect(updateToInbound(textUpdate('hi', { languageCode: 'de' }), at)!.inbound.localeHint).toBeUndefined();
    expect(updateToInbound(textUpdate('hi'), at)!.inbound.localeHint).toBeUndefined();
    expect(updateToInbound(textUpdate('hi', { languageCode: 'uk' }), at)!.inbound.localeHint).toBe('uk');
  });

  it('/start with a deep-link parameter is /start', () => {
    expect(updateToInbound(textUpdate('/start ref-abc'), at)!.inbound.text).toBe('/start');
    expect(updateToInbound(textUpdate('/start'), at)!.inbound.text).toBe('/start');
  });

  it('a pressed button is a choice with its payload and the words on the button', () => {
    const update = callbackUpdate('main/menu/privacy', { keyboard: [[{ text: 'Privacy', callback_data: 'main/menu/privacy' }]] });
    const mapped = updateToInbound(update, at)!;
    expect(mapped.inbound).toMatchObject({ kind: 'choice', payload: 'main/menu/privacy', text: 'Privacy', channelUserId: String(CHAT_ID) });
    // The pressed message is the bot's own and already tracked.
    expect(mapped.inbound.channelMessageId).toBeUndefined();
  });

  it('a button press without a keyboard to read (the emulator) still carries the payload', () => {
    const mapped = updateToInbound(callbackUpdate('cmd:menu'), at)!;
    expect(mapped.inbound).toMatchObject({ kind: 'choice', payload: 'cmd:menu' });
    expect(mapped.inbound.text).toBeUndefined();
  });

  it.each(['sticker', 'photo', 'voice'] as const)('a %s is media, so the core answers kindly', (field) => {
    expect(updateToInbound(mediaUpdate(field), at)!.inbound.kind).toBe('media');
  });

  it('a shared contact is a contact, without the phone number', () => {
    const update = textUpdate('x');
    const { text: _text, ...message } = update.message;
    const mapped = updateToInbound({ ...update, message: { ...message, contact: { phone_number: '+37369000111', first_name: 'A' } } }, at)!;
    expect(mapped.inbound.kind).toBe('contact');
    expect(JSON.stringify(mapped)).not.toContain('37369000111');
  });

  it('ignores groups, service messages, edits, other update kinds and malformed updates', () => {
    const group = textUpdate('hi');
    expect(updateToInbound({ ...group, message: { ...group.message, chat: { id: -100, type: 'group', title: 'g' } } }, at)).toBeUndefined();
    const service = textUpdate('x');
    const { text: _t, ...bare } = service.message;
    expect(updateToInbound({ ...service, message: { ...bare, pinned_message: {} } }, at)).toBeUndefined();
    expect(updateToInbound({ update_id: 1, edited_message: textUpdate('x').message }, at)).toBeUndefined();
    expect(updateToInbound({ update_id: 2, my_chat_member: {} }, at)).toBeUndefined();
    expect(updateToInbound({ update_id: 'x' }, at)).toBeUndefined();
    expect(updateToInbound(null, at)).toBeUndefined();
    expect(updateToInbound({ update_id: 3, message: { message_id: 'no' } }, at)).toBeUndefined();
  });

  it('ignores fields it does not use, and survives odd ones', () => {
    const update = textUpdate('hi', { languageCode: 'en' });
    const odd = { ...update, brand_new_field: { x: 1 }, message: { ...update.message, from: { ...update.message.from, language_code: 42 } } };
    expect(updateToInbound(odd, at)!.inbound).toMatchObject({ kind: 'text', text: 'hi' });
  });
});
