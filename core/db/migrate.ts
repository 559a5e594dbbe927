// Applies prisma/migrations to the SQLite file at start-up, without Prisma's schema engine (which cannot be
// downloaded on our machines). It records every migration in `_prisma_migrations` exactly as
// `prisma migrate deploy` does, so a machine that has the engine can keep using `prisma migrate deploy`.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { PunteError } from '../errors.ts';

export interface ApplyMigrationsOptions {
  /** Path of the SQLite file; it and its folder are created when missing. */
  file: string;
  /** Folder holding `<name>/migration.sql` and `migration_lock.toml` (prisma/migrations). */
  migrationsDir: string;
  log?: (msg: string) => void;
}

interface Migration {
  name: string;
  script: string;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: number | string | null;
  rolled_back_at: number | string | null;
}

// The DDL the schema engine uses on SQLite, byte for byte.
const MIGRATIONS_TABLE_DDL = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);
`;

// Long enough to wait for another process applying a migration at the same moment.
const BUSY_TIMEOUT_MS = 15_000;

/** Maps a Prisma SQLite URL (`file:./data/punte.db`, `file:/abs/x.db`) to a path; relative to process.cwd(). */
export function resolveSqliteFile(databaseUrl: string): string {
  const url = databaseUrl.trim();
  if (!url.startsWith('file:')) {
    // Name only the scheme: a server URL may carry a password.
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
    throw new PunteError(
      'PUNTE_DATABASE_URL_INVALID',
      `DATABASE_URL must be a SQLite file URL such as file:./data/punte.db (got ${scheme ? `a ${scheme}: URL` : 'no file: URL'})`,
    );
  }
  if (url.startsWith('file://')) return fileURLToPath(url.split('?')[0]!);
  // Prisma allows parameters after '?' (connection_limit and the like); they are not part of the path.
  const filePath = url.slice('file:'.length).split('?')[0]!;
  if (filePath === '') throw new PunteError('PUNTE_DATABASE_URL_INVALID', 'DATABASE_URL names no file: expected e.g. file:./data/punte.db');
  return path.resolve(process.cwd(), filePath);
}

export function applyMigrations(options: ApplyMigrationsOptions): { applied: string[] } {
  const log = options.log ?? (() => {});
  const migrations = readMigrations(options.migrationsDir);

  fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  const db = new Database(options.file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (String(mode).toLowerCase() !== 'wal') {
      throw new PunteError('PUNTE_MIGRATION_FAILED', `Could not switch ${options.file} to WAL journal mode (it stays in ${String(mode)})`);
    }
    const foreignKeysBefore = db.pragma('foreign_keys', { simple: true }) as number;
    const applied: string[] = [];
    try {
      // A table rebuild (create new, copy, drop old, rename) would delete child rows through ON DELETE CASCADE
      // if foreign keys were enforced, and the pragma is a no-op inside a transaction: switch it off here.
      db.pragma('foreign_keys = OFF');
      // One transaction per migration, like the engine. Each pass re-reads the table inside its IMMEDIATE
      // transaction, so a second process that waited on the lock sees what the first one applied.
      for (;;) {
        const name = applyNext(db, migrations, log);
        if (name === null) break;
        applied.push(name);
      }
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.pragma(`foreign_keys = ${foreignKeysBefore ? 'ON' : 'OFF'}`);
    }
    if (applied.length === 0) log('Database schema is up to date');
    return { applied };
  } finally {
    db.close();
  }
}

/** Applies the first pending migration in its own transaction; returns its name, or null when none is pending. */
function applyNext(db: Database.Database, migrations: Migration[], log: (msg: string) => void): string | null {
  db.exec('BEGIN IMMEDIATE');
  const rows = readMigrationsTable(db);
  checkHistory(rows, migrations, log);
  // As in the engine, a rolled-back row does not count as applied.
  const done = new Set(rows.filter((r) => r.rolled_back_at === null).map((r) => r.migration_name));
  const next = migrations.find((m) => !done.has(m.name));
  if (!next) {
    db.exec('COMMIT');
    return null;
  }

  log(`Applying migration ${next.name}`);
  const startedAt = Date.now();
  try {
    db.exec(next.script);
    const violations = db.prepare('PRAGMA foreign_key_check').all();
    if (violations.length > 0) {
      throw new PunteError('PUNTE_MIGRATION_FAILED', `${violations.length} row(s) violate foreign keys, e.g. ${JSON.stringify(violations[0])}`);
    }
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new PunteError('PUNTE_MIGRATION_FAILED', `Migration ${next.name} failed and was rolled back: ${reason}`, { cause: error });
  }
  db.prepare(
    `INSERT INTO "_prisma_migrations"
       (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
     VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
  ).run(randomUUID(), checksum(next.script), Date.now(), next.name, startedAt);
  db.exec('COMMIT');
  return next.name;
}

/** Creates `_prisma_migrations` on an empty database; inside the caller's transaction. */
function readMigrationsTable(db: Database.Database): MigrationRow[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
    .pluck()
    .all() as string[];
  if (!tables.includes('_prisma_migrations')) {
    if (tables.length > 0) {
      // Same refusal as the engine (P3005): we cannot know which migrations built these tables.
      throw new PunteError('PUNTE_MIGRATION_FAILED',
        `The database is not empty (tables: ${tables.join(', ')}) but has no _prisma_migrations table; baseline it first`,
      );
    }
    db.exec(MIGRATIONS_TABLE_DDL);
    return [];
  }
  return db
    .prepare(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    )
    .all() as MigrationRow[];
}

function checkHistory(rows: MigrationRow[], migrations: Migration[], log: (msg: string) => void): void {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) {
      // The engine refuses too (P3009): a half-applied migration must be resolved by a person.
      throw new PunteError('PUNTE_MIGRATION_FAILED',
        `Migration ${row.migration_name} started but never finished; fix the database, then mark it rolled back or applied`,
      );
    }
    const migration = byName.get(row.migration_name);
    if (!migration) {
      log(`Warning: the database has migration ${row.migration_name}, which is not in the migrations folder`);
    } else if (!matchesChecksum(migration.script, row.checksum)) {
      throw new PunteError('PUNTE_MIGRATION_FAILED',
        `Migration ${row.migration_name} was edited after it was applied (checksum differs); restore the original migration.sql`,
      );
    }
  }
}

function readMigrations(migrationsDir: string): Migration[] {
  if (!fs.existsSync(migrationsDir)) throw new PunteError('PUNTE_MIGRATION_FAILED', `Migrations folder not found: ${migrationsDir}`);
  const lockFile = path.join(migrationsDir, 'migration_lock.toml');
  if (fs.existsSync(lockFile)) {
    const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(fs.readFileSync(lockFile, 'utf8'))?.[1];
    if (provider !== 'sqlite') {
      throw new PunteError('PUNTE_MIGRATION_FAILED', `${lockFile} names provider "${provider ?? '(none)'}", but this database is sqlite`);
    }
  }
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort() // timestamped names: code-point order is the order they were written in
    .map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      // The engine fails on such a folder too; better to say so before touching the database.
      if (!fs.existsSync(file)) throw new PunteError('PUNTE_MIGRATION_FAILED', `Migration ${name} has no migration.sql`);
      return { name, script: fs.readFileSync(file, 'utf8') };
    });
}

function checksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

// Like the engine, accept a script whose line endings git converted since it was applied.
function matchesChecksum(script: string, recorded: string): boolean {
  const lf = script.replace(/\r\n/g, '\n');
  return [script, lf, lf.replace(/\n/g, '\r\n')].some((variant) => checksum(variant) === recorded.toLowerCase());
}
