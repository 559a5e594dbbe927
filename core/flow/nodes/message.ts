// A message node says one or more texts, then moves on to `next`, or ends the flow (the person is back home).
import { z } from 'zod';
import type { NodeType } from '../types.ts';
import { attachExtras, extrasContacts, extrasKeys, extrasShape, idSchema, sayTexts, targetSchema, textKeys, textSchema } from './common.ts';

const schema = z
  .object({
    id: idSchema,
    type: z.literal('message'),
    text: textSchema,
    next: targetSchema.optional(),
    ...extrasShape,
  })
  .strict();

export type MessageNode = z.infer<typeof schema>;

export const messageNode: NodeType<MessageNode> = {
  type: 'message',
  schema,
  waits: () => false,
  i18nKeys: (node) => [...textKeys(node.text), ...extrasKeys(node)],
  targets: (node) => (node.next ? [{ path: 'next', value: node.next }] : []),
  contactIds: (node) => extrasContacts(node),
  enter(node, turn) {
    sayTexts(node.text, turn);
    attachExtras(node, turn);
    return node.next ? { next: node.next } : { end: true };
  },
};
