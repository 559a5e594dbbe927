// Splits text into folded words and numbers, remembering the sentence and clause each belongs to: a phrase
// matches inside one sentence, and a negation ("no", "nu", "не") only reaches across its own clause.
import { foldWord, scriptOf } from './fold.ts';

function prefixFolds(word: string): Set<string> {
  const letters = [...word];
  const folds = new Set<string>();
  for (let length = 1; length <= letters.length; length += 1) folds.add(foldWord(letters.slice(0, length).join('')));
  return folds;
}

export interface Token {
  /** The folded skeleton (see fold.ts); for numbers, the digits. */
  readonly form: string;
  /**
   * The folds of the word's beginnings, for stems: "passports" folds to "pasporc" (ts = ц), yet it starts with
   * "passport", so the stem passport* must match it. A stem matches when one of these equals the folded stem.
   */
  readonly prefixes: ReadonlySet<string>;
  readonly script: 'latin' | 'cyrillic' | 'other';
  /** Set for numbers: "12 000", "3.000" and "10,000" are 12000, 3000 and 10000; "13,5" is 13.5. */
  readonly value?: number;
  readonly sentence: number;
  readonly clause: number;
}

// A number with thousands groups, a decimal number, a word (letters, marks, apostrophes inside), a currency
// sign, or a boundary: sentence ends (. ! ? ; new line) and clause breaks (, : brackets dashes).
const PIECES =
  /(\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+(?![\d,.]\d))|(\d+(?:[.,]\d+)?)|([\p{L}\p{M}](?:[\p{L}\p{M}'’ʼ`]*[\p{L}\p{M}])?)|([$€£₪])|([.!?;\n]+)|([,:()\[\]«»"“”–—]|\s-\s)/gu;

const CURRENCY_WORDS: Readonly<Record<string, string>> = { $: 'usd', '€': 'eur', '£': 'gbp', '₪': 'ils' };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  for (const match of text.matchAll(PIECES)) {
    const [, grouped, plain, word, currency, sentenceEnd, clauseBreak] = match;
    if (grouped !== undefined) {
      const digits = grouped.replace(/[^\d]/g, '');
      tokens.push({ form: digits, prefixes: new Set([digits]), script: 'other', value: Number(digits), sentence, clause });
    } else if (plain !== undefined) {
      tokens.push({ form: plain, prefixes: new Set([plain]), script: 'other', value: Number(plain.replace(',', '.')), sentence, clause });
    } else if (word !== undefined) {
      const form = foldWord(word);
      if (form !== '') tokens.push({ form, prefixes: prefixFolds(word), script: scriptOf(word), sentence, clause });
    } else if (currency !== undefined) {
      const form = CURRENCY_WORDS[currency] ?? currency;
      tokens.push({ form, prefixes: new Set([form]), script: 'other', sentence, clause });
    } else if (sentenceEnd !== undefined) {
      sentence += 1;
      clause += 1;
    } else if (clauseBreak !== undefined) {
      clause += 1;
    }
  }
  return tokens;
}
