// Folding: the same words compare equal with or without diacritics and in Latin transliteration.
import { describe, expect, it } from 'vitest';
import { foldWord } from '../../core/text-match/index.ts';

const same = (a: string, b: string) => a.split(' ').map(foldWord).join(' ') === b.split(' ').map(foldWord).join(' ');

describe('foldWord', () => {
  it.each([
    ['pasport zabrali', 'паспорт забрали'],
    ['ne vypuskayut', 'не выпускают'],
    ['ne vipuskaiut', 'не выпускают'],
    ['bez deneg', 'без денег'],
    ['mă bate', 'ma bate'],
    ['şantaj', 'șantaj'],
    ['ţară', 'țară'],
    ['ёлка', 'елка'],
    ['їжа', 'іжа'],
    ['її', 'ии'],
    ['объявление', 'обявление'],
    ['деньги', "den'gi"],
    ["б'ють", "b'yut"],
    ['бьют', 'byut'],
    ['погрожує', 'pogrozhuye'],
    ['хочу', 'khochu'],
    ['хочу', 'hochu'],
    ['сейчас', 'sejchas'],
    ['Турция', 'Turtsiya'],
    ['ищу', 'ishchu'],
    ['гроші', 'hroshi'],
    ['passport', 'pasport'],
    ['PAȘAPORT', 'pasaport'],
  ])('%s = %s', (a, b) => {
    expect(same(a, b)).toBe(true);
  });

  it('keeps different words apart', () => {
    expect(foldWord('bate')).not.toBe(foldWord('bata'));
    expect(foldWord('паспорт')).not.toBe(foldWord('пасека'));
  });

  it('has no spaces, marks, apostrophes or doubled letters', () => {
    for (const word of ["п'ять", 'Ștefan', 'Mississippi', 'Ёжик']) expect(foldWord(word)).toMatch(/^[a-z]+$/);
    expect(foldWord('Mississippi')).toBe('misisipi');
  });
});
