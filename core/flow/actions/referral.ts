// A request to be put in touch with the centre, built from what the flow asked (phone, time window, how the
// caller introduces themselves, whether the person is under 18). The host stores it, encrypted, with a flag.
import { z } from 'zod';
import type { ActionType } from './index.ts';

const kind = z.enum(['callback', 'counsellor']);

const requestParams = z
  .object({
    kind,
    /** Session variables the flow filled in; each optional. */
    phoneVar: z.string().optional(),
    timeWindowVar: z.string().optional(),
    introductionVar: z.string().optional(),
    /** The variable set to true when the request is pending (e.g. to offer cancelling it). */
    pendingVar: z.string().optional(),
  })
  .strict();

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export const requestReferralAction: ActionType<z.infer<typeof requestParams>> = {
  name: 'requestReferral',
  params: requestParams,
  run(params, turn) {
    const vars = turn.session.vars;
    const phone = params.phoneVar ? text(vars[params.phoneVar]) : undefined;
    const timeWindow = params.timeWindowVar ? text(vars[params.timeWindowVar]) : undefined;
    const introduction = params.introductionVar ? text(vars[params.introductionVar]) : undefined;
    turn.emit({
      type: 'referral',
      kind: params.kind,
      minor: vars.minor === true,
      ...(phone ? { phone } : {}),
      ...(timeWindow ? { timeWindow } : {}),
      ...(introduction ? { introduction } : {}),
    });
    // The number lives on in the referral (encrypted); the session need not keep it.
    if (params.phoneVar) delete vars[params.phoneVar];
    if (params.pendingVar) vars[params.pendingVar] = true;
  },
};

const cancelParams = z.object({ kind, pendingVar: z.string().optional() }).strict();

export const cancelReferralAction: ActionType<z.infer<typeof cancelParams>> = {
  name: 'cancelReferral',
  params: cancelParams,
  run(params, turn) {
    turn.emit({ type: 'cancelReferral', kind: params.kind });
    if (params.pendingVar) delete turn.session.vars[params.pendingVar];
  },
};
