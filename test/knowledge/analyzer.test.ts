// Word handling per language: forms of one word, with or without diacritics, typed in another alphabet or on
// another keyboard, meet on the same search term.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, tokenize } from '../../core/knowledge/analyzer.ts';
import { foldWord } from '../../core/knowledge/fold.ts';
import { LANGUAGE_PROFILES } from '../../core/knowledge/languages/index.ts';
import type { Locale } from '../../core/locales.ts';

const analyzers = Object.fromEntries(
  Object.entries(LANGUAGE_PROFILES).map(([locale, profile]) => [locale, createAnalyzer(profile)]),
) as Record<Locale, ReturnType<typeof createAnalyzer>>;

const queryTerm = (locale: Locale, word: string) => analyzers[locale].queryTerm(word);
const documentTerm = (locale: Locale, word: string, latin = false) => analyzers[locale].documentTerm(word, latin);

describe('folding', () => {
  it.each([
    ['Părinții', 'parintii'],
    ['PĂRINŢII', 'parintii'],
    ['Șantaj', 'santaj'],
    ['Ţară', 'tara'],
    ['Всё', 'все'],
    ['йод', 'иод'],
    ['її', 'ии'],
    ['ґанок', 'ганок'],
    ['дiвчина', 'дивчина'],
    ["б'є", 'бе'],
    ['бьє', 'бе'],
  ])('%s folds to %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });

  it('keeps apostrophes inside words and drops placeholders', () => {
    expect(tokenize("Don't call {{childHelpline}}, п'ять!")).toEqual(["Don't", 'call', "п'ять"]);
  });
});

describe('forms of a word meet', () => {
  it.each([
    ['ro', ['părinții', 'parintii', 'parinte', 'părinților', 'parintele']],
    ['ro', ['șantaj', 'santajul', 'șantajează']],
    ['ro', ['pozele', 'poze', 'poza']],
    ['ru', ['фотографии', 'фотография', 'фотографию']],
    ['ru', ['шантаж', 'шантажирует', 'шантажируют']],
    ['ru', ['родители', 'родителей', 'родителям']],
    ['uk', ['шантаж', 'шантажує', 'шантажують']],
    ['uk', ['фотографії', 'фотографія']],
    ['uk', ['батьки', 'батьків', 'батько']],
    ['en', ['photos', 'photo']],
    ['en', ['parents', 'parent']],
    ['en', ['blackmailing', 'blackmailed', 'blackmail']],
  ] as [Locale, string[]][])('%s: %j', (locale, forms) => {
    const terms = new Set(forms.map((form) => queryTerm(locale, form)));
    expect(terms.size, [...terms].join(', ')).toBe(1);
  });

  it('a short word is a prefix of its longer relatives ("фото" finds "фотографии")', () => {
    expect(documentTerm('ru', 'фотографии')!.startsWith(queryTerm('ru', 'фото')!)).toBe(true);
    expect(documentTerm('uk', 'фотографії')!.startsWith(queryTerm('uk', 'фото')!)).toBe(true);
  });
});

describe('Russian and Ukrainian in Latin letters', () => {
  it.each([
    ['ru', 'шантаж', ['shantazh', 'shantaj']],
    ['ru', 'помогите', ['pomogite']],
    ['ru', 'подруге', ['podruge']],
    ['ru', 'фото', ['foto']],
    ['uk', 'шантажують', ['shantazhuyut', 'shantajuiut']],
    ['uk', 'допомога', ['dopomoga', 'dopomoha']],
  ] as [Locale, string, string[]][])('%s %s is found as %j', (locale, cyrillic, latin) => {
    const indexed = documentTerm(locale, cyrillic, true);
    for (const word of latin) expect(queryTerm(locale, word), word).toBe(indexed);
  });

  it('Latin stop words are dropped too ("menya", "chto")', () => {
    expect(queryTerm('ru', 'menya')).toBeNull();
    expect(queryTerm('ru', 'chto')).toBeNull();
  });
});

describe('stop words', () => {
  it.each([
    ['ro', 'și'],
    ['ro', 'că'],
    ['ru', 'что'],
    ['ru', 'меня'],
    ['uk', 'що'],
    ['uk', 'мене'],
    ['en', 'the'],
    ['en', 'wants'],
  ] as [Locale, string][])('%s drops "%s"', (locale, word) => {
    expect(queryTerm(locale, word)).toBeNull();
  });
});
