// One Telegram update through the core: translate it, let the core run and store the turn, hide the history
// when asked, then deliver the replies. No flow logic here; every word the person sees comes from the core's
// replies or, for the note after a quick exit, from the locale files.
import type { Api, Context } from 'grammy';
import type { KeyedQueue } from '../../core/conversation/keyed-queue.ts';
import type { ConversationService } from '../../core/conversation/service.ts';
import type { Translator } from '../../core/i18n.ts';
import type { Logger } from '../../core/log.ts';
import type { TurnResult } from '../../core/message.ts';
import { deliver, withNote } from './deliver.ts';
import { describeFailure } from './errors.ts';
import { planDeletion, type MessageDeleter } from './hide.ts';
import { updateToInbound, type TelegramInbound } from './inbound.ts';
import { TELEGRAM_CAPABILITIES, TELEGRAM_CHANNEL } from './limits.ts';

export const OLDER_REMAIN_KEY = 'common:exit.olderRemain';

export interface TurnDependencies {
  readonly conversations: ConversationService;
  readonly translator: Translator;
  readonly log: Logger;
  readonly silent: boolean;
  /** Shared with the sender, so a chat's messages go out in order. */
  readonly queue: KeyedQueue;
  readonly deleter: MessageDeleter;
  readonly now: () => Date;
}

/** Thrown when the core could not process an update: the webhook answers 500 and Telegram sends it again. */
export class UpdateNotProcessedError extends Error {
  constructor() {
    super('the update could not be processed');
    this.name = 'UpdateNotProcessedError';
  }
}

export function createUpdateHandler(deps: TurnDependencies): (ctx: Context) => Promise<void> {
  const { log } = deps;
  return async (ctx) => {
    const updateId = ctx.update.update_id;
    if (ctx.callbackQuery) {
      // Always answered at once, so the button stops spinning whatever happens next.
      await ctx.answerCallbackQuery().catch((error: unknown) => log.warn({ updateId, failure: describeFailure(error) }, 'answerCallbackQuery failed'));
    }
    const membership = ctx.update.my_chat_member;
    if (membership) {
      // The person blocked the bot (kicked) or started it again (member), in their private chat. Parsed
      // leniently: a field missing means nothing to record.
      const status = membership.new_chat_member?.status;
      if (membership.chat?.type === 'private' && (status === 'kicked' || status === 'member')) {
        const chatId = String(membership.chat.id);
        const subscribed = status === 'member';
        await deps.queue.run(chatId, () => deps.conversations.setSubscribed(TELEGRAM_CHANNEL, chatId, subscribed));
      }
      return;
    }
    const mapped = updateToInbound(ctx.update, deps.now());
    if (!mapped) {
      log.debug({ updateId }, 'update of a kind the bot does not handle');
      return;
    }
    await deps.queue.run(mapped.inbound.channelUserId, () => runTurn(deps, ctx.api, mapped, updateId));
  };
}

async function runTurn(deps: TurnDependencies, api: Api, mapped: TelegramInbound, updateId: number): Promise<void> {
  const { log } = deps;
  let result: TurnResult;
  try {
    result = await deps.conversations.handle(mapped.inbound, TELEGRAM_CAPABILITIES);
  } catch (error) {
    log.error({ updateId, failure: describeFailure(error) }, 'telegram update could not be processed');
    throw new UpdateNotProcessedError();
  }
  if (result.duplicate) {
    log.info({ updateId }, 'duplicate telegram update dropped');
    return;
  }

  let note: string | undefined;
  if (result.hideHistory) {
    const own = mapped.inbound.channelMessageId !== undefined ? [mapped.inbound.channelMessageId] : [];
    const plan = planDeletion(result.hideHistory, own, deps.now());
    await deps.deleter.delete(api, mapped.chatId, plan.ids);
    if (plan.olderRemain) note = deps.translator.t(result.locale, OLDER_REMAIN_KEY);
    log.info({ updateId, deleted: plan.ids.length, olderRemain: plan.olderRemain }, 'conversation hidden');
  }

  try {
    await deliver({ api, chatId: mapped.chatId, silent: deps.silent }, withNote(result.replies, note), (messageId, ids) =>
      deps.conversations.markDelivered(messageId, ids),
    );
  } catch (error) {
    // The turn is stored; undelivered replies stay marked so and can be sent again later.
    log.warn({ updateId, failure: describeFailure(error) }, 'telegram reply not delivered');
  }
}
