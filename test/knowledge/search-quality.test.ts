// Search quality per language, from a table of realistic questions (test/knowledge/queries.json): typed with
// and without diacritics, misspelt, in slang, Russian and Ukrainian in Latin letters, and off-topic or
// nonsense text that must fall below the threshold (the bot then says honestly it has no good answer).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../core/knowledge/index.ts';
import { LOCALES, type Locale } from '../../core/locales.ts';
import { ROOT } from '../helpers/cli.ts';

type Expected = string | readonly string[] | null;
type Table = Record<Locale, readonly (readonly [string, Expected])[]>;

const table = JSON.parse(readFileSync(join(ROOT, 'test', 'knowledge', 'queries.json'), 'utf8')) as Table;
const base = loadKnowledgeBase(join(ROOT, 'flows'));

/** The share of questions that must find their item, and of off-topic texts that must find nothing. */
const MIN_HIT_RATE = 0.9;
const MIN_REJECT_RATE = 0.85;

function fits(expected: Expected, found: string | null): boolean {
  if (expected === null) return found === null;
  return typeof expected === 'string' ? found === expected : expected.includes(found ?? '');
}

describe.each(LOCALES)('knowledge search in %s', (locale) => {
  const rows = table[locale];
  const results = rows.map(([query, expected]) => {
    const found = base.index(locale).search(query).best?.id ?? null;
    return { query, expected, found, ok: fits(expected, found) };
  });
  const misses = (list: typeof results) => list.filter((r) => !r.ok).map((r) => `"${r.query}": expected ${JSON.stringify(r.expected)}, found ${r.found}`);

  it('has at least 10 questions and 5 off-topic texts', () => {
    expect(results.filter((r) => r.expected !== null).length).toBeGreaterThanOrEqual(10);
    expect(results.filter((r) => r.expected === null).length).toBeGreaterThanOrEqual(5);
  });

  it(`finds the right answer for at least ${MIN_HIT_RATE * 100}% of the questions`, () => {
    const questions = results.filter((r) => r.expected !== null);
    const rate = questions.filter((r) => r.ok).length / questions.length;
    expect(rate, misses(questions).join('\n')).toBeGreaterThanOrEqual(MIN_HIT_RATE);
  });

  it(`answers nothing for at least ${MIN_REJECT_RATE * 100}% of the off-topic texts`, () => {
    const offTopic = results.filter((r) => r.expected === null);
    const rate = offTopic.filter((r) => r.ok).length / offTopic.length;
    expect(rate, misses(offTopic).join('\n')).toBeGreaterThanOrEqual(MIN_REJECT_RATE);
  });
});

describe('knowledge search across languages', () => {
  it('answers a question written in another language (Russian with a Romanian interface) in the same item', () => {
    expect(base.search('ro', 'меня шантажируют интимными фото').best?.id).toBe('sextortion');
    expect(base.search('ru', 'mă șantajează cu pozele mele').best?.id).toBe('sextortion');
    expect(base.search('uk', 'my dad beats me').best?.id).toBe('home-unsafe');
  });

  it('still finds nothing for nonsense in any language', () => {
    for (const locale of LOCALES) {
      expect(base.search(locale, 'asdfgh qwerty').best).toBeUndefined();
      expect(base.search(locale, 'ывапр олдж').best).toBeUndefined();
      expect(base.search(locale, '').best).toBeUndefined();
    }
  });

  it('offers at most two related questions, close to the best one', () => {
    const result = base.search('en', 'photos');
    expect(result.best).toBeDefined();
    expect(result.related.length).toBeGreaterThan(0);
    expect(result.related.length).toBeLessThanOrEqual(2);
    for (const match of result.related) expect(match.id).not.toBe(result.best!.id);
  });
});
