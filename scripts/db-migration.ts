// npm run db:migration -- NAME
// Writes prisma/migrations/<UTC timestamp>_<NAME>/migration.sql with the SQL that takes the database built by the
// existing migrations to prisma/schema.prisma (what `prisma migrate dev --create-only` would write, without the
// native engine). Paths are relative to the current folder, the project root under npm run.
import fs from 'node:fs';
import path from 'node:path';
import { SQLITE_LOCKFILE, diffMigrationsToSchema } from './lib/schema-engine.ts';

const USAGE = 'Usage: npm run db:migration -- NAME   (NAME: lowercase letters, digits and underscores, e.g. add_message_kind)';

/** 2025-03-04T05:06:07Z -> 20250304050607, the UTC timestamp Prisma puts in front of migration names. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function main(args: string[]): Promise<number> {
  const name = args[0];
  if (args.length !== 1 || name === undefined || !/^[a-z0-9_]{1,100}$/.test(name)) {
    console.error(USAGE);
    return 2;
  }
  const schemaPath = path.resolve('prisma', 'schema.prisma');
  const migrationsDir = path.resolve('prisma', 'migrations');
  if (!fs.existsSync(schemaPath)) {
    console.error(`No ${path.relative(process.cwd(), schemaPath)} here: run this from the project root.`);
    return 1;
  }

  const script = await diffMigrationsToSchema(migrationsDir, schemaPath);
  if (script === '') {
    console.log('No changes: prisma/schema.prisma matches the existing migrations.');
    return 0;
  }

  const folder = path.join(migrationsDir, `${timestamp(new Date())}_${name}`);
  if (fs.existsSync(folder)) {
    console.error(`${path.relative(process.cwd(), folder)} already exists; try again in a second.`);
    return 1;
  }
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'migration.sql'), script);
  const lockfile = path.join(migrationsDir, 'migration_lock.toml');
  if (!fs.existsSync(lockfile)) fs.writeFileSync(lockfile, SQLITE_LOCKFILE);

  console.log(path.relative(process.cwd(), folder));
  console.log('Review migration.sql before committing it; the app applies it at start-up.');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
