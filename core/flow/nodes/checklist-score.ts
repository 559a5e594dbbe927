// Scoring of a checklist (the job-offer check): weights and thresholds are data declared in the flow, so the
// rules can be tuned by editing flow.json. Pure functions, unit-tested in test/flow/checklist-score.test.ts.
import type { RiskLevel } from '../types.ts';

export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export type Answer = (typeof ANSWERS)[number];

export interface ScoredQuestion {
  readonly id: string;
  /** The red flag this question looks for (an id shared with the pasted-offer analyser where one exists). */
  readonly flag: string;
  /** The answer that is the warning sign ("no" for "Do you have a written contract?"). */
  readonly risky: 'yes' | 'no';
  readonly weight: number;
  /** A red flag serious enough on its own to make the risk high (a fee, a passport taken, no contract). */
  readonly critical?: boolean | undefined;
  /** Points for "not sure"; default half the weight, rounded up. */
  readonly unsureWeight?: number | undefined;
}

export interface Thresholds {
  /** Points (red flags plus uncertain answers) from which the risk is at least medium. */
  readonly medium: number;
  /** Red-flag points from which the risk is high. */
  readonly high: number;
}

export interface ChecklistScore {
  readonly risk: RiskLevel;
  /** Red-flag points plus uncertain points: what is stored for statistics. */
  readonly score: number;
  /** Red flags found, in question order. */
  readonly flagIds: readonly string[];
  /** Questions answered "not sure": things the person can still check. */
  readonly unsureIds: readonly string[];
}

export function unsureWeightOf(question: ScoredQuestion): number {
  return question.unsureWeight ?? Math.ceil(question.weight / 2);
}

/**
 * High: a critical red flag, or red-flag points at or above `high`. Uncertainty alone never makes an offer
 * high (not knowing is a reason to check, not proof of danger), but it counts towards medium.
 */
export function scoreChecklist(
  questions: readonly ScoredQuestion[],
  answers: Readonly<Record<string, Answer | undefined>>,
  thresholds: Thresholds,
): ChecklistScore {
  let flagPoints = 0;
  let unsurePoints = 0;
  let critical = false;
  const flagIds: string[] = [];
  const unsureIds: string[] = [];
  for (const question of questions) {
    const answer = answers[question.id];
    if (answer === question.risky) {
      flagPoints += question.weight;
      flagIds.push(question.flag);
      if (question.critical) critical = true;
    } else if (answer === 'unsure') {
      unsurePoints += unsureWeightOf(question);
      unsureIds.push(question.id);
    }
  }
  const score = flagPoints + unsurePoints;
  const risk: RiskLevel = critical || flagPoints >= thresholds.high ? 'high' : score >= thresholds.medium ? 'medium' : 'low';
  return { risk, score, flagIds, unsureIds };
}

/** Meaning checks on the declared weights and thresholds, as "field: message" strings. */
export function checkScoring(questions: readonly ScoredQuestion[], thresholds: Thresholds): string[] {
  const problems: string[] = [];
  const total = questions.reduce((sum, question) => sum + question.weight, 0);
  if (thresholds.medium >= thresholds.high) {
    problems.push(`thresholds: medium (${thresholds.medium}) must be lower than high (${thresholds.high})`);
  }
  if (thresholds.high > total) {
    problems.push(`thresholds: high (${thresholds.high}) can never be reached: all weights add up to ${total}`);
  }
  questions.forEach((question, i) => {
    const unsure = unsureWeightOf(question);
    if (unsure > question.weight) problems.push(`question ${i + 1}: unsureWeight: must not exceed the weight (${question.weight})`);
  });
  return problems;
}
