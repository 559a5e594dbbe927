// The core's way to reach a Telegram user outside a turn (a counsellor's reply): stored replies are sent in
// the chat's order, after any turn still being answered, and their message ids reported back.
import type { Api } from 'grammy';
import type { ChannelSender } from '../../core/channels.ts';
import type { KeyedQueue } from '../../core/conversation/keyed-queue.ts';
import type { ConversationService } from '../../core/conversation/service.ts';
import { deliver } from './deliver.ts';
import { TELEGRAM_CAPABILITIES, TELEGRAM_CHANNEL } from './limits.ts';

export class BotBlockedError extends Error {
  constructor() {
    super('the person blocked the bot: nothing is sent until they write again');
    this.name = 'BotBlockedError';
  }
}

export function createSender(options: { api: Api; silent: boolean; queue: KeyedQueue; conversations: ConversationService }): ChannelSender {
  return {
    channel: TELEGRAM_CHANNEL,
    capabilities: TELEGRAM_CAPABILITIES,
    // In a private chat the chat id is the person's id, which is what the core stores as channelUserId.
    send: (channelUserId, messages, delivered) =>
      options.queue.run(channelUserId, async () => {
        if (!(await options.conversations.isSubscribed(TELEGRAM_CHANNEL, channelUserId))) throw new BotBlockedError();
        await deliver({ api: options.api, chatId: channelUserId, silent: options.silent }, messages, delivered);
      }),
  };
}
