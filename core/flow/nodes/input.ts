// A free-text input node asks for a text and keeps it in the session (stored encrypted) under `var`.
import { z } from 'zod';
import type { NodeType } from '../types.ts';
import { idSchema, sayTexts, targetSchema, textKeys, textSchema } from './common.ts';

export const MAX_INPUT_LENGTH = 4000;

const schema = z
  .object({
    id: idSchema,
    type: z.literal('input'),
    text: textSchema,
    var: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a variable name (letters, digits, _)'),
    next: targetSchema,
  })
  .strict();

export type InputNode = z.infer<typeof schema>;

export const inputNode: NodeType<InputNode> = {
  type: 'input',
  schema,
  waits: () => true,
  i18nKeys: (node) => textKeys(node.text),
  targets: (node) => [{ path: 'next', value: node.next }],
  contactIds: () => [],
  enter(node, turn) {
    sayTexts(node.text, turn);
    return { wait: true };
  },
  receive(node, inbound, turn) {
    const text = inbound.text?.trim() ?? '';
    if (inbound.kind !== 'text' || text === '') return { reask: true };
    turn.session.vars[node.var] = text.slice(0, MAX_INPUT_LENGTH);
    return { next: node.next };
  },
  reask(_node, turn) {
    turn.say({ text: turn.t('common:reask.text') });
  },
};
