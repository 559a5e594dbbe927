// Russian and Ukrainian typed in Latin letters ("ma shantajiruiut", "shantazhuye", "pomogite") meet the
// Cyrillic documents through a coarse Latin "skeleton": documents are transliterated, then both sides drop
// the spelling differences people make (sh/ș/s, zh/j, ch/c/ts, kh/h/g, y/i/j, doubled letters).

/** Folded Cyrillic (fold.ts: й -> и, ё -> е, і/ї -> и, є -> е, ґ -> г) to plain Latin. */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ь: '', ы: 'y', э: 'e', ю: 'yu', я: 'ya',
};

export function transliterate(foldedWord: string): string {
  let out = '';
  for (const letter of foldedWord) out += CYRILLIC_TO_LATIN[letter] ?? letter;
  return out;
}

const SPELLINGS: readonly [RegExp, string][] = [
  [/shch|sch|sh/g, 's'],
  [/zh|dj/g, 'j'],
  [/tch|ch|tz|ts/g, 'c'],
  [/kh|h/g, 'g'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/y/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** A folded Latin word reduced to how it sounds, roughly; the same on documents and queries. */
export function latinSkeleton(word: string): string {
  let out = word;
  for (const [pattern, replacement] of SPELLINGS) out = out.replace(pattern, replacement);
  return out;
}

/** Case and number endings as they look in Latin letters; the longest is removed if 3 letters remain. */
const LATIN_ENDINGS = ['iami', 'ami', 'iag', 'ag', 'om', 'em', 'ov', 'ev', 'ig', 'im', 'oi', 'ei', 'ui', 'ii', 'ia', 'iu', 'ie', 'a', 'e', 'i', 'o', 'u'];

export function latinStem(skeleton: string): string {
  for (const ending of LATIN_ENDINGS) {
    if (skeleton.endsWith(ending) && skeleton.length - ending.length >= 3) return skeleton.slice(0, -ending.length);
  }
  return skeleton;
}
