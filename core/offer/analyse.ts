// The pasted-offer analyser: which red flags a job offer shows, in whatever language it is written. Generic:
// every rule is data (./rules.ts), so nothing here knows a flag by name. The verdict depends only on the text,
// never on the language the person reads in.
import type { RiskLevel } from '../flow/types.ts';
import { matchPhrases, prepareText, type DetectedLanguage } from '../text-match/index.ts';
import type { OfferRuleSet } from './rules.ts';

/** Why the analyser is unsure: the text is short, says nothing about a job, or shows only weak signs. */
export type UnsureReason = 'short' | 'noJob' | 'weak';

export interface OfferFlag {
  readonly id: string;
  readonly explanationKey: string;
}

export interface OfferVerdict {
  readonly risk: RiskLevel;
  readonly score: number;
  /** Most serious first. */
  readonly flags: readonly OfferFlag[];
  readonly unsure: boolean;
  readonly unsureReason?: UnsureReason;
  /** The language the offer is written in. */
  readonly language: DetectedLanguage;
}

export function analyseOffer(text: string, rules: OfferRuleSet): OfferVerdict {
  const prepared = prepareText(text);
  const found = rules.rules.filter((rule) => matchPhrases(prepared, { patterns: rule.patterns, absence: rule.absence }) !== undefined);
  found.sort((a, b) => b.weight - a.weight);
  const score = found.reduce((sum, rule) => sum + rule.weight, 0);
  const risk: RiskLevel = score >= rules.thresholds.high ? 'high' : score >= rules.thresholds.medium ? 'medium' : 'low';

  const words = prepared.tokens.filter((token) => token.value === undefined).length;
  const aboutAJob = matchPhrases(prepared, { patterns: rules.jobWords, absence: [], negatable: false }) !== undefined;
  const unsureReason: UnsureReason | undefined =
    words < rules.minWords ? 'short' : !aboutAJob ? 'noJob' : score > 0 && risk === 'low' ? 'weak' : undefined;

  return {
    risk,
    score,
    flags: found.map((rule) => ({ id: rule.id, explanationKey: rule.explanationKey })),
    unsure: unsureReason !== undefined,
    ...(unsureReason ? { unsureReason } : {}),
    language: prepared.language.language,
  };
}
