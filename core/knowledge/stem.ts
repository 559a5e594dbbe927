// Light suffix stripping: enough for "părinții"/"parinte", "фотографии"/"фото" or "шантажує"/"шантаж" to meet
// in the index, without a full stemmer. Words are folded first (fold.ts), and so are the endings here.
import { foldWord } from './fold.ts';

export interface SuffixRules {
  /** Endings removed first when the word is long enough (e.g. Russian reflexive -ся). */
  readonly first?: readonly string[];
  /** Inflection endings; the longest one that leaves a long enough stem is removed. */
  readonly endings: readonly string[];
  /** The shortest stem left after removing an ending. */
  readonly minStem: number;
}

function stripLongest(word: string, endings: readonly string[], minStem: number): string {
  let best = '';
  for (const ending of endings) {
    if (ending.length > best.length && word.endsWith(ending) && word.length - ending.length >= minStem) best = ending;
  }
  return best ? word.slice(0, -best.length) : word;
}

const folded = (endings: readonly string[]) => [...new Set(endings.map(foldWord).filter((ending) => ending !== ''))];

export function createStemmer(rules: SuffixRules): (word: string) => string {
  const first = folded(rules.first ?? []);
  const endings = folded(rules.endings);
  return (word) => stripLongest(stripLongest(word, first, rules.minStem + 1), endings, rules.minStem);
}
