// The engine as a pure step function over the real flows: no database, no channel.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../core/engine/engine.ts';
import { loadFlows } from '../../core/flow/loader.ts';
import { createTranslator, loadLocaleResources } from '../../core/i18n.ts';
import type { Inbound } from '../../core/message.ts';
import type { SessionState } from '../../core/session.ts';
import { ROOT } from '../helpers/cli.ts';

const translator = createTranslator(loadLocaleResources(join(ROOT, 'flows', 'locales')));
const flows = loadFlows({ dir: join(ROOT, 'flows'), translator });
const engine = createEngine({ flows, translator, sessionTimeoutMs: 30 * 60_000, defaultLocale: 'ro' });
const now = new Date('2026-11-29T12:00:00Z');

async function run(session: SessionState | null, input: Partial<Inbound>) {
  const inbound: Inbound = { channel: 't', channelUserId: 'u', externalId: 'e', kind: 'text', receivedAt: now, ...input };
  return await engine.step({ session, inbound, now, canDeleteMessages: true });
}

describe('engine step', async () => {
  it('is pure: the input session is not changed', async () => {
    const first = await run(null, { text: '/start', localeHint: 'en' });
    const frozen = structuredClone(first.session);
    await run(first.session, { text: '6' });
    expect(first.session).toEqual(frozen);
  });

  it('a first message of any kind greets the person, in the default language without a hint', async () => {
    const out = await run(null, { text: 'salut' });
    expect(out.session.locale).toBe('ro');
    expect(out.replies[0]?.text).toMatch(/^Bine ați venit/);
    expect(out.session.at).toEqual({ flow: 'main', node: 'menu' });
  });

  it('a button on an older message still works', async () => {
    const start = await run(null, { text: '/start', localeHint: 'en' });
    const menuButtons = start.replies.at(-1)!.choices!;
    const privacy = await run(start.session, { text: '7' });
    const pressedOld = await run(privacy.session, { kind: 'choice', payload: menuButtons[4]!.payload });
    expect(pressedOld.replies[0]?.text).toBe('If you are in danger right now, call 112. It is free from any phone.');
  });

  it('a stale or forged payload gets a re-ask, not a crash', async () => {
    const start = await run(null, { text: '/start', localeHint: 'en' });
    for (const payload of ['main/menu/nope', 'gone/x/y', 'cmd:nope', '///', '']) {
      const out = await run(start.session, { kind: 'choice', payload });
      expect(out.replies[0]?.text).toBe('Sorry, I did not understand. You can choose one of these options, or write "menu".');
      expect(out.replies[0]?.choices).toHaveLength(7);
    }
  });

  it('pictures, stickers and voice get a kind answer and the question again', async () => {
    const start = await run(null, { text: '/start', localeHint: 'en' });
    const out = await run(start.session, { kind: 'media' });
    expect(out.replies.map((r) => r.text)).toEqual([
      'I can only read text here, not pictures, voice messages or stickers.',
      'Sorry, I did not understand. You can choose one of these options, or write "menu".',
    ]);
  });

  it('hotline numbers are filled into every language and offered as numbers to call', async () => {
    for (const locale of ['ro', 'ru', 'uk', 'en'] as const) {
      const start = await run(null, { text: '/start', localeHint: locale });
      const out = await run(start.session, { text: '5' });
      expect(out.replies[0]?.text).toContain('112');
      expect(out.replies.at(-1)?.callables?.map((c) => c.phone)).toEqual(['112', '080077777', '+37322233309', '080088008', '116111', '+37322254998']);
    }
  });

  it('quick exit emits hideHistory and leaves the person home, showing nothing else', async () => {
    const start = await run(null, { text: '/start', localeHint: 'en' });
    const inLang = await run(start.session, { text: '6' });
    const out = await run(inLang.session, { text: '/exit' });
    expect(out.events).toEqual([{ type: 'hideHistory' }]);
    expect(out.replies).toHaveLength(1);
    expect(out.replies[0]?.choices).toBeUndefined();
    expect(out.session.at).toEqual(flows.home);
  });
});
