// The Telegram channel assembled: a grammY bot whose one middleware hands updates to the core, the webhook
// route or the long-polling loop, the sender the core uses to reach people later, and the hourly pruning of
// processed update ids.
import type { UserFromGetMe } from 'grammy/types';
import type { Bot } from 'grammy';
import type { ChannelInstance } from '../../core/channel-module.ts';
import type { ChannelSender } from '../../core/channels.ts';
import { KeyedQueue } from '../../core/conversation/keyed-queue.ts';
import type { ConversationService } from '../../core/conversation/service.ts';
import type { Translator } from '../../core/i18n.ts';
import type { Logger } from '../../core/log.ts';
import { createApi, createBot } from './bot.ts';
import type { TelegramConfig } from './config.ts';
import { describeFailure } from './errors.ts';
import { MessageDeleter } from './hide.ts';
import { POLL_TIMEOUT_SECONDS, PROCESSED_UPDATE_TTL_MS, PRUNE_EVERY_MS, TELEGRAM_CHANNEL } from './limits.ts';
import { grammySignal, Poller } from './polling.ts';
import { createSender } from './sender.ts';
import { createUpdateHandler } from './turn.ts';
import { webhookRoutes } from './webhook.ts';

export interface TelegramChannelOptions {
  readonly config: TelegramConfig;
  readonly conversations: ConversationService;
  readonly translator: Translator;
  readonly log: Logger;
  /** Known bot details: no getMe call (tests). */
  readonly botInfo?: UserFromGetMe;
  readonly now?: () => Date;
  /** Pause after an empty getUpdates answer (tests shorten it). */
  readonly pollIdleMs?: number;
}

export interface TelegramChannel extends ChannelInstance {
  readonly bot: Bot;
  readonly sender: ChannelSender;
}

export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { config, conversations, log } = options;
  const now = options.now ?? (() => new Date());
  const bot = createBot(config, options.botInfo);
  const queue = new KeyedQueue();
  bot.use(
    createUpdateHandler({
      conversations,
      translator: options.translator,
      log,
      silent: config.silent,
      queue,
      deleter: new MessageDeleter(log),
      now,
    }),
  );

  let poller: Poller | undefined;
  let pruneTimer: NodeJS.Timeout | undefined;
  const prune = () =>
    conversations
      .pruneProcessedUpdates(TELEGRAM_CHANNEL, PROCESSED_UPDATE_TTL_MS)
      .then((count) => count > 0 && log.debug({ count }, 'old processed update ids forgotten'))
      .catch((error: unknown) => log.warn({ failure: describeFailure(error) }, 'pruning processed update ids failed'));

  return {
    name: TELEGRAM_CHANNEL,
    bot,
    sender: createSender({ api: bot.api, silent: config.silent, queue, conversations }),
    ...(config.mode === 'webhook' ? { routes: webhookRoutes(bot, config.webhookSecret!) } : {}),
    async start() {
      void prune();
      pruneTimer = setInterval(() => void prune(), PRUNE_EVERY_MS);
      pruneTimer.unref();
      if (config.mode !== 'polling') return;
      poller = new Poller({
        api: createApi(config, POLL_TIMEOUT_SECONDS + 10),
        init: (signal) => bot.init(grammySignal(signal)),
        handle: (update) => bot.handleUpdate(update),
        log,
        ...(options.pollIdleMs !== undefined ? { idleMs: options.pollIdleMs } : {}),
      });
      poller.start();
      log.info('telegram long polling started');
    },
    async stop() {
      if (pruneTimer) clearInterval(pruneTimer);
      await poller?.stop();
      poller = undefined;
    },
  };
}
