// Going abroad safely: the destination is remembered in the session (danger triage uses it), the safety plan
// lives in the encrypted session across turns, shows skipped answers without empty placeholders, and is gone
// after "forget". Every destination in every language reaches its advice and its emergency numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCountries } from '../../core/flow/actions/countries.ts';
import { createTranslator, loadLocaleResources } from '../../core/i18n.ts';
import { LOCALES, type Locale } from '../../core/locales.ts';
import type { Reply, TurnResult } from '../../core/message.ts';
import { ROOT } from '../helpers/cli.ts';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime.ts';

const FLOWS = join(ROOT, 'flows');
const translator = createTranslator(loadLocaleResources(join(FLOWS, 'locales')));
const t = (locale: Locale, key: string) => translator.t(locale, key);

let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await createTestRuntime();
});
afterAll(() => runtime.dispose());

const replies = (result: TurnResult): Reply[] => result.replies.map((m) => m.reply);
const texts = (result: TurnResult) => replies(result).map((r) => r.text);
const lastChoices = (result: TurnResult) => replies(result).filter((r) => r.choices?.length).at(-1)?.choices ?? [];

/** Presses the button with this label on the last message that had buttons. */
async function press(user: string, result: TurnResult, label: string): Promise<TurnResult> {
  const choice = lastChoices(result).find((c) => c.label === label);
  if (!choice) throw new Error(`no button "${label}" in: ${lastChoices(result).map((c) => c.label).join(' | ')}`);
  return runtime.send(user, { kind: 'choice', payload: choice.payload });
}

async function sessionVars(contactId: string | null): Promise<Record<string, unknown> | undefined> {
  const row = await runtime.db.session.findUnique({ where: { contactId: contactId ?? '' } });
  return row ? (JSON.parse(runtime.cipher.decrypt(row.state)) as { vars: Record<string, unknown> }).vars : undefined;
}

async function openAbroad(user: string, locale: Locale): Promise<TurnResult> {
  await runtime.send(user, { text: '/start', localeHint: locale });
  return runtime.send(user, t(locale, 'main:menu.abroad'));
}

describe('destination', () => {
  it('remembers the chosen country in the session: Israel is "il", with 100 and 101', async () => {
    const home = await openAbroad('il', 'en');
    const countries = await press('il', home, 'Advice for my destination');
    const israel = await press('il', countries, 'Israel');
    expect(texts(israel).join('\n')).toContain('government-to-government agreement with Israel');
    expect(await sessionVars(israel.contactId)).toMatchObject({ country: 'il' });
    const numbers = await press('il', israel, 'Emergency numbers there');
    expect(replies(numbers)[0]?.callables?.map((c) => c.phone)).toEqual(['100', '101', '102']);
  });

  it('"other" then the United States is "us", with 911', async () => {
    const home = await openAbroad('us', 'en');
    const countries = await press('us', home, 'Advice for my destination');
    const which = await press('us', countries, 'Another country');
    const us = await press('us', which, 'United States or Canada');
    expect(await sessionVars(us.contactId)).toMatchObject({ country: 'us' });
    const numbers = await press('us', us, 'Emergency numbers there');
    expect(replies(numbers)[0]?.callables?.map((c) => c.phone)).toEqual(['911']);
  });

  it('anywhere else gets no number it cannot vouch for, only how to find the local one', async () => {
    const home = await openAbroad('else', 'en');
    const which = await press('else', await press('else', home, 'Advice for my destination'), 'Another country');
    const other = await press('else', which, 'Another country');
    const numbers = await press('else', other, 'Emergency numbers there');
    expect(texts(numbers)[0]).toMatch(/^The emergency number 112 works across the European Union/);
    expect(replies(numbers)[0]?.callables).toBeUndefined();
  });

  const countryIds = ['de', 'it', 'gb', 'il', 'pl', 'cz', 'ro', 'eu', 'ru', 'tr', 'ae'];
  it.each(LOCALES)('every destination in %s has advice, next steps and its own emergency numbers', async (locale) => {
    const countries = readCountries(FLOWS);
    for (const id of countryIds) {
      const user = `all-${locale}-${id}`;
      const home = await openAbroad(user, locale);
      const list = await press(user, home, t(locale, 'abroad:home.destination'));
      const advice = await press(user, list, t(locale, `countries:${id}`));
      const numbers = await press(user, advice, t(locale, 'abroad:nav.numbers'));
      const country = countries.get(id)!;
      const shown = replies(numbers)[0]?.callables?.map((c) => c.phone) ?? [];
      expect(shown, `${locale} ${id}`).toContain(country.emergency);
      for (const extra of [country.ambulance, country.fire, country.also]) if (extra) expect(shown).toContain(extra);
      for (const text of [...texts(advice), ...texts(numbers)]) expect(text, `${locale} ${id}`).not.toMatch(/\{\{|\}\}|abroad:/);
    }
  });
});

