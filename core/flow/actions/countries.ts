// The countries of flows/countries.json with the emergency numbers that work there. The going-abroad flow and
// danger triage read it; the person's country is the session variable `country` (an id of this file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const COUNTRIES_FILE = 'countries.json';

const number = z.string().regex(/^\d{2,6}$/, 'must be a short emergency number');

const countrySchema = z.object({
  /** The number for every emergency; when `ambulance` or `fire` are given, it is the police. */
  emergency: number,
  also: number.optional(),
  ambulance: number.optional(),
  fire: number.optional(),
  abroad: z.boolean(),
  eu: z.boolean().optional(),
  source: z.string().min(1),
});

const fileSchema = z.object({ $comment: z.string().optional(), countries: z.record(z.string().regex(/^[a-z]+$/), countrySchema) });

export type Country = z.infer<typeof countrySchema>;
export type Countries = ReadonlyMap<string, Country>;

const cache = new Map<string, Countries>();

/** Reads (once per folder) and validates flows/countries.json. */
export function readCountries(flowsDir: string): Countries {
  const file = join(flowsDir, COUNTRIES_FILE);
  let countries = cache.get(file);
  if (!countries) {
    const parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    countries = new Map(Object.entries(parsed.countries));
    cache.set(file, countries);
  }
  return countries;
}

export type EmergencyService = 'emergency' | 'police' | 'ambulance' | 'fire' | 'also';

/** A country's numbers, most important first, each with the service it reaches. */
export function emergencyNumbers(country: Country): { service: EmergencyService; number: string }[] {
  const separateServices = country.ambulance !== undefined || country.fire !== undefined;
  return [
    { service: separateServices ? 'police' : 'emergency', number: country.emergency },
    ...(country.ambulance ? [{ service: 'ambulance' as const, number: country.ambulance }] : []),
    ...(country.fire ? [{ service: 'fire' as const, number: country.fire }] : []),
    ...(country.also ? [{ service: 'also' as const, number: country.also }] : []),
  ];
}
