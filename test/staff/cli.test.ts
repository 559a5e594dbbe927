// `punte staff ...` as people run it: the password piped on standard input, one-line reasons on refusal.
// Each spawn costs seconds, so the command line is checked for its wiring here and the rules in process below.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { passwordProblem } from '../../staff/auth/passwords.ts';
import { runCli } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'punte-staff-cli-'));
const env = { DATABASE_URL: `file:${join(dir, 'punte.db')}`, DATA_DIR: dir };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('punte staff', () => {
  it('add: the first line of piped input is the password; exit 0; the account is listed without its hash', async () => {
    const added = await runCli(['staff', 'add', '--email', 'Lead@Centre.example', '--role', 'admin'], { env, input: 'four words make a passphrase\nignored second line\n' });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('added admin lead@centre.example\n');
    const listed = await runCli(['staff', 'list', '--json'], { env });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ email: 'lead@centre.example', role: 'admin', disabledAt: null })]);
    expect(listed.stdout).not.toMatch(/argon2|passwordHash/);
  });

  it.each([
    ['too short', 'short pw', 'punte: the password must be at least 12 characters long (a few words make a good one)'],
    ['common', 'Password1234', 'punte: this password is on the list of commonly used passwords; choose another'],
  ])('refuses a %s password with a one-line reason', async (_kind, password, reason) => {
    const result = await runCli(['staff', 'add', '--email', 'new@centre.example', '--role', 'caseworker'], { env, input: `${password}\n` });
    expect(result).toEqual({ code: 1, stdout: '', stderr: `${reason}\n` });
  });

  it('refuses a duplicate account and disabling the last admin', async () => {
    const duplicate = await runCli(['staff', 'add', '--email', 'lead@centre.example', '--role', 'viewer'], { env, input: 'another fine passphrase\n' });
    expect(duplicate).toEqual({ code: 1, stdout: '', stderr: 'punte: an account for lead@centre.example already exists\n' });
    const last = await runCli(['staff', 'disable', '--email', 'lead@centre.example'], { env });
    expect(last).toEqual({ code: 1, stdout: '', stderr: 'punte: the last admin cannot be disabled; add another admin first\n' });
  });
});

describe('password rules', () => {
  it('at least 12 characters, no composition rules', () => {
    expect(passwordProblem('')).toMatch(/at least 12 characters/);
    expect(passwordProblem('eleven char')).toMatch(/at least 12 characters/);
    expect(passwordProblem('plain lowercase words only')).toBeUndefined();
    expect(passwordProblem('ăștia-sunt-pași-buni')).toBeUndefined();
    expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
  });

  it('not common, not predictable, not the service or the e-mail', () => {
    for (const common of ['password1234', 'QWERTY123456', 'qwerty 123456', 'parola123456', 'iloveyou1234', '1q2w3e4r5t6y']) {
      expect(passwordProblem(common), common).toBe('this password is on the list of commonly used passwords; choose another');
    }
    for (const predictable of ['aaaaaaaaaaaaaaaa', 'abababababababab', '123456789012345', 'zyxwvutsrqponm']) {
      expect(passwordProblem(predictable), predictable).toMatch(/too predictable/);
    }
    expect(passwordProblem('punte2026!!!')).toMatch(/name of the service/);
    expect(passwordProblem('elena.rusu1990', { email: 'elena.rusu@centre.example' })).toMatch(/e-mail address/);
  });
});
