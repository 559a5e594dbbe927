// What a channel adapter offers the composition root (app/), without the core knowing any channel: it reads its
// own settings from the environment, may add webhook routes to the server, may run in the background (long
// polling) and may register a sender so the core can reach people later.
import type { FastifyInstance } from 'fastify';
import type { ChannelSender } from './channels.ts';
import type { Config } from './config.ts';
import type { ConversationService } from './conversation/service.ts';
import type { Translator } from './i18n.ts';
import type { Logger } from './log.ts';

export interface ChannelContext {
  readonly env: NodeJS.ProcessEnv;
  readonly config: Config;
  readonly log: Logger;
  readonly conversations: ConversationService;
  /** The locale files, for the few words a channel itself must say (its command menu, a note after quick exit). */
  readonly translator: Translator;
}

export interface ChannelInstance {
  readonly name: string;
  /** Webhook routes on the shared server. */
  routes?(app: FastifyInstance): Promise<void>;
  /** Background work once the server listens (e.g. long polling). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
  readonly sender?: ChannelSender;
}

export interface ChannelModule {
  readonly name: string;
  /** The channel for this environment, or undefined when it is not configured; throws on invalid settings. */
  configure(context: ChannelContext): ChannelInstance | undefined;
}
