// The composition root's core half: configuration, secrets, content, engine and database, built in the order
// that reports a problem soonest (a broken flow or config stops start-up before the database is touched).
import { join, resolve } from 'node:path';
import type { ChannelInstance } from '../core/channel-module.ts';
import { ChannelRegistry } from '../core/channels.ts';
import { loadConfig, type Config } from '../core/config.ts';
import { ConversationService } from '../core/conversation/service.ts';
import { createCipher, parseEncryptionKey, type Cipher } from '../core/crypto.ts';
import { openDatabase, type Database } from '../core/db/client.ts';
import { createEngine } from '../core/engine/engine.ts';
import { loadFlows } from '../core/flow/loader.ts';
import type { FlowSet } from '../core/flow/types.ts';
import { createTranslator, loadLocaleResources, type Translator } from '../core/i18n.ts';
import type { Logger } from '../core/log.ts';
import { parseCentreHours } from '../core/handoff/hours.ts';
import { HandoffService } from '../core/handoff/service.ts';
import { createTriage } from '../core/triage/index.ts';
import { resolveSecrets, type Secrets } from '../core/secrets.ts';
import { CHANNEL_MODULES } from './channels.ts';
import { FLOWS_DIR, MIGRATIONS_DIR, PROJECT_ROOT } from './paths.ts';

export interface Runtime {
  readonly config: Config;
  /** From the environment, or generated into DATA_DIR in development. */
  readonly secrets: Secrets;
  readonly log: Logger;
  readonly db: Database;
  readonly cipher: Cipher;
  readonly translator: Translator;
  readonly flows: FlowSet;
  readonly conversations: ConversationService;
  /** Adapters that can reach people outside a turn. */
  readonly registry: ChannelRegistry;
  /** Counsellors taking conversations from the bot and handing them back. */
  readonly handoff: HandoffService;
  /** The channels configured in this environment. */
  readonly channels: readonly ChannelInstance[];
  close(): Promise<void>;
}

export interface RuntimeOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly log: Logger;
  readonly config?: Config;
  readonly now?: () => Date;
  /** Build the configured channels too (the server does; one-off commands need not). */
  readonly withChannels?: boolean;
}

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { log } = options;
  const config = options.config ?? loadConfig(options.env);
  const secrets = resolveSecrets({
    env: options.env,
    production: config.production,
    dataDir: config.DATA_DIR,
    warn: (message) => log.warn(message),
  });
  const cipher = createCipher(parseEncryptionKey(secrets.DATA_ENCRYPTION_KEY));
  const flowsDir = config.FLOWS_DIR ? resolve(config.FLOWS_DIR) : FLOWS_DIR;
  const translator = createTranslator(loadLocaleResources(join(flowsDir, 'locales')));
  const flows = loadFlows({ dir: flowsDir, translator, relativeTo: config.FLOWS_DIR ? process.cwd() : PROJECT_ROOT });
  const engine = createEngine({
    flows,
    translator,
    sessionTimeoutMs: config.SESSION_TIMEOUT_MINUTES * 60_000,
    defaultLocale: config.DEFAULT_LOCALE,
    triage: createTriage({ flowsDir, codeWord: config.TRIAGE_CODE_WORD }),
  });
  const centreHours = parseCentreHours(config.CENTRE_HOURS, config.CENTRE_TIMEZONE);
  const { db, applied } = await openDatabase({ databaseUrl: config.DATABASE_URL, migrationsDir: MIGRATIONS_DIR });
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  const conversations = new ConversationService({
    db,
    cipher,
    engine,
    flows,
    log,
    defaultLocale: config.DEFAULT_LOCALE,
    flowsDir,
    centreHours,
    ...(options.now ? { now: options.now } : {}),
  });
  const registry = new ChannelRegistry();
  const handoff = new HandoffService({
    db,
    cipher,
    registry,
    conversations,
    translator,
    flows,
    log,
    timeoutMs: config.HANDOFF_TIMEOUT_MINUTES * 60_000,
    ...(options.now ? { now: options.now } : {}),
  });
  const channels: ChannelInstance[] = [];
  if (options.withChannels) {
    for (const module of CHANNEL_MODULES) {
      const channel = module.configure({ env: options.env, config, log: log.child({ channel: module.name }), conversations, translator });
      if (!channel) continue;
      channels.push(channel);
      if (channel.sender) registry.register(channel.sender);
      log.info({ channel: module.name }, 'channel enabled');
    }
  }
  return {
    config,
    secrets,
    registry,
    handoff,
    channels,
    log,
    db,
    cipher,
    translator,
    flows,
    conversations,
    async close() {
      for (const channel of channels) await channel.stop?.();
      await db.$disconnect();
    },
  };
}
