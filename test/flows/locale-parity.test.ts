// Locale parity, read from the files (never a hard-coded list): every key of the base language exists in every
// other language and the other way round, no text is empty, and each text keeps the base's {{variables}}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leafKeys } from '../../core/i18n.ts';
import { LOCALES } from '../../core/locales.ts';
import { ROOT } from '../helpers/cli.ts';

const LOCALES_DIR = join(ROOT, 'flows', 'locales');
const BASE = 'en';

function read(locale: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const file of readdirSync(join(LOCALES_DIR, locale)).filter((f) => f.endsWith('.json'))) {
    const tree = JSON.parse(readFileSync(join(LOCALES_DIR, locale, file), 'utf8')) as Record<string, unknown>;
    for (const key of leafKeys(tree)) {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
      values.set(`${file}:${key}`, String(value));
    }
  }
  return values;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locale parity', () => {
  const base = read(BASE);

  it('the base language has content', () => {
    expect(base.size).toBeGreaterThan(30);
  });

  it.each(LOCALES.filter((locale) => locale !== BASE))('%s has exactly the keys of the base language', (locale) => {
    const other = read(locale);
    expect([...base.keys()].filter((key) => !other.has(key)), `missing in ${locale}`).toEqual([]);
    expect([...other.keys()].filter((key) => !base.has(key)), `only in ${locale}`).toEqual([]);
  });

  it.each(LOCALES)('%s: no empty text, and the same {{variables}} as the base', (locale) => {
    for (const [key, value] of read(locale)) {
      expect(value.trim(), `${locale} ${key}`).not.toBe('');
      expect(variables(value), `${locale} ${key}`).toEqual(variables(base.get(key) ?? ''));
    }
  });
});
