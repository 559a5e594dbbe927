// Folding one word for search: case and diacritics (ș/ş, ț/ţ, ă, â, î; ё, й, ї) never matter, nor do the
// letters people swap when they type Ukrainian on a Russian keyboard (і, ї, є, ґ), nor Latin look-alike
// letters typed inside a Cyrillic word ("дiвчина" with a Latin i).
import { foldText } from '../text.ts';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** Ukrainian and Russian letters folded to one form: і/ї -> и, є -> е, ґ -> г; soft and hard signs dropped (people type "бьє" for "б'є"). */
const CYRILLIC_FOLDS: Readonly<Record<string, string>> = { і: 'и', є: 'е', ґ: 'г', ь: '', ъ: '' };

/** Latin letters that look like Cyrillic ones, as they appear in mixed-keyboard typing. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', i: 'и', y: 'у', k: 'к', m: 'м', t: 'т', b: 'в', h: 'н',
};

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** One word, lower-cased and folded; apostrophes (п'ять, don't) are dropped. */
export function foldWord(word: string): string {
  const folded = foldText(word).replace(/['’ʼ`]/g, '');
  if (!hasCyrillic(folded)) return folded;
  const mixed = LATIN.test(folded);
  let out = '';
  for (const letter of folded) {
    const cyrillic = mixed ? (LOOKALIKES[letter] ?? letter) : letter;
    out += CYRILLIC_FOLDS[cyrillic] ?? cyrillic;
  }
  return out;
}
