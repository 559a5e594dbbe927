// Telegram updates as Telegram sends them, for tests.
let nextUpdateId = 5000;
let nextMessageId = 1;

export const CHAT_ID = 987654321;

const person = (chatId: number, languageCode?: string) => ({
  id: chatId,
  is_bot: false,
  first_name: 'Ana',
  ...(languageCode ? { language_code: languageCode } : {}),
});

export function textUpdate(text: string, options: { chatId?: number; languageCode?: string; updateId?: number } = {}) {
  const chatId = options.chatId ?? CHAT_ID;
  return {
    update_id: options.updateId ?? nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: 'Ana' },
      from: person(chatId, options.languageCode),
      text,
      ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
    },
  };
}

export function mediaUpdate(field: 'sticker' | 'photo' | 'voice', options: { chatId?: number } = {}) {
  const chatId = options.chatId ?? CHAT_ID;
  const media = {
    sticker: { file_id: 'f', file_unique_id: 'u', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
    photo: [{ file_id: 'f', file_unique_id: 'u', width: 90, height: 90 }],
    voice: { file_id: 'f', file_unique_id: 'u', duration: 3 },
  }[field];
  return {
    update_id: nextUpdateId++,
    message: { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: person(chatId), [field]: media },
  };
}

export function callbackUpdate(data: string, options: { chatId?: number; messageId?: number; keyboard?: { text: string; callback_data: string }[][] } = {}) {
  const chatId = options.chatId ?? CHAT_ID;
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `cq${nextUpdateId}`,
      from: person(chatId),
      chat_instance: '1',
      data,
      message: {
        message_id: options.messageId ?? 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private' },
        from: { id: 424242, is_bot: true, first_name: 'Punte' },
        text: '…',
        ...(options.keyboard ? { reply_markup: { inline_keyboard: options.keyboard } } : {}),
      },
    },
  };
}
