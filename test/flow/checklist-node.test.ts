// The checklist node through the real engine and the real job-offer flow: typed and pressed answers, kind
// re-asks, buttons of earlier questions, the result with its events, and the loader's meaning checks.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../core/engine/engine.ts';
import { loadFlows } from '../../core/flow/loader.ts';
import { createTranslator, loadLocaleResources } from '../../core/i18n.ts';
import type { Inbound } from '../../core/message.ts';
import type { SessionState } from '../../core/session.ts';
import { ROOT } from '../helpers/cli.ts';

const translator = createTranslator(loadLocaleResources(join(ROOT, 'flows', 'locales')));
const flows = loadFlows({ dir: join(ROOT, 'flows'), translator });
const engine = createEngine({ flows, translator, sessionTimeoutMs: 30 * 60_000, defaultLocale: 'en' });
const now = new Date('2026-11-29T12:00:00Z');

type FlowJson = { nodes: Record<string, any>[] };
const jobOffer = JSON.parse(readFileSync(join(ROOT, 'flows', 'job-offer', 'flow.json'), 'utf8')) as FlowJson;
const checklist = jobOffer.nodes.find((node) => node.type === 'checklist')!;
const questions = checklist.questions as { id: string; flag: string; risky: 'yes' | 'no' }[];
const SAFE = questions.map((q) => (q.risky === 'yes' ? 'no' : 'yes'));

async function run(session: SessionState | null, input: Partial<Inbound>) {
  const inbound: Inbound = { channel: 't', channelUserId: 'u', externalId: 'e', kind: 'text', receivedAt: now, ...input };
  return await engine.step({ session, inbound, now, canDeleteMessages: true });
}

/** From a first message to question 1 of the checklist, in this language. */
async function atFirstQuestion(locale: 'en' | 'ro' = 'en') {
  const welcome = await run(null, { text: '/start', localeHint: locale });
  const offer = await run(welcome.session, { text: '1' });
  return await run(offer.session, { text: '1' });
}

/** Answers every question by typing (1 yes, 2 no, 3 not sure); returns the last step. */
async function answerAll(answers: readonly string[]) {
  let out = await atFirstQuestion();
  for (const answer of answers) out = await run(out.session, { text: { yes: '1', no: '2', unsure: '3' }[answer]! });
  return out;
}

