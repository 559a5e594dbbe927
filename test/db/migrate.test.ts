import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, resolveSqliteFile } from '../../core/db/migrate.ts';
import { MIGRATIONS, ROOT, cleanupTempDirs, makeTempDir, startTs, writeMigration } from './helpers.ts';

afterEach(cleanupTempDirs);

const PARENT_CHILD = `CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE TABLE "Child" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "parentId" TEXT NOT NULL,
    CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
`;

// What the schema engine writes for a change SQLite cannot ALTER: rebuild the table under a new name.
const REBUILD_PARENT = `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "note" TEXT NOT NULL DEFAULT '');
INSERT INTO "new_Parent" ("id", "name") SELECT "id", "name" FROM "Parent";
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A migrations folder with three small migrations; returns its path and the migration names in order. */
function fixtureMigrations(): { dir: string; names: string[] } {
  const dir = path.join(makeTempDir(), 'migrations');
  writeMigration(dir, '20250101000000_parent_child', PARENT_CHILD);
  writeMigration(dir, '20250102000000_note', 'CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT);\n');
  writeMigration(dir, '20250103000000_note_index', 'CREATE INDEX "Note_text_idx" ON "Note"("text");\n');
  return { dir, names: ['20250101000000_parent_child', '20250102000000_note', '20250103000000_note_index'] };
}

function rows(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('applyMigrations', () => {
  it('creates the file and its folder, applies every migration in order, and turns on WAL', () => {
    const { dir, names } = fixtureMigrations();
    const file = path.join(makeTempDir(), 'nested', 'data', 'punte.db');
    const logged: string[] = [];

    const result = applyMigrations({ file, migrationsDir: dir, log: (msg) => logged.push(msg) });

    expect(result.applied).toEqual(names);
    expect(logged.some((msg) => msg.includes(names[0]!))).toBe(true);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
      expect(tables).toEqual(['Child', 'Note', 'Parent', '_prisma_migrations']);
    } finally {
      db.close();
    }
  });

  it('applies the project migrations to a fresh file', () => {
    const file = path.join(makeTempDir(), 'punte.db');
    const { applied } = applyMigrations({ file, migrationsDir: MIGRATIONS });
    expect(applied.length).toBeGreaterThan(0);
    expect(applied[0]).toMatch(/^\d{14}_init$/);
    const db = new Database(file, { readonly: true });
    try {
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['Contact', 'Session', 'Message', 'ProcessedUpdate']));
    } finally {
      db.close();
    }
  });

  it('applies nothing the second time', () => {
    const { dir } = fixtureMigrations();
    const file = path.join(makeTempDir(), 'punte.db');
    applyMigrations({ file, migrationsDir: dir });
    const before = rows(file);

    expect(applyMigrations({ file, migrationsDir: dir }).applied).toEqual([]);
    expect(rows(file)).toEqual(before);
  });

  it('records each migration as prisma migrate deploy does', () => {
    const { dir, names } = fixtureMigrations();
    const file = path.join(makeTempDir(), 'punte.db');
    const before = Date.now();
    applyMigrations({ file, migrationsDir: dir });
    const after = Date.now();

    const recorded = rows(file);
    expect(recorded.map((r) => r.migration_name)).toEqual(names);
    for (const row of recorded) {
      const script = fs.readFileSync(path.join(dir, String(row.migration_name), 'migration.sql'), 'utf8');
      expect(row.checksum).toBe(sha256(script));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(typeof row.started_at).toBe('number');
      expect(typeof row.finished_at).toBe('number');
      expect(row.started_at as number).toBeGreaterThanOrEqual(before);
      expect(row.finished_at as number).toBeGreaterThanOrEqual(row.started_at as number);
      expect(row.finished_at as number).toBeLessThanOrEqual(after);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it('creates _prisma_migrations with the DDL of the schema engine', () => {
    const { dir } = fixtureMigrations();
    const file = path.join(makeTempDir(), 'punte.db');
    applyMigrations({ file, migrationsDir: dir });
    const db = new Database(file, { readonly: true });
    try {
      const columns = db.prepare(`PRAGMA table_info("_prisma_migrations")`).all() as { name: string; type: string }[];
      expect(columns.map((c) => `${c.name} ${c.type}`)).toEqual([
        'id TEXT',
        'checksum TEXT',
        'finished_at DATETIME',
        'migration_name TEXT',
        'logs TEXT',
        'rolled_back_at DATETIME',
        'started_at DATETIME',
        'applied_steps_count INTEGER UNSIGNED',
      ]);
    } finally {
      db.close();
    }
  });

  it('refuses a migration edited after it was applied, naming it', () => {
    const { dir, names } = fixtureMigrations();
    const file = path.join(makeTempDir(), 'punte.db');
    applyMigrations({ file, migrationsDir: dir });
    fs.appendFileSync(path.join(dir, names[1]!, 'migration.sql'), 'ALTER TABLE "Note" ADD COLUMN "extra" TEXT;\n');

    expect(() => applyMigrations({ file, migrationsDir: dir })).toThrow(
      new RegExp(`^Migration ${names[1]} was edited after it was applied`),
    );
  });

  it('accepts a migration whose line endings git changed', () => {
    const { dir, names } = fixtureMigrations();
    const file = path.join(makeTempDir(), 'punte.db');
    applyMigrations({ file, migrationsDir: dir });
    const sqlFile = path.join(dir, names[0]!, 'migration.sql');
    fs.writeFileSync(sqlFile, fs.readFileSync(sqlFile, 'utf8').replace(/\n/g, '\r\n'));

    expect(applyMigrations({ file, migrationsDir: dir }).applied).toEqual([]);
  });

  it('refuses a database with a migration started and never finished', () => {
    const { dir, names } = fixtureMigrations();
    const file = path.join(makeTempDir(), 'punte.db');
    applyMigrations({ file, migrationsDir: dir });
    const db = new Database(file);
    db.prepare(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = ?`).run(names[2]);
    db.close();

    expect(() => applyMigrations({ file, migrationsDir: dir })).toThrow(
      new RegExp(`^Migration ${names[2]} started but never finished`),
    );

    // Once marked rolled back (prisma migrate resolve --rolled-back), it is applied again.
    const fix = new Database(file);
    fix.prepare(`UPDATE "_prisma_migrations" SET rolled_back_at = 1 WHERE migration_name = ?`).run(names[2]);
    fix.exec('DROP INDEX "Note_text_idx"');
    fix.close();
    expect(applyMigrations({ file, migrationsDir: dir }).applied).toEqual([names[2]]);
  });

  it('refuses a database that has tables but no _prisma_migrations', () => {
    const { dir } = fixtureMigrations();
    const file = path.join(makeTempDir(), 'punte.db');
    const db = new Database(file);
    db.exec('CREATE TABLE "Legacy" ("id" INTEGER PRIMARY KEY)');
    db.close();

    expect(() => applyMigrations({ file, migrationsDir: dir })).toThrow(/^The database is not empty \(tables: Legacy\)/);
    const check = new Database(file, { readonly: true });
    expect(check.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()).toEqual(['Legacy']);
    check.close();
  });

  it('refuses a migration_lock.toml that names another provider', () => {
    const { dir } = fixtureMigrations();
    fs.writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    const file = path.join(makeTempDir(), 'punte.db');

    expect(() => applyMigrations({ file, migrationsDir: dir })).toThrow(/names provider "postgresql"/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('rolls back a failing migration, records no row for it, and names its folder', () => {
    const { dir, names } = fixtureMigrations();
    const broken = '20250102120000_broken';
    writeMigration(dir, broken, 'CREATE TABLE "Half" ("id" INTEGER);\nINSERT INTO "Missing" VALUES (1);\n');
    const file = path.join(makeTempDir(), 'punte.db');

    expect(() => applyMigrations({ file, migrationsDir: dir })).toThrow(
      new RegExp(`^Migration ${broken} failed and was rolled back: no such table: Missing`),
    );
    // The migrations before it stay applied; the broken one left nothing behind.
    expect(rows(file).map((r) => r.migration_name)).toEqual([names[0], names[1]]);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'Half'`).pluck().get()).toBe(0);
    db.close();

    // Fixed, it applies along with the rest.
    writeMigration(dir, broken, 'CREATE TABLE "Half" ("id" INTEGER);\n');
    expect(applyMigrations({ file, migrationsDir: dir }).applied).toEqual([broken, names[2]]);
  });

  it('rolls back a migration that leaves rows violating foreign keys', () => {
    const { dir, names } = fixtureMigrations();
    const orphan = '20250104000000_orphan';
    writeMigration(dir, orphan, `INSERT INTO "Child" ("id", "parentId") VALUES ('c1', 'nobody');\n`);
    const file = path.join(makeTempDir(), 'punte.db');

    expect(() => applyMigrations({ file, migrationsDir: dir })).toThrow(
      new RegExp(`^Migration ${orphan} failed and was rolled back: 1 row\\(s\\) violate foreign keys`),
    );
    expect(rows(file).map((r) => r.migration_name)).toEqual(names);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM "Child"').pluck().get()).toBe(0);
    db.close();
  });

  it('rebuilds a parent table without deleting child rows through ON DELETE CASCADE', () => {
    const dir = path.join(makeTempDir(), 'migrations');
    writeMigration(dir, '20250101000000_parent_child', PARENT_CHILD);
    const file = path.join(makeTempDir(), 'punte.db');
    applyMigrations({ file, migrationsDir: dir });
    const seed = new Database(file);
    seed.exec(`INSERT INTO "Parent" VALUES ('p1', 'one'), ('p2', 'two');
               INSERT INTO "Child" VALUES ('c1', 'p1'), ('c2', 'p1'), ('c3', 'p2');`);
    seed.close();

    // The hazard is real: the same script inside a transaction with foreign keys on loses every child.
    const control = path.join(makeTempDir(), 'control.db');
    fs.copyFileSync(file, control);
    const naive = new Database(control);
    naive.pragma('foreign_keys = ON');
    naive.exec(`BEGIN; ${REBUILD_PARENT} COMMIT;`);
    expect(naive.prepare('SELECT count(*) FROM "Child"').pluck().get()).toBe(0);
    naive.close();

    writeMigration(dir, '20250105000000_parent_note', REBUILD_PARENT);
    expect(applyMigrations({ file, migrationsDir: dir }).applied).toEqual(['20250105000000_parent_note']);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT id FROM "Child" ORDER BY id').pluck().all()).toEqual(['c1', 'c2', 'c3']);
      expect(db.prepare('SELECT "note" FROM "Parent" ORDER BY id').pluck().all()).toEqual(['', '']);
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('applies each migration exactly once when several processes start at the same moment', async () => {
    const dir = path.join(makeTempDir(), 'migrations');
    // The second migration is slow enough (about 100 ms) for the others to be waiting on the lock.
    writeMigration(dir, '20250101000000_counter', 'CREATE TABLE "Counter" ("n" INTEGER NOT NULL);\n');
    writeMigration(
      dir,
      '20250102000000_fill',
      'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 200000) INSERT INTO "Counter" SELECT n FROM s;\n',
    );
    writeMigration(dir, '20250103000000_marker', 'INSERT INTO "Counter" VALUES (-1);\n');
    const file = path.join(makeTempDir(), 'data', 'punte.db');
    const childScript = path.join(ROOT, 'test', 'db', 'fixtures', 'apply-child.ts');

    const children = Array.from({ length: 4 }, () => startTs(childScript, [file, dir]));
    // Release them together once every one has loaded (tsx start-up time varies).
    await Promise.all(
      children.map(
        ({ child, output }) =>
          new Promise<void>((resolve, reject) => {
            const check = () => output().includes('ready\n') && resolve();
            child.stdout.on('data', check);
            child.on('exit', () => reject(new Error('child exited before it was ready')));
            check();
          }),
      ),
    );
    for (const { child } of children) child.stdin.write('go\n');
    const results = await Promise.all(children.map((c) => c.done));

    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    const applied = results.flatMap((r) => (JSON.parse(r.stdout.split('\n')[1]!) as { applied: string[] }).applied);
    expect(applied.sort()).toEqual(['20250101000000_counter', '20250102000000_fill', '20250103000000_marker']);
    expect(rows(file)).toHaveLength(3);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM "Counter"').pluck().get()).toBe(200_001);
    db.close();
  });
});

describe('resolveSqliteFile', () => {
  it('maps relative and absolute file: URLs to paths', () => {
    expect(resolveSqliteFile('file:./data/punte.db')).toBe(path.join(process.cwd(), 'data', 'punte.db'));
    expect(resolveSqliteFile('file:data/punte.db')).toBe(path.join(process.cwd(), 'data', 'punte.db'));
    expect(resolveSqliteFile('file:/abs/x.db')).toBe('/abs/x.db');
    expect(resolveSqliteFile('file:/abs/x.db?connection_limit=1')).toBe('/abs/x.db');
    expect(resolveSqliteFile('file:///abs/y.db')).toBe('/abs/y.db');
  });

  it('refuses other URLs without echoing them', () => {
    expect(() => resolveSqliteFile('postgresql://user:secret@host/db')).toThrow(/a postgresql: URL/);
    expect(() => resolveSqliteFile('postgresql://user:secret@host/db')).not.toThrow(/secret/);
    expect(() => resolveSqliteFile('./punte.db')).toThrow(/must be a SQLite file URL/);
    expect(() => resolveSqliteFile('file:')).toThrow(/names no file/);
  });
});
