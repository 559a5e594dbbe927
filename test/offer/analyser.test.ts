// The pasted-offer analyser: rules as data, verdicts that ignore the reader's language, honest "unsure".
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, loadLocaleResources } from '../../core/i18n.ts';
import { LOCALES } from '../../core/locales.ts';
import { analyseOffer, createOfferAnalyser, readOfferRules, RULES_DIR } from '../../core/offer/index.ts';
import { FLOWS_DIR } from './helpers.ts';

const analyse = createOfferAnalyser(FLOWS_DIR);
const ids = (text: string) => analyse(text).flags.map((flag) => flag.id);

describe('offer rules', () => {
  const rules = readOfferRules(FLOWS_DIR);

  it('one file per red flag, each with patterns in all four languages and an explanation in all four', () => {
    const files = readdirSync(join(FLOWS_DIR, RULES_DIR)).filter((f) => f.endsWith('.json') && !f.startsWith('_'));
    expect(rules.rules.map((r) => `${r.id}.json`).sort()).toEqual(files.sort());
    expect(rules.rules.length).toBeGreaterThanOrEqual(20);
    const translator = createTranslator(loadLocaleResources(join(FLOWS_DIR, 'locales')));
    for (const file of files) {
      const raw = JSON.parse(readFileSync(join(FLOWS_DIR, RULES_DIR, file), 'utf8')) as { patterns: Record<string, string[]>; explanation: string };
      for (const locale of LOCALES) {
        expect(raw.patterns[locale]?.length, `${file}: ${locale} patterns`).toBeGreaterThan(0);
        expect(translator.has(locale, raw.explanation), `${file}: ${raw.explanation} in ${locale}`).toBe(true);
      }
    }
  });

  it('a broken rule file stops loading with the file and the field named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'punte-rules-'));
    try {
      cpSync(join(FLOWS_DIR, RULES_DIR), join(dir, RULES_DIR), { recursive: true });
      const file = join(dir, RULES_DIR, 'tourist-visa.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"weight": 4', '"weight": "heavy"'));
      expect(() => readOfferRules(dir)).toThrow(`${file}: weight: Invalid input: expected number, received string`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"weight": "heavy"', '"weight": 4').replace('"tourist|visitor visa"', '"tourist-visa"'));
      expect(() => readOfferRules(dir)).toThrow(/tourist-visa\.json: pattern "tourist-visa": "tourist-visa" is not a word/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an empty rule set rates everything low', () => {
    expect(analyseOffer('Taxa de intermediere 300 euro, pașaportul la noi.', { ...rules, rules: [] })).toMatchObject({ risk: 'low', score: 0 });
  });
});

describe('analyseOffer', () => {
  it('finds red flags in each language and in transliteration', () => {
    expect(ids('Pașaportul îl lăsați la noi pentru viză.')).toContain('passport-retention');
    expect(ids('Паспорт сдаете бригадиру по приезду.')).toContain('passport-retention');
    expect(ids('Паспорт зберігається у менеджера.')).toContain('passport-retention');
    expect(ids('You just need to give us your passport.')).toContain('passport-retention');
    expect(ids('Pasport nuzhno ostavit u nas dlya vizy.')).toContain('passport-retention');
    expect(ids('Robota v Polshchi, oplata 200 evro napered.')).toContain('upfront-payment');
  });

  it('a statement that a flag is absent does not raise it', () => {
    expect(ids('No fees are charged to workers.')).not.toContain('recruitment-fee');
    expect(ids('Nu se percepe nicio taxă de la candidați.')).not.toContain('recruitment-fee');
    expect(ids('Fără taxe de intermediere pentru lucrători.')).not.toContain('recruitment-fee');
    expect(ids('Работа без оплаты услуг агентства.')).not.toContain('recruitment-fee');
    expect(ids('Вам не нужно оплатить ничего за место.')).not.toContain('recruitment-fee');
    expect(ids('Оплата послуг агенції: безкоштовно для працівників.')).not.toContain('recruitment-fee');
    expect(ids('We never keep workers’ documents; your passport stays with you.')).not.toContain('passport-retention');
    expect(ids('Taxa de intermediere: 300 euro.')).toContain('recruitment-fee');
  });

  it('"оплата" and "pay" as a salary are not a fee', () => {
    expect(ids('Требуется няня, оплата 10 000 лей в месяц.')).not.toContain('recruitment-fee');
    expect(ids('Pay 27 PLN per hour, 40 hours a week.')).not.toContain('recruitment-fee');
  });

  it('scores by weight: one severe flag is high, one moderate is medium, nothing is low', () => {
    expect(analyse('Lucru în Italia la o fabrică, contract de muncă, salariu 1500 euro. Pașaportul îl lăsați la patron.').risk).toBe('high');
    expect(analyse('Lucru în Polonia la depozit, salariu 1200 euro, contract. Plecare cu viză turistică.').risk).toBe('medium');
    const legit = analyse('Angajăm vânzătoare în magazin alimentar, program 8-17, salariu 9000 lei, contract de muncă și pachet social.');
    expect(legit).toMatchObject({ risk: 'low', score: 0, flags: [], unsure: false, language: 'ro' });
  });

  it('says when it is unsure, and still gives one of the three levels', () => {
    expect(analyse('lucru bun')).toMatchObject({ risk: 'low', unsure: true, unsureReason: 'short' });
    expect(analyse('Bună ziua, vă scriu ca să vă întreb ce mai faceți și dacă ați ajuns cu bine acasă după drum.')).toMatchObject({
      unsure: true,
      unsureReason: 'noJob',
    });
    expect(analyse('Căutăm oameni pentru lucru în Germania, la fabrică, cu program normal și salariu bun. Detalii la telefon.')).toMatchObject({
      risk: 'low',
      unsure: true,
      unsureReason: 'weak',
    });
    expect(analyse('Lucru in Anglia 4000£, fara engleza, doar scrie-mi in privat')).toMatchObject({ risk: 'medium', unsure: true });
  });

  it('reports the language of the offer, whatever the reader speaks', () => {
    expect(analyse('Работа в Польше, без опыта, предоплата 200 евро, пишите в вайбер.').language).toBe('ru');
    expect(analyse('Rabota v Germanii, predoplata 300 evro, pishite v telegram.').language).toBe('ru');
  });

  it('mixed Romanian and Russian offers work', () => {
    const verdict = analyse('Salut, avem rabota in Rusia pe stroika, 1500$ luna, fara experienta. Pasaportul il lasati la бригадир. Plecarea maine, scrie pe viber.');
    expect(verdict.risk).toBe('high');
    expect(verdict.flags.map((f) => f.id)).toEqual(expect.arrayContaining(['passport-retention', 'messenger-only', 'rushed-departure']));
  });
});
