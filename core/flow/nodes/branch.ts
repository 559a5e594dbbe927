// A branch node goes on to the first case whose condition holds on the session variables, else `otherwise`.
// It says nothing and never waits: flows use it for "show my plan if I made one" or "offer to cancel a call".
import { z } from 'zod';
import type { NodeType } from '../types.ts';
import { idSchema, targetSchema } from './common.ts';

const varName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a variable name');

const caseSchema = z
  .object({
    var: varName,
    /** Without `equals`, the case holds when the variable is set (and not false). */
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    target: targetSchema,
  })
  .strict();

const schema = z
  .object({
    id: idSchema,
    type: z.literal('branch'),
    cases: z.array(caseSchema).min(1),
    otherwise: targetSchema,
  })
  .strict();

export type BranchNode = z.infer<typeof schema>;

export const branchNode: NodeType<BranchNode> = {
  type: 'branch',
  schema,
  waits: () => false,
  i18nKeys: () => [],
  targets: (node) => [
    ...node.cases.map((c, i) => ({ path: `case ${i + 1}`, value: c.target })),
    { path: 'otherwise', value: node.otherwise },
  ],
  contactIds: () => [],
  enter(node, turn) {
    const vars = turn.session.vars;
    const match = node.cases.find((c) =>
      c.equals === undefined ? vars[c.var] !== undefined && vars[c.var] !== false : vars[c.var] === c.equals,
    );
    return { next: match?.target ?? node.otherwise };
  },
};
