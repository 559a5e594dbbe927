// Drift checks with the wasm schema engine: prisma/migrations, the database they build, and schema.prisma must
// describe the same schema.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../core/db/migrate.ts';
import { WasmSchemaEngine, diffDatabaseToSchema, diffMigrationsToSchema } from '../../scripts/lib/schema-engine.ts';
import { MIGRATIONS, SCHEMA, cleanupTempDirs, makeTempDir } from './helpers.ts';

afterEach(cleanupTempDirs);

function migratedDatabase(): string {
  const file = path.join(makeTempDir(), 'punte.db');
  applyMigrations({ file, migrationsDir: MIGRATIONS });
  return file;
}

describe('schema drift', () => {
  it('every change in schema.prisma has its migration', async () => {
    expect(await diffMigrationsToSchema(MIGRATIONS, SCHEMA)).toBe('');
  });

  it('the database built by applyMigrations matches schema.prisma', async () => {
    const file = migratedDatabase();
    expect(await diffDatabaseToSchema(file, SCHEMA)).toBe('');
    // The check only reads: the file is still usable and unchanged in schema.
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM "_prisma_migrations"').pluck().get()).toBeGreaterThan(0);
    db.close();
  });

  it('notices a column missing from the database', async () => {
    const file = migratedDatabase();
    const db = new Database(file);
    db.exec('ALTER TABLE "Message" DROP COLUMN "deliveredAt"');
    db.close();

    const diff = await diffDatabaseToSchema(file, SCHEMA);
    expect(diff).toMatch(/ALTER TABLE "Message" ADD COLUMN "deliveredAt" DATETIME/);
  });

  it('notices a column missing from the migrations', async () => {
    const copy = path.join(makeTempDir(), 'migrations');
    fs.cpSync(MIGRATIONS, copy, { recursive: true });
    const init = fs.readdirSync(copy).find((name) => name.endsWith('_init'));
    expect(init).toBeDefined();
    const sqlFile = path.join(copy, init!, 'migration.sql');
    const sql = fs.readFileSync(sqlFile, 'utf8');
    const edited = sql.replace(/^\s*"deliveredAt" DATETIME,\n/m, '');
    expect(edited).not.toBe(sql);
    fs.writeFileSync(sqlFile, edited);

    const diff = await diffMigrationsToSchema(copy, SCHEMA);
    expect(diff).toMatch(/"deliveredAt"/);
  });

  it('says so when the database file does not exist, without creating it', async () => {
    const file = path.join(makeTempDir(), 'missing.db');
    await expect(diffDatabaseToSchema(file, SCHEMA)).rejects.toThrow(/Database file not found/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reports a migration that does not replay, naming it', async () => {
    const copy = path.join(makeTempDir(), 'migrations');
    fs.cpSync(MIGRATIONS, copy, { recursive: true });
    fs.mkdirSync(path.join(copy, '20990101000000_broken'));
    fs.writeFileSync(path.join(copy, '20990101000000_broken', 'migration.sql'), 'ALTER TABLE "Nope" ADD COLUMN "x" TEXT;\n');

    await expect(diffMigrationsToSchema(copy, SCHEMA)).rejects.toThrow(/20990101000000_broken/);
  });
});

// The wasm build of the engine behind `prisma migrate deploy` stands in for the native one, which cannot be
// downloaded here: it must accept the history applyMigrations records, and the other way round.
describe('compatibility with prisma migrate deploy', () => {
  it('the engine finds nothing to apply, edited or failed after applyMigrations', async () => {
    const file = migratedDatabase();
    const engine = await WasmSchemaEngine.open(file);
    try {
      expect(await engine.diagnoseMigrationHistory(MIGRATIONS)).toEqual({
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: true,
        history: null,
      });
      expect(await engine.applyMigrations(MIGRATIONS)).toEqual([]);
    } finally {
      await engine.close();
    }
  });

  it('applyMigrations finds nothing to do after the engine applied the migrations', async () => {
    const file = path.join(makeTempDir(), 'punte.db');
    fs.writeFileSync(file, '');
    const engine = await WasmSchemaEngine.open(file);
    let appliedByEngine: string[];
    try {
      appliedByEngine = await engine.applyMigrations(MIGRATIONS);
    } finally {
      await engine.close();
    }
    expect(appliedByEngine.length).toBeGreaterThan(0);
    expect(applyMigrations({ file, migrationsDir: MIGRATIONS }).applied).toEqual([]);
  });

  it('the engine and applyMigrations agree on which migration was edited', async () => {
    const copy = path.join(makeTempDir(), 'migrations');
    fs.cpSync(MIGRATIONS, copy, { recursive: true });
    const file = path.join(makeTempDir(), 'punte.db');
    applyMigrations({ file, migrationsDir: copy });
    const init = fs.readdirSync(copy).find((name) => name.endsWith('_init'))!;
    fs.appendFileSync(path.join(copy, init, 'migration.sql'), '-- edited\n');

    const engine = await WasmSchemaEngine.open(file);
    try {
      expect((await engine.diagnoseMigrationHistory(copy)).editedMigrationNames).toEqual([init]);
    } finally {
      await engine.close();
    }
    expect(() => applyMigrations({ file, migrationsDir: copy })).toThrow(new RegExp(`^Migration ${init} was edited`));
  });
});