describe('checklist node', () => {
  it('asks one question at a time with Yes / No / Not sure buttons', async () => {
    const out = await atFirstQuestion();
    expect(out.session.at).toEqual({ flow: 'job-offer', node: 'checklist' });
    expect(out.session.vars['offerChecklist.at']).toBe(questions[0]!.id);
    const question = out.replies.at(-1)!;
    expect(question.text).toMatch(new RegExp(`^\\(1/${questions.length}\\) `));
    expect(question.choices?.map((c) => c.label)).toEqual(['Yes', 'No', 'Not sure']);
    expect(question.choices?.map((c) => c.payload)).toEqual(['y', 'n', 'u'].map((code) => `job-offer/checklist/${questions[0]!.id}.${code}`));
  });

  it('understands the number, the label and the words of the language, whatever the case and diacritics', async () => {
    const en = await atFirstQuestion('en');
    for (const [typed, answer] of [['1', 'yes'], ['YES', 'yes'], ['nope', 'no'], ['No!', 'no'], ["I don't know", 'unsure'], ['3', 'unsure']]) {
      const out = await run(en.session, { text: typed });
      expect(out.session.vars[`offerChecklist.${questions[0]!.id}`], typed).toBe(answer);
    }
    const ro = await atFirstQuestion('ro');
    for (const [typed, answer] of [['Da', 'yes'], ['NU', 'no'], ['nu stiu', 'unsure'], ['Nu știu', 'unsure']]) {
      const out = await run(ro.session, { text: typed });
      expect(out.session.vars[`offerChecklist.${questions[0]!.id}`], typed).toBe(answer);
    }
  });

  it('a risky answer is explained before the next question; a safe one is not', async () => {
    const first = await atFirstQuestion();
    const risky = await run(first.session, { text: '1' }); // question 1: an offer from a stranger who wrote first
    expect(risky.replies.map((r) => r.text)).toEqual([
      translator.t('en', 'job-offer:checklist.q.unsolicited.why'),
      expect.stringMatching(/^\(2\/18\) /),
    ]);
    const safe = await run(first.session, { text: '2' });
    expect(safe.replies).toHaveLength(1);
  });

  it('an answer that does not fit gets a kind re-ask of the same question, and changes nothing', async () => {
    const first = await atFirstQuestion();
    for (const text of ['hmm', '4', '0', 'maybe yes maybe no']) {
      const out = await run(first.session, { text });
      expect(out.replies.map((r) => r.text)).toEqual([translator.t('en', 'job-offer:checklist.reask'), first.replies.at(-1)!.text]);
      expect(out.replies.at(-1)!.choices).toHaveLength(3);
      expect(out.session.vars).toEqual(first.session.vars);
    }
  });

  it('a button of an earlier question re-asks the current one and leaves the answers alone', async () => {
    const first = await atFirstQuestion();
    const oldButtons = first.replies.at(-1)!.choices!;
    const second = await run(first.session, { kind: 'choice', payload: oldButtons[1]!.payload });
    expect(second.session.vars['offerChecklist.at']).toBe(questions[1]!.id);
    const stale = await run(second.session, { kind: 'choice', payload: oldButtons[0]!.payload });
    expect(stale.replies.map((r) => r.text)).toEqual([translator.t('en', 'job-offer:checklist.stale'), second.replies.at(-1)!.text]);
    expect(stale.session.vars).toEqual(second.session.vars);
    expect(stale.events).toEqual([]);
  });

  it('a forged payload for the checklist gets a re-ask, not a crash', async () => {
    const first = await atFirstQuestion();
    for (const payload of ['job-offer/checklist/nope.y', 'job-offer/checklist/fee.x', 'job-offer/checklist/.y', 'job-offer/checklist/fee']) {
      const out = await run(first.session, { kind: 'choice', payload });
      expect(out.replies[0]!.text).toBe(translator.t('en', 'job-offer:checklist.reask'));
      expect(out.session.vars).toEqual(first.session.vars);
    }
  });

  it('all safe answers: low risk, recorded, no flag, then the options to go on', async () => {
    const out = await answerAll(SAFE);
    expect(out.events).toEqual([{ type: 'offerCheck', method: 'checklist', risk: 'low', score: 0, flagIds: [] }]);
    expect(out.session.vars.offerRisk).toBe('low');
    expect(out.session.vars['offerChecklist.at']).toBeUndefined();
    expect(out.session.at).toEqual({ flow: 'job-offer', node: 'after' });
    expect(out.replies[0]!.text).toBe(translator.t('en', 'job-offer:checklist.result.level.low'));
    expect(out.replies.some((r) => r.callables?.some((c) => c.phone === '080077777'))).toBe(true);
  });

  it('a passport asked for: high risk on its own, a flag for staff, and a discreet connection offered', async () => {
    const answers = SAFE.map((answer, i) => (questions[i]!.id === 'passport' ? 'yes' : answer));
    const out = await answerAll(answers);
    expect(out.events).toEqual([
      { type: 'offerCheck', method: 'checklist', risk: 'high', score: 5, flagIds: ['passport-retention'] },
      { type: 'flag', severity: 'high', category: 'job_offer', reason: 'checklist:high', minor: false },
    ]);
    expect(out.session.vars.offerRisk).toBe('high');
    expect(out.session.at).toEqual({ flow: 'job-offer', node: 'high-help' });
    const texts = out.replies.map((r) => r.text);
    expect(texts).toContain(translator.t('en', 'job-offer:checklist.result.flags', { flags: '• Asked to hand over your passport or documents' }));
    expect(out.replies.at(-1)!.choices!.map((c) => c.label)[0]).toBe('Talk to someone discreetly');
    const talk = await run(out.session, { text: '1' });
    expect(talk.session.at?.flow).toBe('talk');
  });

  it('"not sure" answers are listed as things to find out, without a red flag', async () => {
    const answers = SAFE.map((answer, i) => (questions[i]!.id === 'contract' ? 'unsure' : answer));
    const out = await answerAll(answers);
    expect(out.events[0]).toMatchObject({ type: 'offerCheck', risk: 'medium', score: 3, flagIds: [] });
    expect(out.replies.map((r) => r.text)).toContain(
      translator.t('en', 'job-offer:checklist.result.unsure', { items: `• ${translator.t('en', 'job-offer:checklist.q.contract.check')}` }),
    );
  });

  it('an old checklist button pressed after the result changes nothing', async () => {
    const first = await atFirstQuestion();
    const oldButton = first.replies.at(-1)!.choices![0]!.payload;
    const done = await answerAll(SAFE);
    const out = await run(done.session, { kind: 'choice', payload: oldButton });
    expect(out.events).toEqual([]);
    expect(out.session.vars.offerRisk).toBe('low');
    expect(out.session.at).toEqual({ flow: 'job-offer', node: 'after' });
    expect(out.replies[0]!.text).toBe(translator.t('en', 'common:reask.choice'));
  });

  it('starting again forgets the previous answers', async () => {
    const done = await answerAll(SAFE.map(() => 'unsure'));
    const again = await run(done.session, { text: '1' }); // check something else
    const restarted = await run(again.session, { text: '1' }); // the checklist
    expect(Object.keys(restarted.session.vars).filter((name) => name.startsWith('offerChecklist.'))).toEqual(['offerChecklist.at']);
  });
});

