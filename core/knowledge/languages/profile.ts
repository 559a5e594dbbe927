// What search needs to know about one language: its words that carry no meaning and how to trim endings.

export interface LanguageProfile {
  /** Folded words ignored in documents and queries ("the", "și", "что"...). */
  readonly stopWords: ReadonlySet<string>;
  /** A folded word reduced to a stem shared by its forms. */
  stem(word: string): string;
  /** Whether documents are written in Cyrillic: then a Latin transliteration is indexed too. */
  readonly cyrillic: boolean;
}

/** Stop words written as people type them; folded by the caller. */
export function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}
