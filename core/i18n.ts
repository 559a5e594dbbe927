// i18next with every user-facing string from flows/locales/<lng>/<namespace>.json. Keys are written
// "namespace:path.to.key"; {{variables}} are filled by the caller (the engine passes hotline numbers).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type i18n as I18nInstance } from 'i18next';
import { PunteError } from './errors.ts';
import { LOCALES, type Locale } from './locales.ts';

export type LocaleResources = Record<Locale, Record<string, Record<string, unknown>>>;

export interface Translator {
  t(locale: Locale, key: string, variables?: Record<string, unknown>): string;
  has(locale: Locale, key: string): boolean;
  /** Every leaf key of a language, as "namespace:path", for parity checks and reports. */
  keys(locale: Locale): string[];
}

export function loadLocaleResources(dir: string): LocaleResources {
  const resources = {} as LocaleResources;
  for (const locale of LOCALES) {
    const folder = join(dir, locale);
    let files: string[];
    try {
      files = readdirSync(folder).filter((file) => file.endsWith('.json')).sort();
    } catch {
      throw new PunteError('PUNTE_LOCALES_INVALID', `${folder}: missing locale folder`);
    }
    resources[locale] = {};
    for (const file of files) {
      const path = join(folder, file);
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new PunteError('PUNTE_LOCALES_INVALID', `${path}: not valid JSON (${(error as Error).message})`);
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new PunteError('PUNTE_LOCALES_INVALID', `${path}: must hold a JSON object`);
      }
      resources[locale][basename(file, '.json')] = parsed as Record<string, unknown>;
    }
  }
  return resources;
}

export function leafKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? leafKeys(value as Record<string, unknown>, path)
      : [path];
  });
}

export function createTranslator(resources: LocaleResources): Translator {
  const namespaces = [...new Set(LOCALES.flatMap((locale) => Object.keys(resources[locale])))];
  const instance: I18nInstance = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'ro',
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    ns: namespaces,
    defaultNS: namespaces[0] ?? 'common',
    initAsync: false,
    returnNull: false,
    // Replies are plain text; each channel escapes for its own markup.
    interpolation: { escapeValue: false },
  });
  const fixed = new Map(LOCALES.map((locale) => [locale, instance.getFixedT(locale)]));

  return {
    t(locale, key, variables) {
      return fixed.get(locale)!(key, variables ?? {}) as string;
    },
    has(locale, key) {
      return instance.exists(key, { lng: locale });
    },
    keys(locale) {
      return Object.entries(resources[locale]).flatMap(([ns, tree]) => leafKeys(tree).map((key) => `${ns}:${key}`));
    },
  };
}
