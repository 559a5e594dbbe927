// The console's words come from flows/locales/<lng>/staff-ui.json: every key the pages and the server use exists
// (and every key there is used), and a page follows the chosen language (cookie, then Accept-Language, then
// Romanian).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/locales.ts';
import { ROLES } from '../../staff/auth/roles.ts';
import { CANNED_REPLIES } from '../../staff/canned.ts';
import { PAGES } from '../../staff/pages.ts';
import { LANGUAGE_COOKIE, localeFromAcceptLanguage, uiStrings } from '../../staff/ui-strings.ts';
import { ROOT } from '../helpers/cli.ts';
import { createHarness, type Harness } from './harness.ts';

const STAFF = join(ROOT, 'staff');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(js|ts)$/.test(entry.name) ? [path] : [];
  });
}

/** t('key') and t('key', {...}) calls with a literal key, in every file of staff/. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(STAFF)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/(?<![.\w])t\(\s*'([^']+)'/g)) used.set(match[1]!, file.slice(ROOT.length + 1));
  }
  return used;
}

// Keys built at run time from a name: the page titles (staff/pages.ts), the role names (403 page, header) and the
// titles of the canned replies (staff/canned.ts).
const builtKeys = [
  'page.login',
  ...Object.keys(PAGES).map((name) => `page.${name}`),
  ...ROLES.map((role) => `role.${role}`),
  ...CANNED_REPLIES.map((id) => `canned.${id}`),
];

describe('staff-ui strings', () => {
  const used = usedKeys();

  it('the pages use them', () => {
    expect(used.size).toBeGreaterThan(100);
  });

  it.each(LOCALES)('every key used in staff/ exists in %s', (locale) => {
    const strings = uiStrings(locale);
    const missing = [...used].filter(([key]) => !(key in strings)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
    expect(builtKeys.filter((key) => !(key in strings))).toEqual([]);
  });

  it('every key in staff-ui.json is used', () => {
    const all = new Set([...used.keys(), ...builtKeys]);
    expect(Object.keys(uiStrings('en')).filter((key) => !all.has(key))).toEqual([]);
  });

  it('Accept-Language: in order of preference, "mo" is Romanian, nothing of ours is undefined', () => {
    expect(localeFromAcceptLanguage('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(localeFromAcceptLanguage('de-DE, en;q=0.5, uk;q=0.8')).toBe('uk');
    expect(localeFromAcceptLanguage('mo')).toBe('ro');
    expect(localeFromAcceptLanguage('en-GB')).toBe('en');
    expect(localeFromAcceptLanguage('de, fr;q=0.7')).toBeUndefined();
    expect(localeFromAcceptLanguage(undefined)).toBeUndefined();
  });
});

describe('pages in the chosen language', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness.dispose();
  });

  const loginPage = async (headers: Record<string, string>) => {
    const response = await harness.call('GET', '/staff/login', { headers });
    expect(response.statusCode).toBe(200);
    const strings = JSON.parse(response.body.match(/<script type="application\/json" id="ui-strings">([^<]*)<\/script>/)?.[1] ?? '{}') as Record<string, string>;
    return { body: response.body, strings };
  };

  it('Romanian from the browser language', async () => {
    const { body, strings } = await loginPage({ 'accept-language': 'ro-MD,ro;q=0.9,en;q=0.5' });
    expect(body).toContain('<html lang="ro">');
    expect(body).toContain(`<title>${uiStrings('ro')['page.login']} · ${uiStrings('ro').brand}</title>`);
    expect(strings['login.password']).toBe('Parolă');
    expect(strings).toEqual(uiStrings('ro'));
  });

  it('the cookie of the language selector wins over the browser language', async () => {
    const { body, strings } = await loginPage({ 'accept-language': 'en', cookie: `${LANGUAGE_COOKIE}=ru` });
    expect(body).toContain('<html lang="ru">');
    expect(strings['errors.wrongLogin']).toBe(uiStrings('ru')['errors.wrongLogin']);
  });

  it('English when asked for, Romanian when nothing matches', async () => {
    expect((await loginPage({ 'accept-language': 'en-US,en;q=0.9' })).body).toContain('<html lang="en">');
    expect((await loginPage({ 'accept-language': 'de-DE' })).body).toContain('<html lang="ro">');
    expect((await loginPage({ cookie: `${LANGUAGE_COOKIE}=xx` })).body).toContain('<html lang="ro">');
  });

  it('the page for a role that may not open it is in the chosen language too', async () => {
    const viewer = await harness.signIn('viewer');
    const response = await harness.call('GET', '/staff/accounts', { session: viewer, headers: { 'accept-language': 'uk' } });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain(uiStrings('uk')['shell.forbiddenTitle']);
    expect(response.body).toContain(uiStrings('uk')['role.viewer']);
  });

  it('canned replies are titled in the language of the console', async () => {
    const caseworker = await harness.signIn('caseworker');
    const response = await harness.call('GET', '/staff/api/canned', { session: caseworker, headers: { 'accept-language': 'ro' } });
    const { replies } = response.json() as { replies: { id: string; title: string }[] };
    expect(replies.find((reply) => reply.id === 'hello')?.title).toBe(uiStrings('ro')['canned.hello']);
  });
});
