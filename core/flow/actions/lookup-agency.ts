// Looks up the agency the person typed (name or IDNO, in session variable `var`) in the licensed-agency registry
// and says what the list shows, always with its limits: when the list was loaded, and that the destination
// must be on the licence. Words live in flows/locales/<lng>/agencies.json (AGENCY_TEXT_KEYS, checked by a test).
import { z } from 'zod';
import { lookupAgency, type AgencyRecord } from '../../agencies/lookup.ts';
import type { Locale } from '../../locales.ts';
import type { Turn } from '../types.ts';
import type { ActionType } from './index.ts';

const NS = 'agencies';
export const AGENCY_TEXT_KEYS = [
  'empty', 'tooShort', 'found', 'licence', 'expired', 'countries', 'yourCountryListed', 'yourCountryMissing',
  'partial', 'partialAdvice', 'notFound', 'notFoundIdno', 'notFoundAdvice', 'caveat',
].map((key) => `${NS}:${key}`);

const DAY_MS = 86_400_000;
/** The centre's time zone, for "the list was loaded on ...". */
const TIME_ZONE = 'Europe/Chisinau';

const params = z.object({ var: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a variable name') }).strict();

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);

function formatDate(date: Date, locale: Locale, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone }).format(date);
}

function countryNames(codes: readonly string[], locale: Locale): string {
  const names = new Intl.DisplayNames([intlLocale(locale)], { type: 'region' });
  return codes.map((code) => names.of(code) ?? code).join(', ');
}

/** The licence lines of one agency: number and validity (or expiry), and the countries it covers. */
function describe(agency: AgencyRecord, turn: Turn): string[] {
  const lines: string[] = [];
  const validTo = agency.licenceValidTo;
  if (validTo && validTo.getTime() + DAY_MS <= turn.now.getTime()) {
    lines.push(turn.t(`${NS}:expired`, { date: formatDate(validTo, turn.locale) }));
  } else if (validTo) {
    lines.push(turn.t(`${NS}:licence`, { number: agency.licenceNumber ?? '–', date: formatDate(validTo, turn.locale) }));
  }
  lines.push(turn.t(`${NS}:countries`, { countries: countryNames(agency.destinations, turn.locale) }));
  return lines;
}

/** When the person told us where they are going (an ISO country id), whether this licence covers it. */
function destinationLine(agency: AgencyRecord, turn: Turn): string[] {
  const country = turn.session.vars.country;
  if (typeof country !== 'string' || !/^[a-z]{2}$/.test(country) || country === 'eu' || country === 'md') return [];
  const name = countryNames([country.toUpperCase()], turn.locale);
  const listed = agency.destinations.includes(country.toUpperCase());
  return [turn.t(`${NS}:${listed ? 'yourCountryListed' : 'yourCountryMissing'}`, { country: name })];
}

export const lookupAgencyAction: ActionType<z.infer<typeof params>> = {
  name: 'lookupAgency',
  params,
  async run({ var: name }, turn) {
    const db = turn.services.db;
    const query = turn.session.vars[name];
    delete turn.session.vars[name];
    const result = db && typeof query === 'string' ? await lookupAgency(db, query) : ({ kind: 'empty' } as const);
    const hotline = { callables: [turn.callable('trafficHotline')] };

    switch (result.kind) {
      case 'empty':
        turn.say({ text: turn.t(`${NS}:empty`), ...hotline });
        return;
      case 'tooShort':
        turn.say({ text: turn.t(`${NS}:tooShort`) });
        return;
      case 'found': {
        const { agency } = result;
        const head = turn.t(`${NS}:found`, { name: agency.name, idno: agency.idno });
        turn.say({ text: [head, ...describe(agency, turn), ...destinationLine(agency, turn)].join('\n') });
        break;
      }
      case 'partial': {
        const entries = result.agencies.map((agency) =>
          [`• ${agency.name} (IDNO ${agency.idno})`, ...describe(agency, turn).map((line) => `  ${line}`)].join('\n'),
        );
        turn.say({ text: [turn.t(`${NS}:partial`), ...entries].join('\n') });
        turn.say({ text: turn.t(`${NS}:partialAdvice`) });
        break;
      }
      case 'notFound':
        turn.say({ text: turn.t(`${NS}:${result.byIdno ? 'notFoundIdno' : 'notFound'}`) });
        turn.say({ text: turn.t(`${NS}:notFoundAdvice`) });
        break;
    }
    turn.say({ text: turn.t(`${NS}:caveat`, { date: formatDate(result.importedAt, turn.locale, TIME_ZONE) }), ...hotline });
  },
};
