import { describe, expect, it } from 'vitest';
import { foldText, slashCommand } from '../../core/text.ts';

describe('core/text folding', () => {
  it.each([
    ['Ieșire', 'iesire'],
    ['IEŞIRE!', 'iesire'],
    ['  Limbă  ', 'limba'],
    ['Меню.', 'меню'],
    ['Допомога', 'допомога'],
    ['Всё', 'все'],
    ['"menu"', 'menu'],
  ])('%s folds to %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('reads slash commands, including Telegram\'s /cmd@bot form', () => {
    expect(slashCommand('/menu')).toBe('menu');
    expect(slashCommand('/START@PunteBot')).toBe('start');
    expect(slashCommand('menu')).toBeUndefined();
    expect(slashCommand('/menu please')).toBeUndefined();
  });
});
