// The shape of a danger-triage verdict, shared by the engine (which acts on it) and the analyser (which makes it).
export const TRIAGE_LEVELS = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];

export interface TriageVerdict {
  readonly severity: TriageLevel;
  /** e.g. urgent_danger, self_harm, trafficking, domestic_violence, sextortion, grooming; most serious first. */
  readonly categories: readonly string[];
  /** The rule ids that matched, for the flag's reason (never the person's words). */
  readonly reasons: readonly string[];
  /** The person typed the configured silent code word. */
  readonly codeWord?: boolean;
}

export type Triage = (text: string) => TriageVerdict;

export const NO_DANGER: TriageVerdict = Object.freeze({ severity: 'none', categories: [], reasons: [] });

export function levelRank(level: TriageLevel): number {
  return TRIAGE_LEVELS.indexOf(level);
}
