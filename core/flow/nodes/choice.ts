// A choice node asks one question with options. People press a button, type its number or type its label
// (case and diacritics do not matter); anything else gets a kind re-ask with the same options.
import { z } from 'zod';
import { foldText } from '../../text.ts';
import type { NodeType, Turn } from '../types.ts';
import { attachExtras, extrasContacts, extrasKeys, extrasShape, idSchema, keySchema, sayTexts, targetSchema, textKeys, textSchema } from './common.ts';

export const MAX_OPTIONS = 12;

const optionSchema = z.object({ id: idSchema, label: keySchema, target: targetSchema }).strict();

const schema = z
  .object({
    id: idSchema,
    type: z.literal('choice'),
    text: textSchema,
    options: z.array(optionSchema).min(1).max(MAX_OPTIONS, `at most ${MAX_OPTIONS} options`),
    /** Keeps the chosen option's id in this session variable (e.g. a destination or a time window). */
    saveAs: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a variable name').optional(),
    ...extrasShape,
  })
  .strict();

export type ChoiceNode = z.infer<typeof schema>;

function offerOptions(node: ChoiceNode, turn: Turn): void {
  turn.attach({
    choices: node.options.map((option) => ({ label: turn.t(option.label), payload: turn.payloadFor(node.id, option.id) })),
  });
}

/** A pressed button (payload), a typed number, or a typed label (case and diacritics ignored). */
function pickOption(node: ChoiceNode, payload: string | undefined, text: string | undefined, turn: Turn) {
  if (payload !== undefined) return node.options.find((o) => turn.payloadFor(node.id, o.id) === payload);
  const typed = foldText(text ?? '');
  if (typed === '') return undefined;
  const number = /^\d{1,2}$/.test(typed) ? Number(typed) : NaN;
  return node.options[number - 1] ?? node.options.find((o) => foldText(turn.t(o.label)) === typed);
}

export const choiceNode: NodeType<ChoiceNode> = {
  type: 'choice',
  schema,
  waits: () => true,
  i18nKeys: (node) => [
    ...textKeys(node.text),
    ...node.options.map((option, i) => ({ path: `choice ${i + 1}: label`, value: option.label })),
    ...extrasKeys(node),
  ],
  targets: (node) => node.options.map((option, i) => ({ path: `choice ${i + 1}`, value: option.target })),
  contactIds: (node) => extrasContacts(node),
  check(node) {
    const seen = new Set<string>();
    return node.options.flatMap((option, i) => {
      if (seen.has(option.id)) return [`choice ${i + 1}: duplicate option id "${option.id}"`];
      seen.add(option.id);
      return [];
    });
  },
  enter(node, turn) {
    sayTexts(node.text, turn);
    attachExtras(node, turn);
    offerOptions(node, turn);
    return { wait: true };
  },
  receive(node, inbound, turn) {
    const option = pickOption(node, inbound.payload, inbound.text, turn);
    if (!option) return { reask: true };
    if (node.saveAs) turn.session.vars[node.saveAs] = option.id;
    return { next: option.target };
  },
  reask(node, turn) {
    turn.say({ text: turn.t('common:reask.choice') });
    offerOptions(node, turn);
  },
  optionIds: (node) => node.options.map((option, i) => ({ path: `choice ${i + 1}: id`, value: option.id })),
  optionTarget(node, optionId, turn) {
    const option = node.options.find((o) => o.id === optionId);
    if (option && node.saveAs) turn.session.vars[node.saveAs] = option.id;
    return option?.target;
  },
};
