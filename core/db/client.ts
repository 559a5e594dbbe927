// Opens the SQLite database through Prisma: applies pending migrations first (offline, see migrate.ts), then
// connects with WAL, a busy timeout and foreign keys on, so the server and a command-line tool share the file.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, resolveSqliteFile } from './migrate.ts';

export type Database = PrismaClient;

/** How long a writer waits for another process's lock before giving up. */
export const BUSY_TIMEOUT_MS = 5_000;

export interface OpenDatabaseOptions {
  readonly databaseUrl: string;
  readonly migrationsDir: string;
  readonly log?: (message: string) => void;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<{ db: Database; file: string; applied: string[] }> {
  const file = resolveSqliteFile(options.databaseUrl);
  const { applied } = applyMigrations({ file, migrationsDir: options.migrationsDir, ...(options.log ? { log: options.log } : {}) });
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: BUSY_TIMEOUT_MS }) });
  // Per-connection settings; journal_mode=WAL is persistent and set by the migration runner.
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  return { db, file, applied };
}
