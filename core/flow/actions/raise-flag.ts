// Raises a flag for staff from a flow (e.g. a high-risk job offer, a request for a person).
import { z } from 'zod';
import { SEVERITIES } from '../types.ts';
import type { ActionType } from './index.ts';

const params = z
  .object({
    severity: z.enum(SEVERITIES),
    category: z.string().regex(/^[a-z_]+$/, 'must be lowercase letters and _'),
    reason: z.string().regex(/^[a-z0-9_:.-]+$/, 'must be a rule id such as checklist:high'),
  })
  .strict();

export const raiseFlagAction: ActionType<z.infer<typeof params>> = {
  name: 'raiseFlag',
  params,
  run(flag, turn) {
    turn.emit({ type: 'flag', ...flag, minor: turn.session.vars.minor === true });
  },
};
