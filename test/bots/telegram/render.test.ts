// Rendering core replies for Telegram: inline keyboards, URL buttons, phone numbers as text, long texts split.
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../bots/telegram/render.ts';
import { splitText } from '../../../bots/telegram/split.ts';

describe('renderReply', () => {
  it('choices become one callback button a row, under the text', () => {
    const [message, ...rest] = renderReply({
      text: 'What would you like to do?',
      choices: [
        { label: 'Check a job offer', payload: 'main/menu/job' },
        { label: 'Privacy', payload: 'main/menu/privacy' },
      ],
    });
    expect(rest).toEqual([]);
    expect(message).toEqual({
      text: 'What would you like to do?',
      keyboard: [[{ text: 'Check a job offer', callback_data: 'main/menu/job' }], [{ text: 'Privacy', callback_data: 'main/menu/privacy' }]],
    });
  });

  it('links become URL buttons above the choices; phone numbers are lines of text', () => {
    const [message] = renderReply({
      text: 'Other lines where people can help you:',
      links: [{ label: 'La Strada', url: 'https://lastrada.md' }],
      callables: [
        { label: 'Emergency: 112', phone: '112' },
        { label: 'From abroad: +373 22 23 33 09', phone: '+37322233309' },
      ],
      choices: [{ label: 'Back to the menu', payload: 'main/emergency/menu' }],
    });
    expect(message!.text).toBe('Other lines where people can help you:\n\n☎ Emergency: 112\n☎ From abroad: +373 22 23 33 09');
    expect(message!.keyboard).toEqual([[{ text: 'La Strada', url: 'https://lastrada.md' }], [{ text: 'Back to the menu', callback_data: 'main/emergency/menu' }]]);
    // URL buttons never carry tel: links (Telegram refuses them).
    expect(JSON.stringify(message!.keyboard)).not.toContain('tel:');
  });

  it('national numbers also appear in international form, which Telegram makes tappable; short ones stay', () => {
    const [message] = renderReply({
      text: 'You can call now.',
      callables: [
        { label: 'Safe migration hotline: 0 800 77777', phone: '080077777' },
        { label: 'Child helpline: 116 111', phone: '116111' },
        { label: 'Emergency: 112', phone: '112' },
      ],
    });
    expect(message!.text).toBe('You can call now.\n\n☎ Safe migration hotline: 0 800 77777 (+37380077777)\n☎ Child helpline: 116 111\n☎ Emergency: 112');
  });

  it('a plain reply has no keyboard', () => {
    expect(renderReply({ text: 'All done.' })).toEqual([{ text: 'All done.' }]);
  });

  it('drops a button whose payload Telegram would refuse (over 64 bytes)', () => {
    const [message] = renderReply({ text: 'Q', choices: [{ label: 'ok', payload: 'a/b/c' }, { label: 'too long', payload: 'x'.repeat(65) }] });
    expect(message!.keyboard).toEqual([[{ text: 'ok', callback_data: 'a/b/c' }]]);
  });

  it('a long text is split under 4096 characters and the keyboard goes with the last part', () => {
    const paragraph = 'Lorem ipsum dolor sit amet. '.repeat(50).trim();
    const text = Array.from({ length: 6 }, () => paragraph).join('\n\n');
    const parts = renderReply({ text, choices: [{ label: 'Back', payload: 'main/x/menu' }] });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(4096);
    expect(parts.slice(0, -1).every((part) => part.keyboard === undefined)).toBe(true);
    expect(parts.at(-1)!.keyboard).toHaveLength(1);
    // Nothing lost but the whitespace at the breaks.
    expect(parts.map((part) => part.text).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});

describe('splitText', () => {
  it('keeps a short text whole', () => {
    expect(splitText('hello', 10)).toEqual(['hello']);
    expect(splitText('', 10)).toEqual(['']);
  });

  it('breaks at a paragraph, then a line, then a space', () => {
    expect(splitText('aaaa bbbb\n\ncccc', 12)).toEqual(['aaaa bbbb', 'cccc']);
    expect(splitText('aaaa\nbbbb cccc', 12)).toEqual(['aaaa\nbbbb', 'cccc']);
    expect(splitText('aaaa bbbb cccc', 12)).toEqual(['aaaa bbbb', 'cccc']);
  });

  it('cuts a text without spaces at the limit, never inside an emoji', () => {
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    const parts = splitText(`${'x'.repeat(9)}🌼🌼`, 10);
    expect(parts).toEqual(['x'.repeat(9), '🌼🌼']);
    // No lone surrogate at either end of a part.
    for (const part of parts) expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('every part of a 10 000-character text fits 4096', () => {
    const parts = splitText('word '.repeat(2000));
    expect(parts.length).toBe(3);
    expect(parts.every((part) => part.length <= 4096 && part.length > 0)).toBe(true);
  });
});
