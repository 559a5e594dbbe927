// The composition root's core half: configuration, secrets, content, engine and database, built in the order
// that reports a problem soonest (a broken flow or config stops start-up before the database is touched).
import { join, resolve } from 'node:path';
import { loadConfig, type Config } from '../core/config.ts';
import { ConversationService } from '../core/conversation/service.ts';
import { createCipher, parseEncryptionKey, type Cipher } from '../core/crypto.ts';
import { openDatabase, type Database } from '../core/db/client.ts';
import { createEngine } from '../core/engine/engine.ts';
import { loadFlows } from '../core/flow/loader.ts';
import type { FlowSet } from '../core/flow/types.ts';
import { createTranslator, loadLocaleResources, type Translator } from '../core/i18n.ts';
import type { Logger } from '../core/log.ts';
import { resolveSecrets } from '../core/secrets.ts';
import { FLOWS_DIR, MIGRATIONS_DIR, PROJECT_ROOT } from './paths.ts';

export interface Runtime {
  readonly config: Config;
  readonly log: Logger;
  readonly db: Database;
  readonly cipher: Cipher;
  readonly translator: Translator;
  readonly flows: FlowSet;
  readonly conversations: ConversationService;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly log: Logger;
  readonly config?: Config;
  readonly now?: () => Date;
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
  });
  const { db, applied } = await openDatabase({ databaseUrl: config.DATABASE_URL, migrationsDir: MIGRATIONS_DIR });
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  const conversations = new ConversationService({
    db,
    cipher,
    engine,
    flows,
    log,
    defaultLocale: config.DEFAULT_LOCALE,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    config,
    log,
    db,
    cipher,
    translator,
    flows,
    conversations,
    async close() {
      await db.$disconnect();
    },
  };
}
