// `punte migrate`: apply pending database migrations and say which.
import { resolveSqliteFile, applyMigrations } from '../../core/db/migrate.ts';
import { loadConfig } from '../../core/config.ts';
import { MIGRATIONS_DIR } from '../paths.ts';
import type { CommandContext } from './context.ts';

export async function migrateCommand(context: CommandContext): Promise<number> {
  context.parse({});
  const config = loadConfig(context.env);
  const file = resolveSqliteFile(config.DATABASE_URL);
  const { applied } = applyMigrations({ file, migrationsDir: MIGRATIONS_DIR, log: (message) => context.log.info(message) });
  context.stdout.write(applied.length > 0 ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'database is up to date\n');
  return 0;
}
