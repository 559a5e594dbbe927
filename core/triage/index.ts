// Danger triage: createTriage() gives the engine its `triage(text)`; rules are data in flows/triage.
import { tokenize } from '../text-match/index.ts';
import { assessDanger } from './assess.ts';
import { triageRulesFor } from './rules.ts';
import type { Triage, TriageVerdict } from './verdict.ts';

export { assessDanger } from './assess.ts';
export { readTriageRules, triageRulesFor, TRIAGE_DIR, type TriageRule, type TriageRuleSet } from './rules.ts';
export * from './verdict.ts';

export interface TriageOptions {
  readonly flowsDir: string;
  /** The configured silent code word (TRIAGE_CODE_WORD): typed anywhere, it alerts staff without a visible change. */
  readonly codeWord?: string | undefined;
}

const CODE_WORD: TriageVerdict = Object.freeze({ severity: 'urgent', categories: ['code_word'], reasons: ['code_word'], codeWord: true });

/** True when the words of `phrase` stand together in `text` (case, diacritics and spelling folded). */
function containsPhrase(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  const words = tokenize(text).map((token) => token.form);
  return words.some((_, start) => phrase.every((word, i) => words[start + i] === word));
}

export function createTriage(options: TriageOptions): Triage {
  const rules = triageRulesFor(options.flowsDir);
  const codeWord = options.codeWord ? tokenize(options.codeWord).map((token) => token.form) : [];
  return (text) => (containsPhrase(text, codeWord) ? CODE_WORD : assessDanger(text, rules));
}
