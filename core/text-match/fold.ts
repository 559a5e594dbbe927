// Folds one word to a spelling skeleton, so the same word compares equal however people type it: with or
// without diacritics (ș/ş/s, ă/a, ё/е, ї/і/и), in Cyrillic or in Latin transliteration (паспорт = pasport,
// выпускают = vypuskayut = vipuskaiut, б'ють = b'yut), with doubled letters (passport = pasport).
// The skeleton is lossy on purpose; text and patterns go through the same folding, so only equality matters.

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', є: 'e', ж: 'zh', з: 'z', и: 'i', і: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c',
  ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/**
 * Latin spellings that stand for one sound in the many ways people transliterate Russian and Ukrainian
 * (ш = sh, щ = shch, ч = ch, ж = zh, х = kh/h, ц = ts/tz; й, ю, я written with j, y or i; Ukrainian г = h).
 * Applied in order, after Cyrillic became Latin.
 */
const SPELLING_RULES: readonly (readonly [RegExp, string])[] = [
  [/shch/g, 's'],
  [/sh/g, 's'],
  [/ch/g, 'c'],
  [/zh/g, 'z'],
  [/kh/g, 'h'],
  [/t[sz]/g, 'c'],
  [/[jy]/g, 'i'],
  [/w/g, 'v'],
  [/q/g, 'k'],
  [/x/g, 'ks'],
  [/h/g, 'g'],
  [/ie/g, 'e'],
];

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ`´]/g;

/** The skeleton of one word (no spaces): lower case, no marks or apostrophes, Latin letters, no doubled letters. */
export function foldWord(word: string): string {
  let text = word.normalize('NFD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, '').toLowerCase();
  text = [...text].map((char) => CYRILLIC_TO_LATIN[char] ?? char).join('');
  for (const [pattern, replacement] of SPELLING_RULES) text = text.replace(pattern, replacement);
  return text.replace(/(.)\1+/gu, '$1');
}

/** Which alphabet a word is written in: Russian and Ukrainian cues apply to Cyrillic words. */
export function scriptOf(word: string): 'latin' | 'cyrillic' | 'other' {
  if (/\p{Script=Cyrillic}/u.test(word)) return 'cyrillic';
  if (/\p{Script=Latin}/u.test(word)) return 'latin';
  return 'other';
}
