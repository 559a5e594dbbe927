// Tokenising, phrase patterns, negation and absence, exceptions, mixed language and language detection.
import { describe, expect, it } from 'vitest';
import { compilePattern, detectLanguage, findMatches, matchPhrases, PatternError, prepareText, tokenize } from '../../core/text-match/index.ts';

function matches(text: string, ...patterns: string[]) {
  return matchPhrases(prepareText(text), { patterns: patterns.map(compilePattern), absence: [] }) !== undefined;
}

function matchesWith(text: string, set: { patterns: string[]; absence?: string[]; except?: string[] }) {
  return (
    matchPhrases(prepareText(text), {
      patterns: set.patterns.map(compilePattern),
      absence: (set.absence ?? []).map(compilePattern),
      except: (set.except ?? []).map(compilePattern),
    }) !== undefined
  );
}

describe('tokenize', () => {
  it('reads grouped and decimal numbers and currency signs', () => {
    const tokens = tokenize('Salariu 12 000 lei, 3.000 euro; 13,5 eur. 5000$');
    expect(tokens.filter((t) => t.value !== undefined).map((t) => t.value)).toEqual([12000, 3000, 13.5, 5000]);
    expect(tokens.map((t) => t.form)).toContain('usd');
  });

  it('splits hyphenated Romanian and keeps Ukrainian apostrophes inside words', () => {
    expect(tokenize("mi-au luat, б'ють").map((t) => t.form)).toEqual(['mi', 'au', 'luat', 'biut']);
  });

  it('counts sentences and clauses', () => {
    const [a, b, c] = tokenize('unu, doi. trei');
    expect([a!.sentence, b!.sentence, c!.sentence]).toEqual([0, 0, 1]);
    expect(a!.clause).not.toBe(b!.clause);
  });
});

describe('patterns', () => {
  it('matches stems, alternatives and numbers', () => {
    expect(matches('Pașapoartele rămân la noi', 'pasap* raman|ramane')).toBe(true);
    expect(matches('they took our passports', 'took our passport*')).toBe(true);
    expect(matches('Salariu 3 500 euro', '#3000+ euro')).toBe(true);
    expect(matches('Salariu 2 500 euro', '#3000+ euro')).toBe(false);
    expect(matches('am 14 ani', 'am #8-17 ani')).toBe(true);
    expect(matches('am 24 ani', 'am #8-17 ani')).toBe(false);
  });

  it('allows up to two words between slots, within one sentence', () => {
    expect(matches('mi-au luat tot pașaportul', 'luat pasaport*')).toBe(true);
    expect(matches('mi-au luat ieri tot pașaportul', 'luat pasaport*')).toBe(true);
    expect(matches('mi-au luat ieri seara tot pașaportul', 'luat pasaport*')).toBe(false);
    expect(matches('am luat. Pașaportul e aici', 'luat pasaport*')).toBe(false);
  });

  it('matches in any order with "~"', () => {
    expect(matches('паспорт забрали', '~ забрал* паспорт*')).toBe(true);
    expect(matches('забрали паспорт', '~ забрал* паспорт*')).toBe(true);
    expect(matches('паспорт забрали', 'забрал* паспорт*')).toBe(false);
  });

  it('refuses a pattern slot that is not a word', () => {
    expect(() => compilePattern('scrie-mi')).toThrow(PatternError);
    expect(() => compilePattern('  ')).toThrow(PatternError);
  });

  it('finds every match', () => {
    const tokens = tokenize('fee here, fee there');
    expect(findMatches(tokens, compilePattern('fee'))).toHaveLength(2);
  });
});

describe('negation and absence', () => {
  it.each([
    ['no fees are charged to workers', 'fee*'],
    ['Nu se percepe nicio taxă de la candidați', 'tax*'],
    ['Fără taxe pentru lucrători', 'tax*'],
    ['Работа без оплаты за оформление', 'оплат*'],
    ['Вам не нужно платить за место', 'платить'],
    ['Нiяких оплат, жодних оплат з працівників', 'оплат*'],
    ['Nikakih oplat s rabotnikov ne berem', 'oplat*'],
  ])('"%s" denies %s', (text, pattern) => {
    expect(matches(text, pattern)).toBe(false);
  });

  it('a negation in another clause or far before does not deny', () => {
    expect(matches('Fără experiență, taxa 300 euro', 'tax*')).toBe(true);
    expect(matches('No experience needed and then you pay the fee', 'fee*')).toBe(true);
  });

  it('takes Russian "не" for a negation only in Russian, not Romanian "ne" (us)', () => {
    expect(matches('ne-au luat taxa de 300 euro', 'tax*')).toBe(true);
    expect(matches('не берем оплату', 'оплат*')).toBe(false);
    expect(matches('Ну, оплата 300 евро', 'оплат*')).toBe(true);
  });

  it('absence cues near a match deny it: "безкоштовно", "gratuit", "free of charge"', () => {
    const fee = { patterns: ['оформлення|perfectare|registration'], absence: ['безкоштовн*', 'gratuit*', 'free'] };
    expect(matchesWith('Оформлення документів безкоштовно', fee)).toBe(false);
    expect(matchesWith('Perfectarea actelor este gratuită', fee)).toBe(false);
    expect(matchesWith('Registration is free of charge', fee)).toBe(false);
    expect(matchesWith('Registration costs 100 euro', fee)).toBe(true);
  });

  it('exceptions override a match they overlap (idioms)', () => {
    const beaten = { patterns: ['ma bate'], except: ['bate gandul', 'bate la cap'] };
    expect(matchesWith('mă bate gândul să plec', beaten)).toBe(false);
    expect(matchesWith('ma bate la cap toata ziua', beaten)).toBe(false);
    expect(matchesWith('ma bate cand bea', beaten)).toBe(true);
  });
});

describe('mixed language and transliteration', () => {
  it('matches Russian words inside Romanian text, in either script', () => {
    expect(matches('pasaportul il lasati la бригадир', 'паспорт* у бригадир*', 'pasaport* la brigadir')).toBe(true);
    expect(matches('Lucru pe zavod, zarplata 2000 euro', 'зарплат*')).toBe(true);
    expect(matches('mi-au luat pasportul si nu ma otpuskaiut', 'не отпуска*')).toBe(false);
    expect(matches('mi-au luat pasportul si nu ma otpuskaiut', 'nu|ne otpusk*')).toBe(true);
  });

  it('matches Cyrillic patterns against Latin transliteration', () => {
    expect(matches('pasport zabrali ne vypuskayut', 'не выпуска*')).toBe(true);
    expect(matches('mene b’yut, dopomozhit', "мене б'ють")).toBe(true);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Angajăm vânzătoare în magazin, salariu 9000 lei', 'ro', false],
    ['Требуется бухгалтер, официальное трудоустройство', 'ru', false],
    ['Шукаємо кухаря, офіційне працевлаштування і відпустка', 'uk', false],
    ['We are hiring a warehouse operative in Chisinau', 'en', false],
    ['Rabota v Germanii na sklade, bez opyta, pishite v telegram', 'ru', true],
    ['Salut, avem rabota in Rusia pe stroika, fara experienta', 'ro', false],
  ])('%s -> %s', (text, language, transliterated) => {
    expect(detectLanguage(text)).toEqual({ language, transliterated });
  });

  it('says unknown when there are no words', () => {
    expect(detectLanguage('12 000 !!!').language).toBe('unknown');
  });
});
