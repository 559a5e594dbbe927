// The agency look-up as a person meets it, with the sample list imported first (the transcript runtime starts
// with an empty registry): found, expired, partial and not found, always with the list's limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../bots/terminal/render.ts';
import { parseAgenciesCsv, replaceAgencies } from '../../core/agencies/import.ts';
import { createEngine } from '../../core/engine/engine.ts';
import { AGENCY_TEXT_KEYS } from '../../core/flow/actions/lookup-agency.ts';
import { LOCALES } from '../../core/locales.ts';
import { ROOT } from '../helpers/cli.ts';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime.ts';

let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await createTestRuntime();
  const { rows } = parseAgenciesCsv(readFileSync(join(ROOT, 'test', 'fixtures', 'agencies-sample.csv'), 'utf8'));
  await replaceAgencies(runtime.db, rows, new Date('2026-11-01T10:00:00Z'));
});
afterAll(() => runtime.dispose());

let users = 0;
/** Opens the agency check in this language and looks up `query`; returns the rendered replies. */
async function lookUp(locale: 'ro' | 'ru' | 'uk' | 'en', query: string): Promise<string[]> {
  users += 1;
  const user = `agency-${users}`;
  await runtime.send(user, { text: '/start', localeHint: locale });
  await runtime.send(user, '1');
  const ask = await runtime.send(user, '3');
  expect(ask.replies).toHaveLength(1);
  const result = await runtime.send(user, query);
  return result.replies.map((message) => renderReply(message.reply));
}

describe('agency look-up in the conversation', () => {
  it('every text it uses exists in every language', () => {
    for (const locale of LOCALES) for (const key of AGENCY_TEXT_KEYS) expect(runtime.translator.has(locale, key), `${locale} ${key}`).toBe(true);
  });

  it('found by name: licence, validity, countries, then when the list was loaded and the destination caveat', async () => {
    const replies = await lookUp('en', 'Exemplu Recrutare SRL (fictional)');
    expect(replies).toHaveLength(3);
    expect(replies[0]).toBe(
      '"Exemplu Recrutare SRL (fictional)" (IDNO 1000000000011) is on the list of licensed agencies.\n' +
        'Licence EX-0001, valid until 31 December 2099.\n' +
        'Countries on the licence: Germany, Italy, Israel.',
    );
    expect(replies[1]).toContain('this list was loaded on 1 November 2026');
    expect(replies[1]).toContain('The country you are going to must be on the licence.');
    expect(replies[1]).toContain('☎ Safe migration hotline, free and anonymous: 0 800 77777');
    expect(replies[2]).toContain('[1] Check another agency');
  });

  it('found by IDNO in Romanian, without diacritics typed; an expired licence is said plainly', async () => {
    const replies = await lookUp('ro', '1000000000044');
    expect(replies[0]).toContain('„Agenția Expirată Exemplu SRL (fictional)” (IDNO 1000000000044) este în lista agențiilor licențiate.');
    expect(replies[0]).toContain('Dar licența ei a expirat pe 31 ianuarie 2020');
    expect(replies[0]).toContain('Țările din licență: Germania, Regatul Unit.');
    expect(replies[1]).toContain('lista a fost încărcată pe 1 noiembrie 2026');
    const plain = await lookUp('ro', 'munca sigura exemplu (fictional)');
    expect(plain[0]).toContain('„Muncă Sigură Exemplu” S.R.L. (fictional)');
  });

  it('similar names are listed, with their licences, in Russian', async () => {
    const replies = await lookUp('ru', 'Exemplu');
    expect(replies).toHaveLength(4);
    expect(replies[0]).toContain('Точно такого названия в списке нет.');
    expect(replies[0]).toContain('• Exemplu Recrutare SRL (fictional) (IDNO 1000000000011)');
    expect(replies[0]).toContain('Страны в лицензии: Германия, Италия, Израиль.');
    expect(replies[1]).toContain('IDNO');
    expect(replies[2]).toContain('этот список загружен 1 ноября 2026');
  });

  it('not found, in Ukrainian: what it may mean, what to ask, and the caveat', async () => {
    const replies = await lookUp('uk', 'Зовсім Інша Фірма ТОВ');
    expect(replies).toHaveLength(4);
    expect(replies[0]).toBe('Цього агентства немає у списку ліцензованих агентств.');
    expect(replies[1]).toContain('номер ліцензії');
    expect(replies[2]).toContain('цей список завантажено 1 листопада 2026');
    expect(replies[2]).toContain('0 800 77777');
  });

  it('a destination the person named is checked against the licence', async () => {
    const engine = createEngine({ flows: runtime.flows, translator: runtime.translator, sessionTimeoutMs: 60_000, defaultLocale: 'en' });
    const now = new Date('2026-11-29T12:00:00Z');
    const step = (session: Parameters<typeof engine.step>[0]['session'], text: string) =>
      engine.step({
        session,
        inbound: { channel: 't', channelUserId: 'u', externalId: text, kind: 'text', text, localeHint: 'en', receivedAt: now },
        now,
        canDeleteMessages: false,
        services: { db: runtime.db },
      });
    let out = await step(null, '/start');
    out = await step(out.session, '1');
    out = await step(out.session, '3');
    const asked = out.session;
    out = await step({ ...asked, vars: { ...asked.vars, country: 'it' } }, '1000000000011');
    expect(out.replies[0]!.text).toContain('Italy, where you plan to go, is on the licence.');
    out = await step({ ...asked, vars: { ...asked.vars, country: 'gb' } }, '1000000000011');
    expect(out.replies[0]!.text).toContain('United Kingdom, where you plan to go, is not on the licence');
    expect(out.session.vars.agencyQuery).toBeUndefined();
  });
});
