// Text matching for Punte's analysers (pasted job offers, danger triage): fold, tokenise, match phrase
// patterns written in data files, and tell when a match is denied ("no fees", "nicio taxă", "без оплаты").
import { detectLanguage, type LanguageGuess } from './language.ts';
import { absentNearby, negated } from './negation.ts';
import { compilePattern, findMatches, type Match, type Pattern } from './pattern.ts';
import { tokenize, type Token } from './tokenize.ts';

export { foldWord } from './fold.ts';
export { detectLanguage, type DetectedLanguage, type LanguageGuess } from './language.ts';
export { NEGATION_WINDOW } from './negation.ts';
export { compilePattern, findMatches, MAX_GAP, PatternError, type Match, type Pattern } from './pattern.ts';
export { tokenize, type Token } from './tokenize.ts';

/** A text prepared once for many patterns. */
export interface PreparedText {
  readonly tokens: readonly Token[];
  readonly language: LanguageGuess;
}

export function prepareText(text: string): PreparedText {
  return { tokens: tokenize(text), language: detectLanguage(text) };
}

/** Patterns of one rule, with the cues that say the thing is absent. */
export interface PhraseSet {
  readonly patterns: readonly Pattern[];
  readonly absence: readonly Pattern[];
  /** How many words around a match the absence cues may stand (default NEGATION_WINDOW). */
  readonly absenceWindow?: number;
  /** Longer phrases that mean something else and override a match they overlap ("mă bate gândul", "hit me up"). */
  readonly except?: readonly Pattern[];
  /** Whether a negation word before a match denies it (default true). */
  readonly negatable?: boolean;
}

/** Compiles the patterns of every language of a rule (languages only group them: all apply to any text). */
export function compilePhrases(byLanguage: Readonly<Record<string, readonly string[]>> | undefined): Pattern[] {
  return Object.values(byLanguage ?? {}).flatMap((sources) => sources.map(compilePattern));
}

function overlapsException(match: Match, except: readonly Pattern[], tokens: readonly Token[]): boolean {
  return except.some((pattern) => findMatches(tokens, pattern).some((other) => other.start < match.end && match.start < other.end));
}

/** The first match of the set that is not denied, with its pattern; undefined when there is none. */
export function matchPhrases(text: PreparedText, set: PhraseSet): { readonly pattern: Pattern; readonly match: Match } | undefined {
  const context = { tokens: text.tokens, latinIsCyrillicLanguage: text.language.transliterated };
  for (const pattern of set.patterns) {
    for (const match of findMatches(text.tokens, pattern)) {
      if (set.negatable !== false && negated(match, context)) continue;
      if (absentNearby(match, set.absence, text.tokens, set.absenceWindow)) continue;
      if (overlapsException(match, set.except ?? [], text.tokens)) continue;
      return { pattern, match };
    }
  }
  return undefined;
}
