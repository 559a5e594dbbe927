// Danger triage as a function: rules as data, the right severity and category, idioms and questions that only
// mention such words, the silent code word.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTriage, readTriageRules, TRIAGE_DIR } from '../../core/triage/index.ts';
import { FLOWS_DIR } from '../offer/helpers.ts';

const triage = createTriage({ flowsDir: FLOWS_DIR });

describe('danger triage', () => {
  it.each([
    ['ma bate acum, ajutor', 'urgent', 'urgent_danger'],
    ['mă bate acum, ajutor', 'urgent', 'urgent_danger'],
    ['pasport zabrali ne vypuskayut', 'urgent', 'urgent_danger'],
    ['паспорт забрали, не выпускают', 'urgent', 'urgent_danger'],
    ['zabraly pasport i ne vidpuskayut', 'urgent', 'urgent_danger'],
    ['he said he will kill me', 'urgent', 'urgent_danger'],
    ['не хочу жити', 'urgent', 'self_harm'],
    ['ne hochu zhit', 'urgent', 'self_harm'],
    ['mi-au luat pașaportul la lucru', 'high', 'trafficking'],
    ['sotul ma bate des', 'high', 'domestic_violence'],
    ['угрожает выложить мои интимные фото', 'high', 'sextortion'],
    ['a guy online asked me to send photos and not tell my parents', 'high', 'grooming'],
    ['незнакомец в интернете просит никому не рассказывать', 'high', 'grooming'],
    ['он говорит никому не рассказывать', 'medium', 'grooming'],
    ['we work 16 hours a day and they dont pay us', 'medium', 'trafficking'],
  ])('%s -> %s (%s)', (text, severity, category) => {
    const verdict = triage(text);
    expect(verdict.severity).toBe(severity);
    expect(verdict.categories[0]).toBe(category);
    expect(verdict.reasons.length).toBeGreaterThan(0);
    expect(verdict.reasons.every((r) => /^[a-z0-9_]+$/.test(r))).toBe(true);
  });

  it.each([
    'where do I get photos for a new passport?',
    'how do I renew my passport',
    'photo for visa',
    'unde pot face poze pentru pasaport nou?',
    'где сделать фото на паспорт?',
    'де зробити фото на паспорт',
    'ma bate gandul sa plec in Anglia',
    'ma omoara caldura aici',
    'mor de ras',
    'this heat is killing me lol',
    'locked out of my account, how do I reset the password',
    'mama nu ma lasa sa ies cu prietenii',
    'родители не отпускают на дискотеку',
    'мужа не выпускают из Украины',
    'я не хочу жить в Германии',
    'hit me up on telegram',
    '',
    '   ',
  ])('no alarm: %s', (text) => {
    expect(triage(text)).toEqual({ severity: 'none', categories: [], reasons: [] });
  });

  it('a question about what might happen counts one level lower', () => {
    expect(triage('sotul ma bate').severity).toBe('high');
    expect(triage('ce fac daca sotul ma bate?').severity).toBe('medium');
    expect(triage('what if he says he will kill me').severity).toBe('high');
  });

  it('a negation denies: "he does not hit me any more"', () => {
    expect(triage('nu ma bate').severity).toBe('none');
    expect(triage('он меня не бьёт').severity).toBe('none');
    expect(triage('i do not want to die').severity).toBe('none');
  });

  it('the most serious category comes first; documents taken and not let go is urgent', () => {
    const verdict = triage('patronul mi-a luat pașaportul și nu mă lasă să plec acasă');
    expect(verdict).toEqual({ severity: 'urgent', categories: ['urgent_danger', 'trafficking'], reasons: ['not_let_go', 'documents_taken'] });
  });

  it('the silent code word is an urgent verdict marked codeWord, whatever else the text says', () => {
    const withCode = createTriage({ flowsDir: FLOWS_DIR, codeWord: 'Lalea galbenă' });
    expect(withCode('vreau o lalea galbena azi')).toEqual({ severity: 'urgent', categories: ['code_word'], reasons: ['code_word'], codeWord: true });
    expect(withCode('LALEA GALBENĂ')).toMatchObject({ codeWord: true });
    expect(withCode('o lalea si o galbena').codeWord).toBeUndefined();
    expect(withCode('salut').severity).toBe('none');
    expect(createTriage({ flowsDir: FLOWS_DIR, codeWord: '' })('salut').codeWord).toBeUndefined();
  });

  it('a broken rule file stops loading with the file named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'punte-triage-'));
    try {
      cpSync(join(FLOWS_DIR, TRIAGE_DIR), join(dir, TRIAGE_DIR), { recursive: true });
      const file = join(dir, TRIAGE_DIR, 'rules', 'self-harm.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"severity": "urgent"', '"severity": "critical"'));
      expect(() => readTriageRules(dir)).toThrow(`${file}: rules.0.severity:`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"severity": "critical"', '"severity": "urgent"'));
      const signals = join(dir, TRIAGE_DIR, 'signals.json');
      const document = JSON.parse(readFileSync(signals, 'utf8')) as { combinations: { id: string; when: string[] }[] };
      document.combinations.find((c) => c.id === 'violence_now')!.when[1] = 'tomorrow';
      writeFileSync(signals, JSON.stringify(document));
      expect(() => readTriageRules(dir)).toThrow('combination violence_now: "tomorrow" is no rule or signal');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
