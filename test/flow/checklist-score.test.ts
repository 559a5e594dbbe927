// Scoring of the job-offer checklist: weights, critical flags, thresholds and "not sure" answers.
import { describe, expect, it } from 'vitest';
import { checkScoring, scoreChecklist, type Answer, type ScoredQuestion } from '../../core/flow/nodes/checklist-score.ts';

const QUESTIONS: ScoredQuestion[] = [
  { id: 'fee', flag: 'recruitment-fee', risky: 'yes', weight: 5, critical: true },
  { id: 'contract', flag: 'no-written-contract', risky: 'no', weight: 5, critical: true },
  { id: 'licence', flag: 'no-licence', risky: 'no', weight: 3 },
  { id: 'private', flag: 'private-recruiter', risky: 'yes', weight: 3 },
  { id: 'pressure', flag: 'pressure-to-decide', risky: 'yes', weight: 2 },
  { id: 'unsolicited', flag: 'unsolicited-offer', risky: 'yes', weight: 2 },
  { id: 'messenger', flag: 'messenger-only', risky: 'yes', weight: 1, unsureWeight: 0 },
];
const THRESHOLDS = { medium: 3, high: 8 };
const SAFE: Record<string, Answer> = { fee: 'no', contract: 'yes', licence: 'yes', private: 'no', pressure: 'no', unsolicited: 'no', messenger: 'no' };
const score = (changes: Record<string, Answer>) => scoreChecklist(QUESTIONS, { ...SAFE, ...changes }, THRESHOLDS);

describe('checklist scoring', () => {
  it('no warning sign: low, score 0, no flags', () => {
    expect(score({})).toEqual({ risk: 'low', score: 0, flagIds: [], unsureIds: [] });
  });

  it('the risky answer is "no" where the question asks for something good', () => {
    expect(score({ licence: 'no' })).toMatchObject({ risk: 'medium', score: 3, flagIds: ['no-licence'] });
    expect(score({ licence: 'yes', fee: 'yes' }).flagIds).toEqual(['recruitment-fee']);
  });

  it('one critical red flag is high on its own', () => {
    expect(score({ fee: 'yes' })).toMatchObject({ risk: 'high', score: 5 });
    expect(score({ contract: 'no' })).toMatchObject({ risk: 'high', score: 5 });
  });

  it('small signs add up: below medium is low, from medium up medium, from high up high', () => {
    expect(score({ pressure: 'yes' })).toMatchObject({ risk: 'low', score: 2 });
    expect(score({ pressure: 'yes', messenger: 'yes' })).toMatchObject({ risk: 'medium', score: 3 });
    expect(score({ licence: 'no', private: 'yes', unsolicited: 'yes' })).toMatchObject({ risk: 'high', score: 8 });
    expect(score({ licence: 'no', private: 'yes', messenger: 'yes' })).toMatchObject({ risk: 'medium', score: 7 });
  });

  it('flags are listed in question order', () => {
    expect(score({ unsolicited: 'yes', fee: 'yes', licence: 'no' }).flagIds).toEqual(['recruitment-fee', 'no-licence', 'unsolicited-offer']);
  });

  it('"not sure" counts half the weight (rounded up, or as declared) towards medium', () => {
    expect(score({ licence: 'unsure' })).toMatchObject({ risk: 'low', score: 2, unsureIds: ['licence'] });
    expect(score({ fee: 'unsure' })).toMatchObject({ risk: 'medium', score: 3, flagIds: [] });
    expect(score({ messenger: 'unsure' })).toMatchObject({ risk: 'low', score: 0, unsureIds: ['messenger'] });
  });

  it('uncertainty alone never makes an offer high', () => {
    const allUnsure = Object.fromEntries(QUESTIONS.map((q) => [q.id, 'unsure' as Answer]));
    const result = score(allUnsure);
    expect(result.score).toBeGreaterThanOrEqual(THRESHOLDS.high);
    expect(result.risk).toBe('medium');
  });

  it('an unanswered question counts nothing', () => {
    expect(scoreChecklist(QUESTIONS, {}, THRESHOLDS)).toEqual({ risk: 'low', score: 0, flagIds: [], unsureIds: [] });
  });
});

describe('checklist scoring meaning checks', () => {
  it('accepts sensible thresholds', () => {
    expect(checkScoring(QUESTIONS, THRESHOLDS)).toEqual([]);
  });

  it('medium must be below high, and high reachable', () => {
    expect(checkScoring(QUESTIONS, { medium: 8, high: 8 })).toEqual(['thresholds: medium (8) must be lower than high (8)']);
    expect(checkScoring(QUESTIONS, { medium: 3, high: 22 })).toEqual(['thresholds: high (22) can never be reached: all weights add up to 21']);
  });

  it('"not sure" may not weigh more than the red flag itself', () => {
    expect(checkScoring([{ id: 'a', flag: 'a', risky: 'yes', weight: 2, unsureWeight: 3 }], { medium: 1, high: 2 })).toEqual([
      'question 1: unsureWeight: must not exceed the weight (2)',
    ]);
  });
});
