// Sets (or, with value null, removes) one session variable: flows use it to remember a choice or reset a plan.
import { z } from 'zod';
import type { ActionType } from './index.ts';

const params = z
  .object({
    var: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a variable name'),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  })
  .strict();

export const setVarAction: ActionType<z.infer<typeof params>> = {
  name: 'setVar',
  params,
  run({ var: name, value }, turn) {
    if (value === null) delete turn.session.vars[name];
    else turn.session.vars[name] = value;
  },
};
