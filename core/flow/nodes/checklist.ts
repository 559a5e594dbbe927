// A checklist node asks yes / no / not-sure questions one at a time (the job-offer check), explains each answer
// that is a warning sign, and ends with a risk level computed from the weights and thresholds the flow declares.
// Answers live in session variables "<var>.<question id>"; "<var>.at" is the question waiting for an answer, so
// a button from an earlier question (same node, older message) is recognised and the current one asked again.
import { z } from 'zod';
import type { Inbound } from '../../message.ts';
import { foldText } from '../../text.ts';
import { SEVERITIES, type Located, type NodeOutcome, type NodeType, type Turn } from '../types.ts';
import { ANSWERS, checkScoring, scoreChecklist, type Answer } from './checklist-score.ts';
import { attachExtras, extrasContacts, extrasKeys, extrasShape, idSchema, keySchema, sayTexts, targetSchema, textKeys, textSchema } from './common.ts';

export const MAX_QUESTIONS = 40;

const varName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a variable name');
const flagId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case red-flag id');

const questionSchema = z
  .object({
    id: idSchema,
    flag: flagId,
    risky: z.enum(['yes', 'no']),
    weight: z.number().int().min(1).max(20),
    critical: z.boolean().optional(),
    unsureWeight: z.number().int().min(0).max(20).optional(),
    /**
     * The question; the explanation said when the answer is the risky one; the red flag's short name, listed in
     * the result; and what to find out, listed when the answer was "not sure".
     */
    ask: keySchema,
    why: keySchema,
    label: keySchema,
    check: keySchema,
  })
  .strict();

/** A button label and the words people may type for it ("da|sigur"), in the person's language. */
const answerTextSchema = z.object({ label: keySchema, words: keySchema }).strict();
const byLevel = <T extends z.ZodType>(value: T) => z.object({ low: value, medium: value, high: value }).strict();

const schema = z
  .object({
    id: idSchema,
    type: z.literal('checklist'),
    /** Said once before the first question; {{total}} is the number of questions. */
    text: textSchema.optional(),
    questions: z.array(questionSchema).min(1).max(MAX_QUESTIONS, `at most ${MAX_QUESTIONS} questions`),
    answers: z.object({ yes: answerTextSchema, no: answerTextSchema, unsure: answerTextSchema }).strict(),
    /** Each question as said: {{number}}, {{total}} and {{question}}. */
    progress: keySchema,
    /** An answer that did not fit; and a button from an earlier question. The current question follows. */
    reask: keySchema,
    stale: keySchema,
    thresholds: z.object({ medium: z.number().int().min(1), high: z.number().int().min(1) }).strict(),
    result: z
      .object({
        /** What the risk level means, said first. */
        level: byLevel(textSchema),
        /** The red flags found ({{flags}}: labels, one per line) and what to find out ({{items}}: checks). */
        flags: keySchema,
        unsure: keySchema,
        /** What to do now; the node's links and callables go with it. */
        steps: byLevel(textSchema),
      })
      .strict(),
    /** The session variable that gets the risk level (low, medium, high), for a branch after the node. */
    saveAs: varName,
    /** Prefix of the session variables holding the answers. */
    var: varName,
    /** Record the result as a job-offer check (aggregate statistics). */
    recordOfferCheck: z.boolean().optional(),
    /** A flag for staff when the risk is high. */
    onHigh: z
      .object({ severity: z.enum(SEVERITIES), category: z.string().regex(/^[a-z_]+$/), reason: z.string().regex(/^[a-z0-9_:.-]+$/) })
      .strict()
      .optional(),
    next: targetSchema,
    ...extrasShape,
  })
  .strict();

export type ChecklistNode = z.infer<typeof schema>;
type Question = ChecklistNode['questions'][number];

const ANSWER_CODES: Record<Answer, string> = { yes: 'y', no: 'n', unsure: 'u' };
const atVar = (node: ChecklistNode) => `${node.var}.at`;
const answerVar = (node: ChecklistNode, question: Question) => `${node.var}.${question.id}`;

