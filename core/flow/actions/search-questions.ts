// Answers a young person's question from the knowledge base (core/knowledge): `searchQuestions` looks up what
// they wrote, `showQuestion` shows an item they picked. An answer comes with up to two close questions and
// the flow's own buttons; when nothing fits well, the flow's honest "I don't know" comes with a person to call.
// Buttons point at real choice-node options (a topic's question list, the flow's menu), so pressing one later
// works like pressing that option.
import { z } from 'zod';
import { knowledgeBaseFor, type KnowledgeBase } from '../../knowledge/index.ts';
import type { Choice } from '../../message.ts';
import type { Turn } from '../types.ts';
import { contactIdSchema, idSchema, keySchema } from '../nodes/common.ts';
import type { ActionType } from './index.ts';

const varName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a variable name');

const buttonSchema = z.object({ node: idSchema, option: idSchema, label: keySchema }).strict();

const shared = {
  /** The knowledge base: flows/<name>/sources.json and the locale namespace <name>. */
  knowledge: z.string().regex(/^[a-z0-9-]+$/).default('questions'),
  /** The choice node listing a topic's questions as options, e.g. "topic-{topic}". */
  topicNode: z.string().regex(/^[a-z0-9-]*\{topic\}[a-z0-9-]*$/, 'must name a node with {topic} in it'),
  /** Options of this flow's choice nodes, offered after every answer. */
  buttons: z.array(buttonSchema).max(6).default([]),
};

const searchParams = z
  .object({
    /** The session variable holding the person's question; it is removed once searched. */
    var: varName,
    /** Set to true when an answer was given, false otherwise, for the flow to branch on. */
    foundVar: varName.default('questionFound'),
    /** Said when no answer fits well: honest, with a person to talk to. */
    notFound: keySchema,
    notFoundCallables: z.array(contactIdSchema).default([]),
    ...shared,
  })
  .strict();

const showParams = z.object({ var: varName, ...shared }).strict();

type Shared = { knowledge: string; topicNode: string; buttons: z.infer<typeof buttonSchema>[] };

function knowledgeOf(turn: Turn, name: string): KnowledgeBase {
  const dir = turn.services.flowsDir;
  if (!dir) throw new Error('the knowledge base needs services.flowsDir');
  return knowledgeBaseFor(dir, name);
}

function flowButtons(params: Shared, turn: Turn): Choice[] {
  return params.buttons.map((button) => ({ label: turn.t(button.label), payload: turn.payloadFor(button.node, button.option) }));
}

/** Says one item's answer, with its numbers as tappable contacts, then the related questions and the flow's buttons. */
function sayAnswer(base: KnowledgeBase, id: string, related: readonly string[], params: Shared, turn: Turn): void {
  const raw = base.item(turn.locale, id)?.answer ?? '';
  const contacts = [...new Set([...raw.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!))];
  const relatedChoices = related.map((other) => ({
    label: turn.t(`${params.knowledge}:items.${other}.q`),
    payload: turn.payloadFor(params.topicNode.replace('{topic}', base.topics.get(other)!), other),
  }));
  turn.say({
    text: turn.t(`${params.knowledge}:items.${id}.a`),
    ...(contacts.length > 0 ? { callables: contacts.map((contact) => turn.callable(contact)) } : {}),
    choices: [...relatedChoices, ...flowButtons(params, turn)],
  });
}

export const searchQuestionsAction: ActionType<z.infer<typeof searchParams>> = {
  name: 'searchQuestions',
  params: searchParams,
  run(params, turn) {
    const vars = turn.session.vars;
    const question = typeof vars[params.var] === 'string' ? (vars[params.var] as string) : '';
    // The question has been read; the session keeps no more of the person's words than it needs.
    delete vars[params.var];
    const base = knowledgeOf(turn, params.knowledge);
    const { best, related } = base.search(turn.locale, question);
    vars[params.foundVar] = best !== undefined;
    if (best) {
      sayAnswer(base, best.id, related.map((match) => match.id), params, turn);
      return;
    }
    turn.say({
      text: turn.t(params.notFound),
      ...(params.notFoundCallables.length > 0 ? { callables: params.notFoundCallables.map((id) => turn.callable(id)) } : {}),
      choices: flowButtons(params, turn),
    });
  },
};

export const showQuestionAction: ActionType<z.infer<typeof showParams>> = {
  name: 'showQuestion',
  params: showParams,
  run(params, turn) {
    const id = turn.session.vars[params.var];
    const base = knowledgeOf(turn, params.knowledge);
    if (typeof id !== 'string' || !base.topics.has(id)) throw new Error(`showQuestion: no item in variable "${params.var}"`);
    sayAnswer(base, id, [], params, turn);
  },
};
