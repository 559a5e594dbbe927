// The flow actions on a turn of their own: the answer with tappable numbers, related questions and the flow's
// buttons; the honest "not found" with a person to call; the question not kept in the session.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchQuestionsAction, showQuestionAction } from '../../core/flow/actions/search-questions.ts';
import { parseOptionPayload, payloadFor } from '../../core/flow/payload.ts';
import type { Turn } from '../../core/flow/types.ts';
import { createTranslator, loadLocaleResources } from '../../core/i18n.ts';
import type { Locale } from '../../core/locales.ts';
import type { Reply } from '../../core/message.ts';
import { newSession } from '../../core/session.ts';
import { ROOT } from '../helpers/cli.ts';

const FLOWS = join(ROOT, 'flows');
const translator = createTranslator(loadLocaleResources(join(FLOWS, 'locales')));
const NUMBERS: Record<string, string> = { childHelpline: '116 111', emergency: '112', trafficHotline: '0 800 77777' };

function turnIn(locale: Locale, vars: Record<string, string>) {
  const replies: Reply[] = [];
  const session = newSession(locale, new Date());
  Object.assign(session.vars, vars);
  const turn: Turn = {
    flowId: 'questions',
    session,
    locale,
    now: new Date(),
    services: { flowsDir: FLOWS },
    t: (key, variables) => translator.t(locale, key, { ...NUMBERS, ...variables }),
    say: (reply) => replies.push(reply),
    attach: () => undefined,
    emit: () => undefined,
    payloadFor: (node, option) => payloadFor('questions', node, option),
    callable: (id) => ({ label: id, phone: NUMBERS[id] ?? '' }),
  };
  return { turn, replies, vars: session.vars };
}

const buttons = [
  { node: 'start', option: 'talk', label: 'questions:start.talk' },
  { node: 'start', option: 'menu', label: 'questions:start.menu' },
];
const searchParams = searchQuestionsAction.params.parse({
  var: 'questionText',
  notFound: 'questions:notFound',
  notFoundCallables: ['childHelpline'],
  topicNode: 'topic-{topic}',
  buttons,
});

describe('searchQuestions', () => {
  it('answers the best match with its numbers, related questions first, then the flow buttons', () => {
    const { turn, replies, vars } = turnIn('en', { questionText: 'photos' });
    searchQuestionsAction.run(searchParams, turn);
    expect(vars.questionText).toBeUndefined();
    expect(vars.questionFound).toBe(true);
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply!.text).toContain('116 111');
    expect(reply!.callables?.map((c) => c.label)).toEqual(['childHelpline', 'emergency']);
    const payloads = reply!.choices!.map((choice) => parseOptionPayload(choice.payload));
    expect(payloads.at(-2)).toEqual({ flow: 'questions', node: 'start', option: 'talk' });
    expect(payloads.at(-1)).toEqual({ flow: 'questions', node: 'start', option: 'menu' });
    const related = payloads.slice(0, -2);
    expect(related.length).toBeGreaterThan(0);
    for (const payload of related) expect(payload!.node).toBe('topic-photos');
  });

  it('says honestly that it has no good answer, offers a person, and lets the flow branch', () => {
    const { turn, replies, vars } = turnIn('ro', { questionText: 'rețetă de plăcinte' });
    searchQuestionsAction.run(searchParams, turn);
    expect(vars.questionFound).toBe(false);
    expect(vars.questionText).toBeUndefined();
    expect(replies[0]!.text).toContain('116 111');
    expect(replies[0]!.callables).toEqual([{ label: 'childHelpline', phone: '116 111' }]);
    expect(replies[0]!.choices!.map((c) => c.label)).toEqual(['Vreau să vorbesc cu cineva', 'Meniul principal']);
  });

  it('treats a missing question as not found', () => {
    const { turn, vars } = turnIn('uk', {});
    searchQuestionsAction.run(searchParams, turn);
    expect(vars.questionFound).toBe(false);
  });
});

describe('showQuestion', () => {
  it('shows the item picked from a topic, in the person\'s language', () => {
    const { turn, replies } = turnIn('ru', { questionId: 'pay-blackmailer' });
    showQuestionAction.run(showQuestionAction.params.parse({ var: 'questionId', topicNode: 'topic-{topic}', buttons }), turn);
    expect(replies[0]!.text).toContain('Лучше не платить');
    expect(replies[0]!.choices).toHaveLength(2);
  });

  it('refuses a variable that holds no item', () => {
    const { turn } = turnIn('en', { questionId: 'back' });
    expect(() => showQuestionAction.run(showQuestionAction.params.parse({ var: 'questionId', topicNode: 'topic-{topic}' }), turn)).toThrow(/no item/);
  });
});
