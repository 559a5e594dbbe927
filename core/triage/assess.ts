// Danger triage of one free text: which rules match (in any of the four languages, with or without
// diacritics, in Latin transliteration), what the signals and combinations make of them, and the verdict.
// A match after "if" / "dacă" / "если" / "якщо" in its sentence is a question about what might happen and
// counts one level lower.
import { findMatches, matchPhrases, prepareText, type PreparedText } from '../text-match/index.ts';
import type { TriageRuleSet } from './rules.ts';
import { levelRank, NO_DANGER, TRIAGE_LEVELS, type TriageLevel, type TriageVerdict } from './verdict.ts';

interface Hit {
  readonly id: string;
  readonly category: string;
  readonly severity: TriageLevel;
}

/** Context words ("la discotecă", "двойка", "the border") may stand anywhere nearby in the sentence. */
const CONTEXT_WINDOW = 6;

function lower(level: TriageLevel): TriageLevel {
  return TRIAGE_LEVELS[Math.max(1, levelRank(level) - 1)]!;
}

function hypotheticalBefore(text: PreparedText, start: number, rules: TriageRuleSet): boolean {
  const sentence = text.tokens[start]?.sentence;
  const before = text.tokens.slice(0, start).filter((token) => token.sentence === sentence);
  return rules.hypothetical.some((pattern) => findMatches(before, pattern).length > 0);
}

export function assessDanger(text: string, rules: TriageRuleSet): TriageVerdict {
  const prepared = prepareText(text);
  if (prepared.tokens.length === 0) return NO_DANGER;
  const hits: Hit[] = [];
  for (const rule of rules.rules) {
    const found = matchPhrases(prepared, { patterns: rule.patterns, absence: rule.absence, absenceWindow: CONTEXT_WINDOW, except: rule.except });
    if (!found) continue;
    const severity = hypotheticalBefore(prepared, found.match.start, rules) ? lower(rule.severity) : rule.severity;
    hits.push({ id: rule.id, category: rule.category, severity });
  }
  const present = new Set(hits.map((hit) => hit.id));
  for (const signal of rules.signals) {
    if (matchPhrases(prepared, { patterns: signal.patterns, absence: [] })) present.add(signal.id);
  }
  for (const combination of rules.combinations) {
    if (combination.when.every((id) => present.has(id))) hits.push({ id: combination.id, category: combination.category, severity: combination.severity });
  }
  if (hits.length === 0) return NO_DANGER;
  hits.sort((a, b) => levelRank(b.severity) - levelRank(a.severity));
  return {
    severity: hits[0]!.severity,
    categories: [...new Set(hits.map((hit) => hit.category))],
    reasons: hits.map((hit) => hit.id),
  };
}
