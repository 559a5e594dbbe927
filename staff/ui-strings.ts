// The console's own words, from flows/locales/<lng>/staff-ui.json (read once), and the language a request asks
// for: the staff_lang cookie the language selector sets, else the browser's Accept-Language, else Romanian.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyRequest } from 'fastify';
import { leafKeys } from '../core/i18n.ts';
import { isLocale, LOCALES, localeFromTag, type Locale } from '../core/locales.ts';

export const LANGUAGE_COOKIE = 'punte_staff_lang';
const LOCALES_DIR = fileURLToPath(new URL('../flows/locales/', import.meta.url));

export type UiStrings = Readonly<Record<string, string>>;

function load(locale: Locale): UiStrings {
  const tree = JSON.parse(readFileSync(`${LOCALES_DIR}${locale}/staff-ui.json`, 'utf8')) as Record<string, unknown>;
  delete tree._meta;
  return Object.fromEntries(
    leafKeys(tree).map((key) => [key, String(key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree))]),
  );
}

let cache: Map<Locale, UiStrings> | undefined;

/** Flat "path.to.key" -> text for one language. */
export function uiStrings(locale: Locale): UiStrings {
  cache ??= new Map(LOCALES.map((l) => [l, load(l)]));
  return cache.get(locale)!;
}

/** One string with its {{variables}} filled, as staff/public/app.js does in the browser. */
export function uiText(locale: Locale, key: string, variables: Record<string, string> = {}): string {
  const text = uiStrings(locale)[key] ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => variables[name] ?? whole);
}

/** Accept-Language in order of preference (q-values respected); "mo" counts as Romanian. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag: tag?.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return undefined;
}

export function staffLocale(request: FastifyRequest): Locale {
  const chosen = request.cookies[LANGUAGE_COOKIE];
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(request.headers['accept-language']) ?? 'ro';
}
