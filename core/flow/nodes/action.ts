// An action node runs one named core action (from ../actions) with its parameters, then moves on.
import { z } from 'zod';
import { runAction } from '../actions/index.ts';
import type { NodeType } from '../types.ts';
import { idSchema, targetSchema } from './common.ts';

const schema = z
  .object({
    id: idSchema,
    type: z.literal('action'),
    action: z.string().min(1),
    params: z.record(z.string(), z.unknown()).optional(),
    next: targetSchema.optional(),
  })
  .strict();

export type ActionNode = z.infer<typeof schema>;

export const actionNode: NodeType<ActionNode> = {
  type: 'action',
  schema,
  waits: () => false,
  i18nKeys: () => [],
  targets: (node) => (node.next ? [{ path: 'next', value: node.next }] : []),
  contactIds: () => [],
  check: (node, context) => context.checkAction(node.action, node.params ?? {}),
  async enter(node, turn) {
    await runAction(node.action, node.params ?? {}, turn);
    return node.next ? { next: node.next } : { end: true };
  },
};