function currentQuestion(node: ChecklistNode, turn: Turn): Question | undefined {
  const at = turn.session.vars[atVar(node)];
  return node.questions.find((question) => question.id === at);
}

function ask(node: ChecklistNode, question: Question, turn: Turn): void {
  const number = node.questions.indexOf(question) + 1;
  turn.say({ text: turn.t(node.progress, { number, total: node.questions.length, question: turn.t(question.ask) }) });
  turn.attach({
    choices: ANSWERS.map((answer) => ({
      label: turn.t(node.answers[answer].label),
      payload: turn.payloadFor(node.id, `${question.id}.${ANSWER_CODES[answer]}`),
    })),
  });
}

function start(node: ChecklistNode, turn: Turn): void {
  const vars = turn.session.vars;
  for (const name of Object.keys(vars)) if (name.startsWith(`${node.var}.`)) delete vars[name];
  const first = node.questions[0]!;
  vars[atVar(node)] = first.id;
  ask(node, first, turn);
}

/** A typed answer: the button's number, its label, or one of the answer's words (case and diacritics ignored). */
function typedAnswer(node: ChecklistNode, text: string, turn: Turn): Answer | undefined {
  const typed = foldText(text);
  if (typed === '') return undefined;
  if (/^\d{1,2}$/.test(typed)) return ANSWERS[Number(typed) - 1];
  return ANSWERS.find((answer) => {
    const { label, words } = node.answers[answer];
    return foldText(turn.t(label)) === typed || turn.t(words).split('|').some((word) => foldText(word) === typed);
  });
}

/** A pressed button: which question it belongs to and which answer it gives. */
function pressedAnswer(node: ChecklistNode, payloadOption: string): { questionId: string; answer: Answer } | undefined {
  const dot = payloadOption.lastIndexOf('.');
  const answer = ANSWERS.find((a) => ANSWER_CODES[a] === payloadOption.slice(dot + 1));
  const questionId = payloadOption.slice(0, dot);
  return dot > 0 && answer && node.questions.some((q) => q.id === questionId) ? { questionId, answer } : undefined;
}

function bullets(lines: readonly string[]): string {
  return lines.map((line) => `• ${line}`).join('\n');
}

function finish(node: ChecklistNode, turn: Turn): NodeOutcome {
  const vars = turn.session.vars;
  delete vars[atVar(node)];
  const answers = Object.fromEntries(
    node.questions.map((question) => [question.id, vars[answerVar(node, question)] as Answer | undefined]),
  );
  const result = scoreChecklist(node.questions, answers, node.thresholds);
  vars[node.saveAs] = result.risk;
  if (node.recordOfferCheck) {
    turn.emit({ type: 'offerCheck', method: 'checklist', risk: result.risk, score: result.score, flagIds: result.flagIds });
  }
  if (result.risk === 'high' && node.onHigh) turn.emit({ type: 'flag', ...node.onHigh, minor: vars.minor === true });

  sayTexts(node.result.level[result.risk], turn);
  const found = node.questions.filter((question) => answers[question.id] === question.risky);
  if (found.length > 0) turn.say({ text: turn.t(node.result.flags, { flags: bullets(found.map((q) => turn.t(q.label))) }) });
  const unsure = node.questions.filter((question) => result.unsureIds.includes(question.id));
  if (unsure.length > 0) turn.say({ text: turn.t(node.result.unsure, { items: bullets(unsure.map((q) => turn.t(q.check))) }) });
  sayTexts(node.result.steps[result.risk], turn);
  attachExtras(node, turn);
  return { next: node.next };
}

function answer(node: ChecklistNode, question: Question, given: Answer, turn: Turn): NodeOutcome {
  turn.session.vars[answerVar(node, question)] = given;
  if (given === question.risky) turn.say({ text: turn.t(question.why) });
  const following = node.questions[node.questions.indexOf(question) + 1];
  if (!following) return finish(node, turn);
  turn.session.vars[atVar(node)] = following.id;
  ask(node, following, turn);
  return { wait: true };
}