describe('checklist meaning checks at load', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function loadWith(change: (node: Record<string, any>) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'punte-checklist-'));
    dirs.push(dir);
    cpSync(join(ROOT, 'flows'), dir, { recursive: true });
    const copy = structuredClone(jobOffer);
    change(copy.nodes.find((node) => node.type === 'checklist')!);
    writeFileSync(join(dir, 'job-offer', 'flow.json'), JSON.stringify(copy));
    try {
      loadFlows({ dir, translator: createTranslator(loadLocaleResources(join(dir, 'locales'))), relativeTo: dir });
      return 'loaded';
    } catch (error) {
      return (error as Error).message;
    }
  }

  const at = 'job-offer/flow.json: flow job-offer: node checklist';
  it.each([
    ['a duplicate question id', (n: any) => void (n.questions[1].id = n.questions[0].id), `${at}: question 2: duplicate question id "unsolicited"`],
    ['a red flag asked twice', (n: any) => void (n.questions[1].flag = n.questions[0].flag), `${at}: question 2: red flag "unsolicited-contact" is asked twice`],
    ['medium not below high', (n: any) => void (n.thresholds = { medium: 9, high: 8 }), `${at}: thresholds: medium (9) must be lower than high (8)`],
    ['a high threshold out of reach', (n: any) => void (n.thresholds = { medium: 3, high: 999 }), `${at}: thresholds: high (999) can never be reached: all weights add up to 55`],
    ['a missing explanation key', (n: any) => void (n.questions[2].why = 'job-offer:checklist.q.licence.nope'),
      `${at}: question 3: why: key "job-offer:checklist.q.licence.nope" is missing in ro, ru, uk, en`],
    ['a risky answer that is not yes or no', (n: any) => void (n.questions[0].risky = 'unsure'), `${at}: question 1: risky: Invalid option: expected one of "yes"|"no"`],
  ])('%s', (_name, change, message) => {
    expect(loadWith(change)).toBe(message);
  });

  it('the real flow loads', () => {
    expect(loadWith(() => undefined)).toBe('loaded');
  });
});
