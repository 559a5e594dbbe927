// Named actions a flow can run from an action node. Each has a zod schema for its parameters, checked when
// flows load, so a flow cannot call an action that does not exist or pass it the wrong parameters.
import { z } from 'zod';
import type { Turn } from '../types.ts';
import { analyzeOfferAction } from './analyze-offer.ts';
import { checkCentreHoursAction } from './check-centre-hours.ts';
import { countryNumbersAction } from './country-numbers.ts';
import { emergencyAnswerAction } from './emergency-answer.ts';
import { lookupAgencyAction } from './lookup-agency.ts';
import { cancelReferralAction, requestReferralAction } from './referral.ts';
import { raiseFlagAction } from './raise-flag.ts';
import { setLocaleAction } from './set-locale.ts';
import { searchQuestionsAction, showQuestionAction } from './search-questions.ts';
import { setVarAction } from './set-var.ts';
import { showAnswersAction } from './show-answers.ts';

export interface ActionType<P> {
  readonly name: string;
  readonly params: z.ZodType<P>;
  run(params: P, turn: Turn): void | Promise<void>;
}

const ACTIONS: readonly ActionType<any>[] = [setLocaleAction, setVarAction, raiseFlagAction, requestReferralAction, cancelReferralAction, checkCentreHoursAction, lookupAgencyAction, countryNumbersAction, showAnswersAction, searchQuestionsAction, showQuestionAction, analyzeOfferAction, emergencyAnswerAction];
const byName = new Map(ACTIONS.map((action) => [action.name, action]));

export const ACTION_NAMES: ReadonlySet<string> = new Set(byName.keys());

/** Meaning check: problems with an action call, as "field: message" strings. */
export function checkActionCall(name: string, params: unknown): string[] {
  const action = byName.get(name);
  if (!action) return [`action: unknown action "${name}" (known: ${[...byName.keys()].join(', ')})`];
  const parsed = action.params.safeParse(params);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `params${issue.path.length ? `: ${issue.path.join('.')}` : ''}: ${issue.message}`);
}

export async function runAction(name: string, params: unknown, turn: Turn): Promise<void> {
  const action = byName.get(name);
  if (!action) throw new Error(`unknown action "${name}"`);
  await action.run(action.params.parse(params), turn);
}