describe('safety plan', () => {
  async function startPlan(user: string): Promise<TurnResult> {
    const home = await openAbroad(user, 'en');
    const intro = await press(user, home, 'Make my safety plan');
    expect(texts(intro).join('\n')).toContain('stored encrypted');
    const country = await press(user, intro, "Let's begin");
    return press(user, country, 'Poland');
  }

  it('keeps the answers across turns, shows them again, and deletes the plan on request', async () => {
    const user = 'plan';
    let step = await startPlan(user);
    step = await press(user, step, 'Yes, done');
    step = await press(user, step, 'I will write who');
    step = await runtime.send(user, 'my brother Ion');
    step = await press(user, step, 'Yes, I will write it');
    step = await runtime.send(user, 'ul. Kwiatowa 3, Wrocław');
    step = await press(user, step, 'Not yet / skip');
    step = await press(user, step, 'Yes, we agreed one');
    const done = await press(user, step, 'Once a week');
    expect(texts(done)[0]).toBe('Thank you. Your safety plan is ready.');
    expect(texts(done)[1]).toContain('• Address abroad: ul. Kwiatowa 3, Wrocław');
    expect(await sessionVars(done.contactId)).toMatchObject({
      country: 'pl', planReady: true, planCopies: 'done', planTrusted: 'my brother Ion', planAddress: 'ul. Kwiatowa 3, Wrocław', planCodeWord: 'agreed', planCheckIn: 'weekly',
    });

    // Later turns: the plan is still there, from the going-abroad entry.
    await runtime.send(user, '/menu');
    const home = await runtime.send(user, 'Going abroad safely');
    const shown = await press(user, home, 'Show my safety plan');
    expect(texts(shown)[0]).toBe(
      [
        'Your safety plan:',
        '• Copies of documents: made ✓',
        '• Keeps a copy of the plan: my brother Ion',
        '• Address abroad: ul. Kwiatowa 3, Wrocław',
        '• Employer or agency: not noted yet',
        '• Code word with your family: agreed ✓',
        '• Calling home: once a week',
      ].join('\n'),
    );
    expect(texts(shown)[1]).toBe('Emergency numbers (Poland):');

    const ask = await press(user, shown, 'Delete my plan');
    const deleted = await press(user, ask, 'Yes, delete the plan');
    expect(texts(deleted)[0]).toMatch(/^Your safety plan has been deleted/);
    const vars = await sessionVars(deleted.contactId);
    expect(Object.keys(vars ?? {}).filter((name) => name.startsWith('plan'))).toEqual([]);
    expect(vars?.country).toBe('pl');
  });

  it('a plan with every question skipped shows "not noted" lines and no empty placeholder', async () => {
    const user = 'skipper';
    let step = await startPlan(user);
    step = await press(user, step, 'Skip');
    step = await press(user, step, 'Skip');
    step = await press(user, step, 'Not yet / skip');
    step = await press(user, step, 'Not yet / skip');
    step = await press(user, step, 'Skip');
    const done = await press(user, step, 'Skip');
    const plan = texts(done)[1]!;
    expect(plan).toContain('• Address abroad: not noted yet');
    expect(plan).toContain('• Code word with your family: not noted');
    for (const text of texts(done)) expect(text).not.toMatch(/\{\{|\}\}/);
  });

  it('shows the person\'s words as they wrote them, even when they look like placeholders', async () => {
    const user = 'braces';
    let step = await startPlan(user);
    step = await press(user, step, 'Not yet');
    step = await press(user, step, 'I will write who');
    const done = await runtime.send(user, '{{planAddress}} $t(abroad:plan.saved) <b>Ana</b>');
    expect(texts(done)[0]).toBe('Do you know the address where you will live and work?');
    let rest = await press(user, done, 'Not yet / skip');
    rest = await press(user, rest, 'Not yet / skip');
    rest = await press(user, rest, 'Skip');
    const plan = await press(user, rest, 'Skip');
    expect(texts(plan)[1]).toContain('• Keeps a copy of the plan: {{planAddress}} $t(abroad:plan.saved) <b>Ana</b>');
  });

  it('changing the plan asks again, and an answer now skipped is no longer shown', async () => {
    const user = 'change';
    let step = await startPlan(user);
    step = await press(user, step, 'Yes, done');
    step = await press(user, step, 'Skip');
    step = await press(user, step, 'Yes, I will write it');
    step = await runtime.send(user, 'Via Roma 1, Milano');
    step = await press(user, step, 'Not yet / skip');
    step = await press(user, step, 'Skip');
    const first = await press(user, step, 'Every day');
    step = await press(user, first, 'Change my plan');
    step = await press(user, step, 'Italy');
    step = await press(user, step, 'Yes, done');
    step = await press(user, step, 'Skip');
    step = await press(user, step, 'Not yet / skip');
    step = await press(user, step, 'Not yet / skip');
    step = await press(user, step, 'Skip');
    const second = await press(user, step, 'Every day');
    expect(texts(second)[1]).toContain('• Address abroad: not noted yet');
    expect(texts(second)[2]).toBe('Emergency numbers (Italy):');
  });

  it('is gone after "forget"', async () => {
    const user = 'forget';
    let step = await startPlan(user);
    step = await press(user, step, 'Yes, done');
    step = await press(user, step, 'I will write who');
    step = await runtime.send(user, 'Maria');
    step = await press(user, step, 'Not yet / skip');
    step = await press(user, step, 'Not yet / skip');
    step = await press(user, step, 'Skip');
    const done = await press(user, step, 'Skip');
    expect(await sessionVars(done.contactId)).toMatchObject({ planReady: true, planTrusted: 'Maria' });

    await runtime.send(user, 'forget');
    const forgotten = await runtime.send(user, 'Yes, delete everything');
    expect(texts(forgotten)[0]).toMatch(/^Done\. Everything you wrote here has been deleted/);
    expect(await sessionVars(done.contactId)).toBeUndefined();

    const home = await openAbroad(user, 'en');
    expect(lastChoices(home).map((c) => c.label)).toContain('Make my safety plan');
    expect(JSON.stringify(await sessionVars(home.contactId))).not.toContain('Maria');
  });
});

describe('content', () => {
  it('every text key the abroad actions use exists in every language', () => {
    const flow = JSON.parse(readFileSync(join(FLOWS, 'abroad', 'flow.json'), 'utf8')) as { nodes: { type: string; params?: unknown }[] };
    const keys = flow.nodes
      .filter((node) => node.type === 'action')
      .flatMap((node) => JSON.stringify(node.params ?? {}).match(/"[a-z0-9-]+:[A-Za-z0-9_.-]+"/g) ?? [])
      .map((quoted) => JSON.parse(quoted) as string);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) for (const locale of LOCALES) expect(translator.has(locale, key), `${locale} ${key}`).toBe(true);
  });

  it('Romanian uses comma-below ș and ț', () => {
    expect(readFileSync(join(FLOWS, 'locales', 'ro', 'abroad.json'), 'utf8')).not.toMatch(/[şţŞŢ]/);
  });
});
