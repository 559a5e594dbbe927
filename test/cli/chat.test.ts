// The command line as people use it: `punte chat` with piped input, in all four languages, across runs.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../app/runtime.ts';
import { createLogger } from '../../core/log.ts';
import { ROOT, runCli } from '../helpers/cli.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh data folder, as on a new machine: no database and no key yet. */
function freshEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'punte-cli-'));
  dirs.push(dir);
  return { DATABASE_URL: `file:${join(dir, 'punte.db')}`, DATA_DIR: dir, ...extra };
}

const MENU_HEADINGS = { ro: 'Ce doriți să faceți?', ru: 'Что Вы хотите сделать?', uk: 'Що Ви хочете зробити?', en: 'What would you like to do?' };

describe('punte chat', () => {
  it.each(Object.entries(MENU_HEADINGS))('--lang %s prints the menu with numbered options', async (lang, heading) => {
    const env = freshEnv();
    const result = await runCli(['chat', '--lang', lang], { input: '/start\n', env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(heading);
    const options = result.stdout.split('\n').filter((line) => /^\[\d+\] \S/.test(line));
    expect(options.length).toBeGreaterThanOrEqual(4);
    // Standard output holds the conversation only; the first-run warning goes to standard error.
    expect(result.stdout).not.toMatch(/punte (warning|info)|"level"/);
    expect(result.stderr).toContain('generated development secrets DATA_ENCRYPTION_KEY');
  });

  it('keeps the conversation between runs for the same --user, and starts afresh for another', async () => {
    const env = freshEnv();
    await runCli(['chat', '--lang', 'en', '--user', 'ana'], { input: '/start\n6\n', env });
    const second = await runCli(['chat', '--user', 'ana'], { input: '3\n', env });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Готово, відтепер я писатиму українською.');
    const other = await runCli(['chat', '--user', 'ion'], { input: 'salut\n', env });
    expect(other.stdout).toContain('Bine ați venit! Sunt Punte');
  });

  it('prints messages that reached the person while it was not running, once', async () => {
    const env = freshEnv();
    await runCli(['chat', '--lang', 'en', '--user', 'maria'], { input: '/start\n', env });
    const runtime = await createRuntime({ env, log: createLogger({ level: 'silent' }) });
    const contact = (await runtime.db.contact.findFirst())!;
    await runtime.db.message.create({
      data: { contactId: contact.id, direction: 'out', author: 'staff', kind: 'reply', textEnc: runtime.cipher.encrypt('Hello Maria, this is Elena from the centre.') },
    });
    await runtime.close();
    const first = await runCli(['chat', '--user', 'maria'], { input: '', env });
    expect(first.stdout).toContain('Hello Maria, this is Elena from the centre.');
    const again = await runCli(['chat', '--user', 'maria'], { input: '', env });
    expect(again.stdout).not.toContain('Hello Maria');
  });

  it('logs no message text, even at debug level', async () => {
    const env = freshEnv({ LOG_LEVEL: 'debug' });
    const result = await runCli(['chat', '--lang', 'en', '--user', '+37369000111'], { input: '/start\nmy boss keeps my passport\n', env });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('passport');
    expect(result.stderr).not.toContain('37369000111');
  });
});

describe('start-up errors: a one-line reason and a non-zero exit', () => {
  it('an invalid flow definition names the file, node and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'punte-badflow-'));
    dirs.push(dir);
    cpSync(join(ROOT, 'flows'), join(dir, 'flows'), { recursive: true });
    const file = join(dir, 'flows', 'main', 'flow.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"target": "abroad#start"', '"target": "q9"'));
    const result = await runCli(['chat'], { input: '/start\n', env: freshEnv({ FLOWS_DIR: 'flows' }), cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n').at(-1)).toBe('punte: flows/main/flow.json: flow main: node menu: choice 2: target "q9" does not exist');
  });

  it('invalid configuration names the key', async () => {
    const result = await runCli(['serve'], { env: freshEnv({ PORT: 'abc' }) });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^punte: configuration is invalid: PORT: /);
  });

  it('production refuses to start without its secrets and says which', async () => {
    const result = await runCli(['chat'], { input: '/start\n', env: freshEnv({ NODE_ENV: 'production' }) });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('punte: NODE_ENV=production needs these secrets in the environment: DATA_ENCRYPTION_KEY, STAFF_SESSION_SECRET');
  });

  it('an unknown option is a usage error', async () => {
    const result = await runCli(['chat', '--colour'], { env: freshEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('punte migrate', () => {
  it('creates the database, applies the migrations, then reports it is up to date', async () => {
    const env = freshEnv();
    const first = await runCli(['migrate'], { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied \d+ migration\(s\): \d{14}_init/);
    const second = await runCli(['migrate'], { env });
    expect(second.stdout).toBe('database is up to date\n');
  });
});
