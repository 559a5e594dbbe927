// Danger triage inside the running bot: an urgent phrase typed anywhere gets the emergency answer first and an
// urgent flag in the database; an ordinary question does not; the silent code word alerts staff and changes
// nothing on the screen; the emergency answer uses the numbers of the person's country.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../bots/terminal/render.ts';
import { createEngine } from '../../core/engine/engine.ts';
import { loadFlows } from '../../core/flow/loader.ts';
import { createTranslator, loadLocaleResources } from '../../core/i18n.ts';
import type { Inbound } from '../../core/message.ts';
import { newSession } from '../../core/session.ts';
import { createTriage } from '../../core/triage/index.ts';
import { ROOT } from '../helpers/cli.ts';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime.ts';

const CODE_WORD = 'lalea galbenă';
let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await createTestRuntime({ env: { TRIAGE_CODE_WORD: CODE_WORD } });
});
afterAll(() => runtime.dispose());

async function flagsOf(contactId: string | null) {
  return runtime.db.flag.findMany({ where: { contactId: contactId ?? '' }, select: { severity: true, category: true, reason: true, status: true } });
}

const texts = (result: { replies: readonly { reply: { text: string } }[] }) => result.replies.map((r) => r.reply.text);

describe('triage in the running bot', () => {
  it('an urgent phrase in the middle of a flow gets the emergency answer first and an open urgent flag', async () => {
    await runtime.send('u1', { kind: 'text', text: '/start', localeHint: 'en' });
    await runtime.send('u1', '/lang');
    const result = await runtime.send('u1', 'mă bate acum, ajutor');
    const first = renderReply(result.replies[0]!.reply);
    expect(first).toMatch(/^Your safety comes first\./);
    expect(first).toContain('call 112');
    expect(first).toContain('☎ Emergency: police, ambulance: 112');
    expect(renderReply(result.replies[1]!.reply)).toContain('0 8008 8008');
    expect(renderReply(result.replies.at(-1)!.reply)).toContain('[1] Talk to someone');
    expect(await flagsOf(result.contactId)).toEqual([{ severity: 'urgent', category: 'urgent_danger', reason: 'triage:violence_now', status: 'open' }]);
  });

  it('an urgent first message gets the emergency answer instead of the welcome', async () => {
    const result = await runtime.send('u2', { kind: 'text', text: 'pasport zabrali ne vypuskayut', localeHint: 'ru' });
    expect(texts(result)[0]).toMatch(/^Ваша безопасность — главное\./);
    expect((await flagsOf(result.contactId)).map((f) => [f.severity, f.status])).toEqual([['urgent', 'open']]);
  });

  it('an ordinary question about passport photos raises no alarm and no flag', async () => {
    await runtime.send('u3', { kind: 'text', text: '/start', localeHint: 'en' });
    await runtime.send('u3', '/lang');
    const result = await runtime.send('u3', 'where do I get photos for a new passport?');
    expect(texts(result).join('\n')).not.toContain('112');
    expect(texts(result)[0]).toContain('did not understand');
    expect(await flagsOf(result.contactId)).toEqual([]);
  });

  it('worrying text the flow did not understand gets a gentle offer of help and a flag of its severity', async () => {
    await runtime.send('u4', { kind: 'text', text: '/start', localeHint: 'ro' });
    await runtime.send('u4', '/lang');
    const result = await runtime.send('u4', 'sotul ma bate des');
    expect(texts(result)[0]).toMatch(/^Se pare că treceți prin ceva greu\./);
    expect(await flagsOf(result.contactId)).toEqual([{ severity: 'high', category: 'domestic_violence', reason: 'triage:beaten', status: 'open' }]);
  });

  it('the silent code word raises an urgent flag while the visible reply stays ordinary', async () => {
    for (const user of ['c1', 'c2']) {
      await runtime.send(user, { kind: 'text', text: '/start', localeHint: 'en' });
      await runtime.send(user, '/lang');
    }
    const coded = await runtime.send('c1', 'Lalea galbena');
    const plain = await runtime.send('c2', 'tulips');
    expect(coded.replies.map((r) => renderReply(r.reply))).toEqual(plain.replies.map((r) => renderReply(r.reply)));
    expect(await flagsOf(coded.contactId)).toEqual([{ severity: 'urgent', category: 'code_word', reason: 'triage:code_word', status: 'open' }]);
    expect(await flagsOf(plain.contactId)).toEqual([]);
  });
});

describe('the emergency answer uses the numbers of the person’s country', () => {
  const flowsDir = join(ROOT, 'flows');
  const translator = createTranslator(loadLocaleResources(join(flowsDir, 'locales')));
  const flows = loadFlows({ dir: flowsDir, translator, relativeTo: ROOT });
  const engine = createEngine({ flows, translator, sessionTimeoutMs: 60_000, defaultLocale: 'ro', triage: createTriage({ flowsDir }) });

  async function urgentAnswer(vars: Record<string, string | boolean>, locale: 'ro' | 'en' = 'en', text = 'they locked me in the room') {
    const now = new Date();
    const session = { ...newSession(locale, now), at: flows.home, vars };
    const inbound: Inbound = { channel: 'test', channelUserId: 'x', externalId: 'x1', kind: 'text', text, receivedAt: now };
    const step = await engine.step({ session, inbound, now, canDeleteMessages: false, services: { flowsDir } });
    return step.replies.map(renderReply);
  }

  it('Israel: police 100 and ambulance 101, and La Strada from abroad', async () => {
    const [first, second] = await urgentAnswer({ country: 'il' });
    expect(first).toContain('call 100.');
    expect(first).toContain('(Israel)');
    expect(first).toContain('☎ Police: 100');
    expect(first).toContain('☎ Ambulance: 101');
    expect(first).not.toContain('112');
    expect(second).toContain('+373 22 23 33 09');
    expect(second).not.toContain('0 800 77777');
  });

  it('United Kingdom: 999, and 112 also works', async () => {
    const [first] = await urgentAnswer({ country: 'gb' });
    expect(first).toContain('call 999.');
    expect(first).toContain('☎ Also works: 112');
  });

  it('Italy: 112 and the number from abroad', async () => {
    const [first, second] = await urgentAnswer({ country: 'it' }, 'ro');
    expect(first).toContain('sunați la 112.');
    expect(second).toContain('+373 22 23 33 09');
  });

  it('Moldova: 112 and the free lines; under 18 also the child helpline', async () => {
    const [first, second] = await urgentAnswer({ country: 'md', minor: true });
    expect(first).toContain('call 112.');
    expect(second).toContain('116 111');
    expect(second).toContain('0 8008 8008');
    expect(second).toContain('0 800 77777');
    expect(second).not.toContain('+373');
  });

  it('unknown country: 112 with a word on other countries, and both the Moldovan and the from-abroad number', async () => {
    const [first, second] = await urgentAnswer({});
    expect(first).toContain('elsewhere, call the local emergency number');
    expect(second).toContain('0 800 77777');
    expect(second).toContain('+373 22 23 33 09');
    expect(second).not.toContain('116 111');
  });

  it('thoughts of suicide: 112 and a person, in words for that, not for danger from someone else', async () => {
    const replies = await urgentAnswer({ country: 'md' }, 'en', 'I want to kill myself');
    expect(replies[0]).toMatch(/^Your life matters/);
    expect(replies).toHaveLength(2);
    expect(replies[1]).toContain('[1] Talk to someone');
  });
});
