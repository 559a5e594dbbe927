// `punte check-offer` as people run it: the verdict in words, the JSON last line, independent of --lang.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const RISKY = 'Работа в Германии на складе, 2000 евро. Виза гарантирована за 5 дней! Оплата услуг агентства 400 евро перед выездом. Договор подпишете уже в Германии.';
const LEGIT = 'Angajăm vânzătoare în magazin alimentar, program 8-17, salariu 9000 lei, contract de muncă și pachet social.';

const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

describe('punte check-offer', () => {
  it('prints the verdict in words and, with --json, exactly {risk, score, flags} as the last line; --lang changes only the words', async () => {
    const [ro, en, legit] = await Promise.all([
      runCli(['check-offer', '--json', '--lang', 'ro'], { input: RISKY }),
      runCli(['check-offer', '--json', '--lang', 'en'], { input: RISKY }),
      runCli(['check-offer', '--json'], { input: LEGIT }),
    ]);
    expect(ro.code).toBe(0);
    expect(ro.stdout).toMatch(/^Risc: ridicat\./);
    expect(en.stdout).toMatch(/^Risk: high\./);
    const roJson = lastLine(ro.stdout);
    const enJson = lastLine(en.stdout);
    expect(Object.keys(roJson)).toEqual(['risk', 'score', 'flags']);
    expect(roJson.risk).toBe('high');
    expect(typeof roJson.score).toBe('number');
    const flagIds = (json: Record<string, unknown>) => (json.flags as { id: string; explanation: string }[]).map((f) => f.id);
    expect(flagIds(roJson)).toEqual(flagIds(enJson));
    expect(flagIds(roJson)).toEqual(expect.arrayContaining(['guaranteed-visa', 'recruitment-fee', 'no-written-contract']));
    for (const flag of roJson.flags as { id: string; explanation: string }[]) expect(Object.keys(flag)).toEqual(['id', 'explanation']);
    expect((enJson.flags as { explanation: string }[])[0]!.explanation).toMatch(/[a-z]/);
    expect({ ...roJson, flags: flagIds(roJson) }).toEqual({ ...enJson, flags: flagIds(enJson) });
    // Default language is DEFAULT_LOCALE (ro).
    expect(legit.stdout).toMatch(/^Risc: scăzut\./);
    expect(lastLine(legit.stdout)).toEqual({ risk: 'low', score: 0, flags: [] });
  });

  it('refuses empty input and an unknown language with a one-line reason and exit status 2', async () => {
    const [empty, badLang] = await Promise.all([runCli(['check-offer'], { input: '  \n' }), runCli(['check-offer', '--lang', 'de'], { input: LEGIT })]);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr.trim()).toBe('punte: no offer text on standard input');
    expect(badLang.code).toBe(2);
    expect(badLang.stderr.trim()).toBe('punte: --lang must be one of ro, ru, uk, en');
  });
});
