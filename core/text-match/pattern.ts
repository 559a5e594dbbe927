// Phrase patterns, written in data files in any script and folded like the text. A pattern is words in order,
// each a slot:
//   pasaport*          a stem: any word starting with it (folded: "pașaportul", "pasaportu", "pashaport")
//   luat|luate|luau    alternatives
//   #3000+             a number of at least 3000 ("3 000", "3.000", "3000")
//   #10-17             a number from 10 to 17
// Between two slots up to MAX_GAP other words may stand ("mi-au luat [tot] pașaportul"), inside one sentence.
// A pattern that starts with "~ " matches its slots in any order within a short span: free word order is
// ordinary in Russian, Ukrainian and Romanian ("паспорт забрали" = "забрали паспорт").
import { foldWord } from './fold.ts';
import type { Token } from './tokenize.ts';

export const MAX_GAP = 2;

type Slot =
  | { readonly kind: 'words'; readonly words: readonly string[]; readonly stems: readonly string[] }
  | { readonly kind: 'number'; readonly min: number; readonly max: number };

export interface Pattern {
  readonly source: string;
  readonly slots: readonly Slot[];
  readonly unordered: boolean;
}

/** A match: tokens [start, end) of the text; `slots` are the tokens the pattern's words matched (the rest are gaps). */
export interface Match {
  readonly start: number;
  readonly end: number;
  readonly slots: readonly number[];
}

export class PatternError extends Error {}

function compileSlot(text: string, source: string): Slot {
  const atLeast = /^#(\d+)\+$/.exec(text);
  if (atLeast) return { kind: 'number', min: Number(atLeast[1]), max: Infinity };
  const range = /^#(\d+)-(\d+)$/.exec(text);
  if (range) return { kind: 'number', min: Number(range[1]), max: Number(range[2]) };
  const words: string[] = [];
  const stems: string[] = [];
  for (const alternative of text.split('|')) {
    const stem = alternative.endsWith('*');
    const folded = foldWord(stem ? alternative.slice(0, -1) : alternative);
    if (folded === '' || /[^\p{L}\p{N}]/u.test(folded)) {
      throw new PatternError(`pattern "${source}": "${alternative}" is not a word, a word* stem, #N+ or #N-M`);
    }
    (stem ? stems : words).push(folded);
  }
  return { kind: 'words', words, stems };
}

export function compilePattern(source: string): Pattern {
  const trimmed = source.trim();
  const unordered = trimmed.startsWith('~ ');
  const body = unordered ? trimmed.slice(2) : trimmed;
  const parts = body.split(/\s+/).filter((part) => part !== '');
  if (parts.length === 0) throw new PatternError(`pattern "${source}" is empty`);
  return { source, slots: parts.map((part) => compileSlot(part, source)), unordered };
}

function fits(slot: Slot, token: Token): boolean {
  if (slot.kind === 'number') return token.value !== undefined && token.value >= slot.min && token.value <= slot.max;
  return slot.words.includes(token.form) || slot.stems.some((stem) => token.prefixes.has(stem) || token.form.startsWith(stem));
}

function orderedFrom(tokens: readonly Token[], slots: readonly Slot[], start: number): number[] | undefined {
  // Slot 0 sits at `start`; each next slot within MAX_GAP words, same sentence. Backtracks over choices.
  const search = (slotIndex: number, taken: number[]): number[] | undefined => {
    if (slotIndex === slots.length) return taken;
    const slot = slots[slotIndex]!;
    const previous = taken[taken.length - 1]!;
    for (let i = previous + 1; i <= previous + 1 + MAX_GAP && i < tokens.length; i += 1) {
      if (tokens[i]!.sentence !== tokens[start]!.sentence) break;
      if (fits(slot, tokens[i]!)) {
        const found = search(slotIndex + 1, [...taken, i]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return fits(slots[0]!, tokens[start]!) ? search(1, [start]) : undefined;
}

function unorderedFrom(tokens: readonly Token[], slots: readonly Slot[], start: number): number[] | undefined {
  // Every slot on a distinct word inside a span that starts at `start`, same sentence.
  const span = slots.length + MAX_GAP * (slots.length - 1);
  const sentence = tokens[start]!.sentence;
  const window: number[] = [];
  for (let i = start; i < tokens.length && i < start + span && tokens[i]!.sentence === sentence; i += 1) window.push(i);
  if (!slots.some((slot) => fits(slot, tokens[start]!))) return undefined;
  const used = new Set<number>();
  const assign = (slotIndex: number): boolean => {
    if (slotIndex === slots.length) return used.has(start);
    for (const i of window) {
      if (used.has(i) || !fits(slots[slotIndex]!, tokens[i]!)) continue;
      used.add(i);
      if (assign(slotIndex + 1)) return true;
      used.delete(i);
    }
    return false;
  };
  return assign(0) ? [...used].sort((a, b) => a - b) : undefined;
}

/** Every place the pattern matches, left to right (at most one match starting at each word). */
export function findMatches(tokens: readonly Token[], pattern: Pattern): Match[] {
  const matches: Match[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    const slots = pattern.unordered ? unorderedFrom(tokens, pattern.slots, start) : orderedFrom(tokens, pattern.slots, start);
    if (slots) matches.push({ start, end: slots[slots.length - 1]! + 1, slots });
  }
  return matches;
}
