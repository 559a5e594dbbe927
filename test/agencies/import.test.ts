// The licensed-agency registry: CSV checks (one line per problem, naming the line), the atomic replace, and the
// `punte agencies import` command as staff run it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../app/paths.ts';
import { parseAgenciesCsv, replaceAgencies } from '../../core/agencies/import.ts';
import { openDatabase, type Database } from '../../core/db/client.ts';
import { ROOT, runCli } from '../helpers/cli.ts';

const SAMPLE = join(ROOT, 'test', 'fixtures', 'agencies-sample.csv');
const HEADER = 'idno,name,licence_number,licence_valid_to,destinations';
const dir = mkdtempSync(join(tmpdir(), 'punte-agencies-'));
let db: Database;

beforeAll(async () => {
  ({ db } = await openDatabase({ databaseUrl: `file:${join(dir, 'a.db')}`, migrationsDir: MIGRATIONS_DIR }));
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('agency CSV', () => {
  it('reads the sample: comments skipped, names kept, legal forms folded away, destinations as codes', () => {
    const { rows, problems } = parseAgenciesCsv(readFileSync(SAMPLE, 'utf8'));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatchObject({
      line: 12,
      idno: '1000000000022',
      name: '„Muncă Sigură Exemplu” S.R.L. (fictional)',
      nameKey: 'munca sigura exemplu fictional',
      licenceNumber: 'EX-0002',
      licenceValidTo: new Date('2099-06-30T00:00:00Z'),
      destinations: ['PL', 'CZ'],
    });
    expect(rows.every((row) => row.name.includes('(fictional)'))).toBe(true);
  });

  it('names every bad line and field, one line each', () => {
    const csv = [
      HEADER,
      '1000000000011,Bun SRL,L-1,2030-01-01,DE;IT',
      '12345,Scurt SRL,L-2,2030-01-01,DE',
      '1000000000033,,L-3,2030-02-30,XX;de',
      '1000000000011,Dublu SRL,L-4,2030-01-01,',
    ].join('\n');
    expect(parseAgenciesCsv(csv).problems).toEqual([
      'line 3: idno: must be 13 digits (got "12345")',
      'line 4: name: must not be empty',
      'line 4: licence_valid_to: must be a date written YYYY-MM-DD (got "2030-02-30")',
      'line 4: destinations: "XX" is not an ISO 3166-1 alpha-2 country code',
      'line 5: destinations: must list at least one country code, e.g. DE;IT;IL',
    ]);
    const duplicate = [HEADER, '1000000000011,A SRL,L-1,2030-01-01,DE', '1000000000011,B SRL,L-2,2030-01-01,IT'].join('\n');
    expect(parseAgenciesCsv(duplicate).problems).toEqual(['line 3: idno: 1000000000011 is already on line 2']);
  });

  it('accepts lower-case codes, "UK", spaces in the IDNO, a BOM and header case', () => {
    const csv = `\uFEFF${HEADER.toUpperCase()}\n1000 0000 000 11,A SRL,L-1,2030-01-01,de; uk\n`;
    const { rows, problems } = parseAgenciesCsv(csv);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ idno: '1000000000011', destinations: ['DE', 'GB'] });
  });

  it('refuses a wrong header, an empty list and broken CSV', () => {
    expect(parseAgenciesCsv('idno,name,licence,valid_to,destinations\n1,a,b,c,d').problems).toEqual([
      'header: missing licence_number, licence_valid_to; unknown licence, valid_to (columns: idno, name, licence_number, licence_valid_to, destinations)',
    ]);
    expect(parseAgenciesCsv(`# only a comment\n${HEADER}\n`).problems).toEqual(['no agencies in the file (a header row and at least one agency are needed)']);
    expect(parseAgenciesCsv(`${HEADER}\n1000000000011,"A SRL,L-1,2030-01-01,DE\n`).problems[0]).toMatch(/^line \d+: /);
  });
});

describe('agency registry', () => {
  it('replaces the whole list in one go', async () => {
    const sample = parseAgenciesCsv(readFileSync(SAMPLE, 'utf8')).rows;
    expect(await replaceAgencies(db, sample, new Date('2026-11-01T10:00:00Z'))).toBe(4);
    expect(await db.agency.count()).toBe(4);
    const stored = await db.agency.findUniqueOrThrow({ where: { idno: '1000000000011' } });
    expect(stored).toMatchObject({ destinations: 'DE,IT,IL', nameKey: 'exemplu recrutare fictional', importedAt: new Date('2026-11-01T10:00:00Z') });

    expect(await replaceAgencies(db, sample.slice(0, 1), new Date('2026-11-02T10:00:00Z'))).toBe(1);
    expect((await db.agency.findMany()).map((a) => a.idno)).toEqual(['1000000000011']);
  });
});

describe('punte agencies import', () => {
  const env = { DATABASE_URL: `file:${join(dir, 'cli.db')}`, DATA_DIR: dir };

  it('imports the sample and says how many', async () => {
    const result = await runCli(['agencies', 'import', SAMPLE], { env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('imported 4 agencies (the registry now holds exactly this list)\n');
    expect(result.code).toBe(0);
  });

  it('a bad line imports nothing and names the line', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${HEADER}\n1000000000011,A SRL,L-1,2030-01-01,DE\n123,B SRL,L-2,2030-01-01,IT\n`);
    const result = await runCli(['agencies', 'import', bad], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${bad}: line 3: idno: must be 13 digits (got "123")\npunte: agency list not imported: 1 problem(s) in ${bad}, the registry is unchanged\n`,
    );
    const { db: cliDb } = await openDatabase({ databaseUrl: env.DATABASE_URL, migrationsDir: MIGRATIONS_DIR });
    expect(await cliDb.agency.count()).toBe(4); // still the sample imported before
    await cliDb.$disconnect();
  });

  it('usage errors exit 2', async () => {
    const result = await runCli(['agencies', 'export'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('punte: usage: punte agencies import FILE.csv\n');
  });
});
