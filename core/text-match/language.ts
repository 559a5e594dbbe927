// Which of Punte's languages a text is written in, also when Russian or Ukrainian is typed in Latin letters.
// Good enough to report the language of a pasted offer and to decide whether "ne" is Russian "не"; mixed
// texts (Romanian with Russian words) get their dominant language.
import type { Locale } from '../locales.ts';
import { LOCALES } from '../locales.ts';
import { readData } from './data.ts';
import { foldWord, scriptOf } from './fold.ts';

export type DetectedLanguage = Locale | 'unknown';

export interface LanguageGuess {
  readonly language: DetectedLanguage;
  /** Russian or Ukrainian written mostly in Latin letters. */
  readonly transliterated: boolean;
}

interface LanguageData {
  readonly letters: Partial<Record<Locale, string>>;
  readonly words: Record<Locale, readonly string[]>;
}

const data = readData<LanguageData>('./languages.json');
const WORDS = new Map(LOCALES.map((locale) => [locale, new Set(data.words[locale].map(foldWord))]));
const CYRILLIC_LANGUAGES: readonly Locale[] = ['ru', 'uk'];
/** A word in a distinctive alphabet says more than a frequent word. */
const LETTER_WEIGHT = 2;

export function detectLanguage(text: string): LanguageGuess {
  const score = new Map<Locale, number>(LOCALES.map((locale) => [locale, 0]));
  const add = (locale: Locale, points: number) => score.set(locale, score.get(locale)! + points);
  let latinWords = 0;
  let cyrillicWords = 0;
  for (const word of text.match(/[\p{L}\p{M}'’ʼ]+/gu) ?? []) {
    const script = scriptOf(word);
    const lower = word.toLowerCase();
    if (script === 'cyrillic') cyrillicWords += 1;
    if (script === 'latin') latinWords += 1;
    for (const locale of LOCALES) {
      const letters = data.letters[locale];
      if (letters && [...lower].some((char) => letters.includes(char))) add(locale, LETTER_WEIGHT);
      // Cyrillic words count only for Russian and Ukrainian; Latin words for every language (transliteration).
      if (script === 'cyrillic' && !CYRILLIC_LANGUAGES.includes(locale)) continue;
      if (WORDS.get(locale)!.has(foldWord(word))) add(locale, 1);
    }
  }
  if (latinWords + cyrillicWords === 0) return { language: 'unknown', transliterated: false };
  // Cyrillic text is Russian or Ukrainian even when no frequent word was seen.
  if (cyrillicWords > latinWords) {
    for (const locale of CYRILLIC_LANGUAGES) add(locale, 0.5);
  }
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0]!;
  if (best[1] === 0) return { language: 'unknown', transliterated: false };
  const language = best[0];
  return { language, transliterated: CYRILLIC_LANGUAGES.includes(language) && latinWords > cyrillicWords };
}
