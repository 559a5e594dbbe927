// Checks a pasted job offer (kept by the flow in a session variable) for red flags and says the verdict in the
// person's language: the risk in plain words (and when the analyser is unsure), each flag with why it matters,
// and what to check next. Records the result for statistics, raises a flag for staff when the risk is high, and
// sets `offerRisk` so the flow can branch (high risk: offer a discreet connection to the centre).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createOfferAnalyser, describeOffer } from '../../offer/index.ts';
import type { ActionType } from './index.ts';

export const OFFER_RISK_VAR = 'offerRisk';

/** Used when no flows folder is given (engine tests): the project's own flows/. */
const PROJECT_FLOWS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'flows');

const params = z.object({ var: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a variable name') }).strict();

export const analyzeOfferAction: ActionType<z.infer<typeof params>> = {
  name: 'analyzeOffer',
  params,
  run({ var: name }, turn) {
    const vars = turn.session.vars;
    const text = vars[name];
    // The offer has been read; the session need not keep it.
    delete vars[name];
    if (typeof text !== 'string' || text.trim() === '') {
      delete vars[OFFER_RISK_VAR];
      turn.say({ text: turn.t('offer-flags:empty') });
      return;
    }
    const verdict = createOfferAnalyser(turn.services.flowsDir ?? PROJECT_FLOWS)(text);
    const words = describeOffer(verdict, (key, variables) => turn.t(key, variables));
    turn.say({ text: words.verdict });
    turn.say({ text: words.flags });
    const abroad = typeof vars.country === 'string' && vars.country !== 'md';
    turn.say({
      text: words.next,
      callables: [turn.callable('trafficHotline'), ...(abroad ? [turn.callable('trafficHotlineAbroad')] : [])],
    });
    turn.emit({ type: 'offerCheck', method: 'text', risk: verdict.risk, score: verdict.score, flagIds: verdict.flags.map((flag) => flag.id) });
    if (verdict.risk === 'high') {
      turn.emit({ type: 'flag', severity: 'high', category: 'job_offer', reason: 'offer:high', minor: vars.minor === true });
    }
    vars[OFFER_RISK_VAR] = verdict.risk;
  },
};
