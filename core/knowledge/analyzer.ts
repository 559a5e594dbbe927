// Turns text into search terms for one language: words are folded (fold.ts), stop words dropped, endings
// trimmed (languages/). For Russian and Ukrainian each document word is also indexed as a Latin skeleton
// (transliterate.ts), and a query word typed in Latin letters is looked up in that form.
import { foldWord, hasCyrillic } from './fold.ts';
import type { LanguageProfile } from './languages/index.ts';
import { latinSkeleton, latinStem, transliterate } from './transliterate.ts';

const PLACEHOLDER = /\{\{\s*\w+\s*\}\}/g;
/** Words are letters and digits; an apostrophe inside a word (п'ять, don't) keeps it whole. */
const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): string[] {
  return text.replace(PLACEHOLDER, ' ').match(WORD) ?? [];
}

export interface Analyzer {
  /** The term a document word is indexed as; `latin` for the transliterated fields. Null: not indexed. */
  documentTerm(word: string, latin: boolean): string | null;
  /** The term a query word is looked up as. Null: ignored (a stop word, a single letter). */
  queryTerm(word: string): string | null;
}

function meaningful(folded: string): boolean {
  return folded.length >= 2;
}

export function createAnalyzer(profile: LanguageProfile): Analyzer {
  const latinStopWords = new Set([...profile.stopWords].map((word) => latinSkeleton(transliterate(word))));

  function nativeTerm(word: string): string | null {
    const folded = foldWord(word);
    if (!meaningful(folded) || profile.stopWords.has(folded)) return null;
    if (profile.cyrillic && !hasCyrillic(folded)) return folded;
    const stem = profile.stem(folded);
    // "wants" is as empty as "want": a form of a stop word is one too.
    return profile.stopWords.has(stem) ? null : stem;
  }

  function latinTerm(word: string): string | null {
    const folded = foldWord(word);
    if (!meaningful(folded) || profile.stopWords.has(folded)) return null;
    const skeleton = latinSkeleton(hasCyrillic(folded) ? transliterate(folded) : folded);
    if (latinStopWords.has(skeleton)) return null;
    return latinStem(skeleton);
  }

  // Documents repeat their words across fields and items: each is analysed once while an index is built.
  const seen = new Map<string, string | null>();
  return {
    documentTerm(word, latin) {
      const key = `${latin ? 'L' : 'N'}${word}`;
      if (!seen.has(key)) seen.set(key, latin ? latinTerm(word) : nativeTerm(word));
      return seen.get(key)!;
    },
    queryTerm(word) {
      // A Latin word asked of a Cyrillic knowledge base is looked up among the transliterated fields.
      if (profile.cyrillic && !hasCyrillic(foldWord(word))) return latinTerm(word);
      return nativeTerm(word);
    },
  };
}
