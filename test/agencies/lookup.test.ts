// Finding an agency in the registry: exact IDNO, folded names (case, diacritics, legal forms), a few partial
// matches, and an honest answer when the list is empty.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../app/paths.ts';
import { parseAgenciesCsv, replaceAgencies } from '../../core/agencies/import.ts';
import { lookupAgency, type AgencyLookup } from '../../core/agencies/lookup.ts';
import { agencyNameKey } from '../../core/agencies/name-key.ts';
import { openDatabase, type Database } from '../../core/db/client.ts';
import { ROOT } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'punte-lookup-'));
const importedAt = new Date('2026-11-01T10:00:00Z');
let db: Database;

beforeAll(async () => {
  ({ db } = await openDatabase({ databaseUrl: `file:${join(dir, 'l.db')}`, migrationsDir: MIGRATIONS_DIR }));
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const idnos = (result: AgencyLookup) =>
  result.kind === 'found' ? [result.agency.idno] : result.kind === 'partial' ? result.agencies.map((a) => a.idno) : [];

describe('agency name keys', () => {
  it.each([
    ['Exemplu Recrutare SRL', 'exemplu recrutare'],
    ['„Exemplu Recrutare” S.R.L.', 'exemplu recrutare'],
    ['EXEMPLU  recrutare s.a.', 'exemplu recrutare'],
    ['Î.I. Muncă Ştefan', 'munca stefan'],
    ['ООО «Пример Трудоустройство»', 'пример трудоустроиство'],
  ])('%s -> %s', (name, key) => {
    expect(agencyNameKey(name)).toBe(key);
  });
});

describe('agency look-up', () => {
  it('says so when the list has not been loaded', async () => {
    expect(await lookupAgency(db, 'Exemplu Recrutare')).toEqual({ kind: 'empty' });
  });

  describe('with the sample list', () => {
    beforeAll(async () => {
      const { rows } = parseAgenciesCsv(readFileSync(join(ROOT, 'test', 'fixtures', 'agencies-sample.csv'), 'utf8'));
      await replaceAgencies(db, rows, importedAt);
    });

    it('finds by exact IDNO, spaces allowed', async () => {
      const result = await lookupAgency(db, '1000 0000 000 11');
      expect(result).toEqual({
        kind: 'found',
        importedAt,
        agency: {
          idno: '1000000000011',
          name: 'Exemplu Recrutare SRL (fictional)',
          licenceNumber: 'EX-0001',
          licenceValidTo: new Date('2099-12-31T00:00:00Z'),
          destinations: ['DE', 'IT', 'IL'],
        },
      });
      expect(await lookupAgency(db, '9999999999999')).toEqual({ kind: 'notFound', byIdno: true, importedAt });
    });

    it.each([
      ['Exemplu Recrutare SRL (fictional)', '1000000000011'],
      ['exemplu recrutare (fictional)', '1000000000011'],
      ['EXEMPLU RECRUTARE S.R.L. (FICTIONAL)', '1000000000011'],
      ['Muncă Sigură Exemplu SRL (fictional)', '1000000000022'],
      ['Munca Sigura Exemplu (fictional)', '1000000000022'],
      ['munca sigura exemplu srl fictional', '1000000000022'],
      ['Пример Трудоустройство (fictional)', '1000000000033'],
    ])('finds "%s" by name, with or without diacritics and legal form', async (query, idno) => {
      const result = await lookupAgency(db, query);
      expect(result.kind).toBe('found');
      expect(idnos(result)).toEqual([idno]);
    });

    it('lists a few partial matches, with or without diacritics', async () => {
      const munca = await lookupAgency(db, 'Munca Sigura');
      expect(munca.kind).toBe('partial');
      expect(idnos(munca)).toEqual(['1000000000022']);
      expect(idnos(await lookupAgency(db, 'Muncă Sigură'))).toEqual(['1000000000022']);
      const exemplu = await lookupAgency(db, 'Exemplu');
      expect(exemplu.kind).toBe('partial');
      expect(idnos(exemplu)).toEqual(['1000000000044', '1000000000011', '1000000000022']);
    });

    it('says when nothing matches, and asks for more than a legal form or two letters', async () => {
      expect(await lookupAgency(db, 'Nimic Asemănător SRL')).toEqual({ kind: 'notFound', byIdno: false, importedAt });
      expect(await lookupAgency(db, 'SRL')).toEqual({ kind: 'tooShort', importedAt });
      expect(await lookupAgency(db, 'ab')).toEqual({ kind: 'tooShort', importedAt });
    });
  });
});
