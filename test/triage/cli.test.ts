// `punte triage` as people run it: words, then {"severity","categories"} as the last line, independent of --lang.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as unknown;

describe('punte triage', () => {
  it('prints the verdict, and with --json exactly {severity, categories} as the last line, whatever --lang', async () => {
    const [ru, uk, ordinary, codeWord] = await Promise.all([
      runCli(['triage', '--json', '--lang', 'ru'], { input: 'pasport zabrali ne vypuskayut\n' }),
      runCli(['triage', '--json', '--lang', 'uk'], { input: 'pasport zabrali ne vypuskayut\n' }),
      runCli(['triage', '--json', '--lang', 'en'], { input: 'where do I get photos for a new passport?' }),
      runCli(['triage', '--json'], { input: 'o lalea galbenă, vă rog', env: { TRIAGE_CODE_WORD: 'lalea galbena' } }),
    ]);
    expect(ru.code).toBe(0);
    expect(ru.stdout).toMatch(/^Срочно:/);
    expect(uk.stdout).toMatch(/^Терміново:/);
    const expected = { severity: 'urgent', categories: ['urgent_danger', 'trafficking'] };
    expect(JSON.stringify(lastLine(ru.stdout))).toBe(JSON.stringify(expected));
    expect(lastLine(uk.stdout)).toEqual(expected);
    expect(lastLine(ordinary.stdout)).toEqual({ severity: 'none', categories: [] });
    expect(ordinary.stdout).toMatch(/^No signs of danger found\./);
    expect(lastLine(codeWord.stdout)).toEqual({ severity: 'urgent', categories: ['code_word'] });
    expect(ru.stderr).not.toContain('pasport');
  });
});
