// The pasted-offer analyser: analyse(text) -> risk, score, flags, unsure, language. Rules: flows/job-offer/rules.
import { analyseOffer, type OfferVerdict } from './analyse.ts';
import { offerRulesFor } from './rules.ts';

export { analyseOffer, type OfferFlag, type OfferVerdict, type UnsureReason } from './analyse.ts';
export { describeOffer, type OfferMessages, type Translate } from './describe.ts';
export { offerRulesFor, readOfferRules, RULES_DIR, type OfferRule, type OfferRuleSet } from './rules.ts';

/** An analyser over the rules of a flows folder (read once per process). */
export function createOfferAnalyser(flowsDir: string): (text: string) => OfferVerdict {
  const rules = offerRulesFor(flowsDir);
  return (text) => analyseOffer(text, rules);
}
