// The licensed-agency registry comes from a CSV that staff maintain (the official list is a PDF published by
// the Public Services Agency, linked from anofm.md). Every row is checked before anything is written, and the
// registry is replaced in one transaction: the file is the whole list, so agencies left out are removed.
//
// Columns (header row required, any order; lines starting with # are comments):
//   idno              13 digits, unique
//   name              as on the licence
//   licence_number    as on the licence
//   licence_valid_to  YYYY-MM-DD, the last day the licence is valid
//   destinations      ISO 3166-1 alpha-2 country codes separated by ";", e.g. DE;IT;IL
import { parse } from 'csv-parse/sync';
import type { Database } from '../db/client.ts';
import { agencyNameKey, asIdno } from './name-key.ts';

export const AGENCY_COLUMNS = ['idno', 'name', 'licence_number', 'licence_valid_to', 'destinations'] as const;

export interface AgencyRow {
  readonly line: number;
  readonly idno: string;
  readonly name: string;
  readonly nameKey: string;
  readonly licenceNumber: string;
  readonly licenceValidTo: Date;
  readonly destinations: readonly string[];
}

export interface ParsedAgencies {
  readonly rows: readonly AgencyRow[];
  /** One line each, naming the line of the file: "line 4: idno: must be 13 digits (got "123")". */
  readonly problems: readonly string[];
}

/** Codes people commonly write that ISO spells differently. */
const COUNTRY_ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR' };
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function countryCode(text: string): string | undefined {
  const upper = text.trim().toUpperCase();
  const code = COUNTRY_ALIASES[upper] ?? upper;
  // Intl knows every assigned region code; an unknown one comes back unchanged.
  return /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== code ? code : undefined;
}

function isoDate(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? undefined : date;
}

const shown = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

function checkRow(record: Record<string, string>, line: number): { row?: AgencyRow; problems: string[] } {
  const problems: string[] = [];
  const at = (column: string, message: string) => problems.push(`line ${line}: ${column}: ${message}`);
  const idno = asIdno(record.idno ?? '');
  if (!idno) at('idno', `must be 13 digits (got ${shown(record.idno ?? '')})`);
  const name = (record.name ?? '').trim();
  const nameKey = agencyNameKey(name);
  if (name === '' || nameKey === '') at('name', 'must not be empty');
  const licenceNumber = (record.licence_number ?? '').trim();
  if (licenceNumber === '') at('licence_number', 'must not be empty');
  const validTo = isoDate((record.licence_valid_to ?? '').trim());
  if (!validTo) at('licence_valid_to', `must be a date written YYYY-MM-DD (got ${shown(record.licence_valid_to ?? '')})`);
  const codes = (record.destinations ?? '').split(/[;,]/).map((code) => code.trim()).filter((code) => code !== '');
  const destinations = codes.map(countryCode);
  if (codes.length === 0) at('destinations', 'must list at least one country code, e.g. DE;IT;IL');
  codes.forEach((code, i) => {
    if (!destinations[i]) at('destinations', `"${code}" is not an ISO 3166-1 alpha-2 country code`);
  });
  if (problems.length > 0 || !idno || !validTo) return { problems };
  return {
    problems,
    row: { line, idno, name, nameKey, licenceNumber, licenceValidTo: validTo, destinations: [...new Set(destinations as string[])] },
  };
}

export function parseAgenciesCsv(text: string): ParsedAgencies {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((column) => column.trim().toLowerCase()),
      comment: '#',
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    });
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    return { rows: [], problems: [`${lines ? `line ${lines}: ` : ''}${message.split('\n')[0]}`] };
  }
  const columns = Object.keys(records[0]?.record ?? {});
  if (records.length === 0) return { rows: [], problems: ['no agencies in the file (a header row and at least one agency are needed)'] };
  const missing = AGENCY_COLUMNS.filter((column) => !columns.includes(column));
  const unknown = columns.filter((column) => !(AGENCY_COLUMNS as readonly string[]).includes(column));
  if (missing.length > 0 || unknown.length > 0) {
    return {
      rows: [],
      problems: [
        `header: ${[missing.length ? `missing ${missing.join(', ')}` : '', unknown.length ? `unknown ${unknown.join(', ')}` : ''].filter(Boolean).join('; ')} (columns: ${AGENCY_COLUMNS.join(', ')})`,
      ],
    };
  }

  const rows: AgencyRow[] = [];
  const problems: string[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of records) {
    const checked = checkRow(record, info.lines);
    problems.push(...checked.problems);
    if (!checked.row) continue;
    const earlier = firstLineOf.get(checked.row.idno);
    if (earlier !== undefined) {
      problems.push(`line ${info.lines}: idno: ${checked.row.idno} is already on line ${earlier}`);
      continue;
    }
    firstLineOf.set(checked.row.idno, info.lines);
    rows.push(checked.row);
  }
  return { rows, problems };
}

/** Replaces the whole registry with these rows in one transaction; returns how many agencies it now holds. */
export async function replaceAgencies(db: Database, rows: readonly AgencyRow[], now: Date): Promise<number> {
  const [, created] = await db.$transaction([
    db.agency.deleteMany({}),
    db.agency.createMany({
      data: rows.map((row) => ({
        idno: row.idno,
        name: row.name,
        nameKey: row.nameKey,
        licenceNumber: row.licenceNumber,
        licenceValidTo: row.licenceValidTo,
        destinations: row.destinations.join(','),
        importedAt: now,
      })),
    }),
  ]);
  return created.count;
}
