// A free-text input node asks for a text and keeps it in the session (stored encrypted) under `var`.
// `validate` checks the answer's form (a phone number, an age); a wrong form gets the node's `reask` text.
import { z } from 'zod';
import type { NodeType } from '../types.ts';
import { idSchema, keySchema, sayTexts, targetSchema, textKeys, textSchema } from './common.ts';
import { VALIDATORS, type ValidatorName } from './validators.ts';

export const MAX_INPUT_LENGTH = 4000;

const schema = z
  .object({
    id: idSchema,
    type: z.literal('input'),
    text: textSchema,
    var: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a variable name (letters, digits, _)'),
    validate: z.enum(Object.keys(VALIDATORS) as [ValidatorName, ...ValidatorName[]]).optional(),
    /** What to say when the answer does not fit; default common:reask.text. */
    reask: keySchema.optional(),
    next: targetSchema,
  })
  .strict();

export type InputNode = z.infer<typeof schema>;

export const inputNode: NodeType<InputNode> = {
  type: 'input',
  schema,
  waits: () => true,
  i18nKeys: (node) => [...textKeys(node.text), ...(node.reask ? [{ path: 'reask', value: node.reask }] : [])],
  targets: (node) => [{ path: 'next', value: node.next }],
  contactIds: () => [],
  enter(node, turn) {
    sayTexts(node.text, turn);
    return { wait: true };
  },
  receive(node, inbound, turn) {
    const text = inbound.text?.trim() ?? '';
    if (inbound.kind !== 'text' || text === '') return { reask: true };
    const value = VALIDATORS[node.validate ?? 'text'](text.slice(0, MAX_INPUT_LENGTH));
    if (value === undefined) return { reask: true };
    turn.session.vars[node.var] = value;
    return { next: node.next };
  },
  reask(node, turn) {
    turn.say({ text: turn.t(node.reask ?? 'common:reask.text') });
  },
};