function reaskCurrent(node: ChecklistNode, key: string, turn: Turn): void {
  const question = currentQuestion(node, turn);
  turn.say({ text: turn.t(key) });
  if (question) ask(node, question, turn);
  else start(node, turn);
}

const levelKeys = (level: ChecklistNode['result']['level'], path: string): Located<string>[] =>
  (['low', 'medium', 'high'] as const).flatMap((risk) => textKeys(level[risk], `${path} ${risk}`));

export const checklistNode: NodeType<ChecklistNode> = {
  type: 'checklist',
  schema,
  waits: () => true,
  i18nKeys: (node) => [
    ...(node.text ? textKeys(node.text) : []),
    ...node.questions.flatMap((question, i) =>
      (['ask', 'why', 'label', 'check'] as const).map((field) => ({ path: `question ${i + 1}: ${field}`, value: question[field] })),
    ),
    ...ANSWERS.flatMap((a) => [
      { path: `answers: ${a}: label`, value: node.answers[a].label },
      { path: `answers: ${a}: words`, value: node.answers[a].words },
    ]),
    { path: 'progress', value: node.progress },
    { path: 'reask', value: node.reask },
    { path: 'stale', value: node.stale },
    ...levelKeys(node.result.level, 'result: level'),
    { path: 'result: flags', value: node.result.flags },
    { path: 'result: unsure', value: node.result.unsure },
    ...levelKeys(node.result.steps, 'result: steps'),
    ...extrasKeys(node),
  ],
  targets: (node) => [{ path: 'next', value: node.next }],
  contactIds: (node) => extrasContacts(node),
  check(node) {
    const problems: string[] = [];
    const ids = new Set<string>();
    const flags = new Set<string>();
    node.questions.forEach((question, i) => {
      if (ids.has(question.id)) problems.push(`question ${i + 1}: duplicate question id "${question.id}"`);
      if (flags.has(question.flag)) problems.push(`question ${i + 1}: red flag "${question.flag}" is asked twice`);
      ids.add(question.id);
      flags.add(question.flag);
    });
    if (node.var === node.saveAs) problems.push(`var: must differ from saveAs`);
    return [...problems, ...checkScoring(node.questions, node.thresholds)];
  },
  enter(node, turn) {
    const total = node.questions.length;
    for (const { value } of node.text ? textKeys(node.text) : []) turn.say({ text: turn.t(value, { total }) });
    start(node, turn);
    return { wait: true };
  },
  receive(node, inbound: Inbound, turn) {
    const question = currentQuestion(node, turn);
    if (!question) {
      // The answers were lost (e.g. a variable removed): start again rather than guess.
      start(node, turn);
      return { wait: true };
    }
    if (inbound.payload !== undefined) {
      const option = inbound.payload.split('/').at(-1) ?? '';
      const pressed = pressedAnswer(node, option);
      if (!pressed) return { reask: true };
      if (pressed.questionId !== question.id) {
        reaskCurrent(node, node.stale, turn);
        return { wait: true };
      }
      return answer(node, question, pressed.answer, turn);
    }
    const typed = inbound.kind === 'text' ? typedAnswer(node, inbound.text ?? '', turn) : undefined;
    return typed ? answer(node, question, typed, turn) : { reask: true };
  },
  reask(node, turn) {
    reaskCurrent(node, node.reask, turn);
  },
  optionIds: (node) =>
    node.questions.flatMap((question, i) =>
      ANSWERS.map((a) => ({ path: `question ${i + 1}: button ${a}`, value: `${question.id}.${ANSWER_CODES[a]}` })),
    ),
  // A checklist button pressed after the person left the checklist: nothing to follow; the engine re-asks
  // wherever the person is now, so old answers cannot change a finished result.
  optionTarget: () => undefined,
};
