// Finds an agency in the registry by its exact IDNO or by name (folded: case, diacritics and legal forms do not
// matter). A name that matches no agency exactly lists a few whose names contain the words typed.
import type { Database } from '../db/client.ts';
import { agencyNameKey, asIdno } from './name-key.ts';

/** Partial matches shown at most: enough to spot the right one, few enough to read on a phone. */
export const MAX_PARTIAL_MATCHES = 3;
/** Shorter folded names would match half the list. */
export const MIN_NAME_LENGTH = 3;

export interface AgencyRecord {
  readonly idno: string;
  readonly name: string;
  readonly licenceNumber: string | null;
  readonly licenceValidTo: Date | null;
  readonly destinations: readonly string[];
}

export type AgencyLookup =
  | { readonly kind: 'empty' }
  | { readonly kind: 'tooShort'; readonly importedAt: Date }
  | { readonly kind: 'found'; readonly agency: AgencyRecord; readonly importedAt: Date }
  | { readonly kind: 'partial'; readonly agencies: readonly AgencyRecord[]; readonly importedAt: Date }
  | { readonly kind: 'notFound'; readonly byIdno: boolean; readonly importedAt: Date };

type Row = { idno: string; name: string; nameKey: string; licenceNumber: string | null; licenceValidTo: Date | null; destinations: string };

function record(row: Row): AgencyRecord {
  return {
    idno: row.idno,
    name: row.name,
    licenceNumber: row.licenceNumber,
    licenceValidTo: row.licenceValidTo,
    destinations: row.destinations.split(',').filter((code) => code !== ''),
  };
}

export async function lookupAgency(db: Database, query: string): Promise<AgencyLookup> {
  const latest = await db.agency.findFirst({ orderBy: { importedAt: 'desc' }, select: { importedAt: true } });
  if (!latest) return { kind: 'empty' };
  const { importedAt } = latest;

  const idno = asIdno(query);
  if (idno) {
    const row = await db.agency.findUnique({ where: { idno } });
    return row ? { kind: 'found', agency: record(row), importedAt } : { kind: 'notFound', byIdno: true, importedAt };
  }

  const key = agencyNameKey(query);
  if (key.length < MIN_NAME_LENGTH) return { kind: 'tooShort', importedAt };
  // The registry is a few hundred rows at most: compare in memory rather than teach SQL about folding.
  const rows = await db.agency.findMany({ orderBy: { name: 'asc' } });
  const exact = rows.filter((row) => row.nameKey === key);
  if (exact.length === 1) return { kind: 'found', agency: record(exact[0]!), importedAt };
  const words = key.split(' ');
  const partial = exact.length > 1 ? exact : rows.filter((row) => words.every((word) => row.nameKey.includes(word)));
  if (partial.length === 0) return { kind: 'notFound', byIdno: false, importedAt };
  return { kind: 'partial', agencies: partial.slice(0, MAX_PARTIAL_MATCHES).map(record), importedAt };
}
