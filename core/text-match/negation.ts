// Negation and absence: "no fees are charged", "nicio taxă", "fără taxe", "без оплаты", "не нужно платить" do
// not raise the fee flag. A match is denied when a negation word stands in the few words before it, in the
// same clause, or in a gap inside it ("меня не бьёт" against the pattern "меня бьёт"); or when one of the
// rule's own absence cues ("gratuit", "безкоштовно", "free of charge") stands within a few words on either
// side, in the same sentence.
import type { Locale } from '../locales.ts';
import { readData } from './data.ts';
import { compilePattern, findMatches, type Match, type Pattern } from './pattern.ts';
import type { Token } from './tokenize.ts';

interface NegationData {
  readonly window: number;
  readonly before: Record<Locale, readonly string[]>;
}

const data = readData<NegationData>('./negation.json');
export const NEGATION_WINDOW = data.window;

const CYRILLIC_LANGUAGES = new Set<Locale>(['ru', 'uk']);
const NEGATORS: readonly { readonly language: Locale; readonly pattern: Pattern }[] = (Object.keys(data.before) as Locale[]).flatMap(
  (language) => data.before[language].map((cue) => ({ language, pattern: compilePattern(cue) })),
);

/** How the text reads, so a short cue is taken in the right language. */
export interface NegationContext {
  readonly tokens: readonly Token[];
  /** Russian or Ukrainian typed in Latin letters: their cues also apply to Latin words. */
  readonly latinIsCyrillicLanguage: boolean;
}

function cueApplies(language: Locale, tokens: readonly Token[], match: Match, context: NegationContext): boolean {
  const scripts = tokens.slice(match.start, match.end).map((token) => token.script);
  if (CYRILLIC_LANGUAGES.has(language)) return scripts.every((s) => s === 'cyrillic' || (s === 'latin' && context.latinIsCyrillicLanguage));
  return scripts.every((s) => s === 'latin');
}

function negatorIn(words: readonly Token[], clause: number, context: NegationContext): boolean {
  return NEGATORS.some(({ language, pattern }) =>
    findMatches(words, pattern).some(
      (cue) => words.slice(cue.start, cue.end).every((token) => token.clause === clause) && cueApplies(language, words, cue, context),
    ),
  );
}

/** A negation word ends in the NEGATION_WINDOW words before the match, in its clause, or fills one of its gaps. */
export function negated(match: Match, context: NegationContext): boolean {
  const { tokens } = context;
  const first = tokens[match.start];
  if (!first) return false;
  if (negatorIn(tokens.slice(Math.max(0, match.start - NEGATION_WINDOW), match.start), first.clause, context)) return true;
  for (let i = match.start + 1; i < match.end; i += 1) {
    if (!match.slots.includes(i) && negatorIn([tokens[i]!], tokens[i]!.clause, context)) return true;
  }
  return false;
}

/** One of the rule's absence cues stands within `window` words of the match, in the same sentence. */
export function absentNearby(match: Match, cues: readonly Pattern[], tokens: readonly Token[], window = NEGATION_WINDOW): boolean {
  const first = tokens[match.start];
  if (!first || cues.length === 0) return false;
  const from = Math.max(0, match.start - window);
  const to = Math.min(tokens.length, match.end + window);
  const nearby = tokens.slice(from, to);
  return cues.some((pattern) =>
    findMatches(nearby, pattern).some((cue) => nearby.slice(cue.start, cue.end).every((token) => token.sentence === first.sentence)),
  );
}
