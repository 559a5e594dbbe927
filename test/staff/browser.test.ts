// The staff console in a real browser (Debian's Chromium driven by playwright-core) against the real server
// (`punte serve`), with the person on the terminal channel (`punte chat`): sign in, see the flag raised a moment
// before, open it, take it, reply, and see the reply arrive in the person's terminal. Screenshots of the queue and
// the dashboard (laptop and phone) go to test-results/. The console's words are read from
// flows/locales/<lng>/staff-ui.json, like the pages read them; the browser asks for English, then switches to
// Română once.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiStrings } from '../../staff/ui-strings.ts';
import { ROOT, runCli } from '../helpers/cli.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const CHROMIUM = '/usr/bin/chromium';
const EN = uiStrings('en');
const RO = uiStrings('ro');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const SHOTS = join(ROOT, 'test-results');
const EMAIL = 'caseworker@centre.example';
const PASSWORD = 'a quiet river at dawn';
const PERSON = 'browser-person';
const REPLY = 'Hello, my name is Elena, from the centre. Are you safe to write now?';
// Hostile text the person typed: it must show as text, never run.
const HOSTILE = 'They locked me in and took my passport <img src=x onerror=alert(1)><script>alert(2)</script>';

const dir = mkdtempSync(join(tmpdir(), 'punte-browser-'));
const env = {
  DATABASE_URL: `file:${join(dir, 'punte.db')}`,
  DATA_DIR: dir,
  CENTRE_HOURS: 'Mon-Sun 00:00-24:00',
};

let server: ServerProcess | undefined;
let address = '';
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
  mkdirSync(SHOTS, { recursive: true });
  const added = await runCli(['staff', 'add', '--email', EMAIL, '--role', 'caseworker'], { env, input: `${PASSWORD}\n` });
  expect(added.code, added.stderr).toBe(0);
  // A person writes about danger (triage, flows/triage/, raises an urgent flag), then asks for a counsellor (a
  // medium one).
  const chat = await runCli(['chat', '--lang', 'en', '--user', PERSON], {
    env,
    input: ['/start', HOSTILE, '/human', 'Write to a counsellor here', 'I prefer not to say', ''].join('\n'),
  });
  expect(chat.code, chat.stderr).toBe(0);
  server = await startServerProcess(env);
  address = server.address;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('staff console in Chromium', () => {
  it('sign in, see the flag, open it, take it, reply, and the reply reaches the person', async () => {
    const context = await browser!.newContext({ viewport: { width: 1366, height: 820 }, locale: 'en-GB' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

    // Without a session the console sends people to sign in.
    await page.goto(`${address}/staff/queue`);
    await page.waitForURL('**/staff/login');
    await page.fill('#email', EMAIL);
    await page.fill('#password', 'not my password at all');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('.error')).toBe(EN['errors.wrongLogin']);
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL('**/staff/queue');

    const first = page.locator('tr[data-flag-id]').first();
    await first.waitFor();
    expect(await first.locator('.badge').first().textContent()).toBe(EN['severity.urgent']);
    await expect.poll(() => first.textContent()).toContain(`${EN['category.urgent_danger']}${EN['channel.terminal']}${EN['language.en']}`);
    expect(await first.locator('td.wait').textContent()).toMatch(/^\d+ (s|min)$/);

    // Live: a flag raised while the page is open appears without a reload.
    const rows = await page.locator('tr[data-flag-id]').count();
    const other = await runCli(['chat', '--lang', 'ro', '--user', 'browser-second'], {
      env,
      input: ['/start', '/human', '3', '3', ''].join('\n'),
    });
    expect(other.code, other.stderr).toBe(0);
    await expect.poll(() => page.locator('tr[data-flag-id]').count(), { timeout: 20_000 }).toBeGreaterThan(rows);
    await page.screenshot({ path: join(SHOTS, 'staff-queue.png'), fullPage: true });

    // Open the urgent one at the top of the queue.
    await first.locator('a', { hasText: EN['queue.open'] }).click();
    await page.waitForURL('**/staff/conversations/*');
    const hostile = page.locator('.msg.from-person .text', { hasText: '<img src=x onerror=alert(1)>' });
    await hostile.waitFor();
    expect(await hostile.textContent()).toBe(HOSTILE);
    expect(await page.locator('.transcript img, .transcript script').count()).toBe(0);

    await page.click('#take');
    await page.locator('.badge.human', { hasText: EN['conversation.withYou'] }).waitFor();
    // A canned reply fills the box in the person's language; the caseworker writes their own here.
    await page.selectOption('#canned', 'hello');
    expect(await page.inputValue('#reply-text')).toMatch(/^Hello! I am a counsellor at the centre/);
    await page.fill('#reply-text', REPLY);
    await page.click('#send');
    await page.locator('.msg.from-staff .text', { hasText: REPLY }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'staff-conversation.png'), fullPage: true });

    // The terminal cannot be pushed to: the person sees the reply the next time `punte chat` runs for them.
    const person = await runCli(['chat', '--lang', 'en', '--user', PERSON], { env, input: '' });
    expect(person.code, person.stderr).toBe(0);
    expect(person.stdout).toContain('A counsellor from the centre is here now');
    expect(person.stdout).toContain(REPLY);
    // ...and the console shows it delivered.
    await page.reload();
    await page.locator('.msg.from-staff', { hasText: REPLY }).waitFor();
    expect(await page.locator('.msg.from-staff', { hasText: REPLY }).locator('.badge.pending').count()).toBe(0);

    await page.goto(`${address}/staff/dashboard`);
    await page.locator('figure.chart').first().waitFor();
    expect(await page.locator('figure.chart').count()).toBe(5);
    await page.screenshot({ path: join(SHOTS, 'staff-dashboard.png'), fullPage: true });

    // The same pages on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${address}/staff/queue`);
    await page.locator('tr[data-flag-id]').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'staff-queue-phone.png'), fullPage: true });
    await page.goto(`${address}/staff/dashboard`);
    await page.locator('figure.chart').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'staff-dashboard-phone.png'), fullPage: true });

    // Switching to Română once: the page reloads in Romanian, and the choice is remembered.
    await page.goto(`${address}/staff/queue`);
    expect(await page.textContent('h1')).toBe(EN['page.queue']);
    await page.selectOption('#ui-language', 'ro');
    await expect.poll(() => page.textContent('h1')).toBe(RO['page.queue']);
    await page.locator('tr[data-flag-id]').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'staff-queue-phone-ro.png'), fullPage: true });
    await page.goto(`${address}/staff/referrals`);
    expect(await page.textContent('h1')).toBe(RO['page.referrals']);
    expect(await page.getAttribute('html', 'lang')).toBe('ro');

    expect(problems.filter((problem) => !problem.includes('401'))).toEqual([]);
    await context.close();
  }, 240_000);
});
