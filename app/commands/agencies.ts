// `punte agencies import FILE.csv`: replaces the licensed-agency registry with the list staff maintain.
// Every line is checked first; one bad line imports nothing, and each problem is named on standard error.
import { readFileSync } from 'node:fs';
import { parseAgenciesCsv, replaceAgencies } from '../../core/agencies/import.ts';
import { loadConfig } from '../../core/config.ts';
import { openDatabase } from '../../core/db/client.ts';
import { PunteError } from '../../core/errors.ts';
import { MIGRATIONS_DIR } from '../paths.ts';
import type { CommandContext } from './context.ts';

export const AGENCIES_USAGE = 'usage: punte agencies import FILE.csv';

export async function agenciesCommand(context: CommandContext): Promise<number> {
  const { positionals } = context.parse({});
  const [subcommand, file, ...rest] = positionals;
  if (subcommand !== 'import' || file === undefined || rest.length > 0) throw new PunteError('PUNTE_USAGE', AGENCIES_USAGE);

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PunteError('PUNTE_USAGE', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const { rows, problems } = parseAgenciesCsv(text);
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`${file}: ${problem}\n`);
    throw new PunteError('PUNTE_AGENCIES_INVALID', `${problems.length} problem(s) in ${file}, the registry is unchanged`);
  }

  const config = loadConfig(context.env);
  const { db } = await openDatabase({ databaseUrl: config.DATABASE_URL, migrationsDir: MIGRATIONS_DIR });
  try {
    const count = await replaceAgencies(db, rows, new Date());
    context.stdout.write(`imported ${count} agencies (the registry now holds exactly this list)\n`);
  } finally {
    await db.$disconnect();
  }
  return 0;
}
