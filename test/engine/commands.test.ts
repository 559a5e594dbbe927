// Global commands in every language, read from the locale files: typed words, slash commands and buttons.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCommandMatcher, GLOBAL_COMMANDS } from '../../core/engine/commands.ts';
import { createTranslator, loadLocaleResources } from '../../core/i18n.ts';
import { LOCALES } from '../../core/locales.ts';
import type { Inbound } from '../../core/message.ts';
import { ROOT } from '../helpers/cli.ts';

const translator = createTranslator(loadLocaleResources(join(ROOT, 'flows', 'locales')));
const matcher = createCommandMatcher(translator);
const typed = (text: string): Inbound => ({ channel: 't', channelUserId: 'u', externalId: 'e', kind: 'text', text, receivedAt: new Date() });

describe('global commands', () => {
  const table = LOCALES.flatMap((locale) =>
    GLOBAL_COMMANDS.flatMap((command) =>
      translator
        .t(locale, `common:commands.${command}`)
        .split('|')
        .map((word) => [locale, command, word] as const),
    ),
  );

  it('every language has at least one word for every command', () => {
    for (const locale of LOCALES) {
      for (const command of GLOBAL_COMMANDS) expect(table.some(([l, c]) => l === locale && c === command)).toBe(true);
    }
  });

  it.each(table)('%s: %s is typed as "%s", in any case and without diacritics', (_locale, command, word) => {
    expect(matcher.detect(typed(word))).toBe(command);
    expect(matcher.detect(typed(`  ${word.toUpperCase()}! `))).toBe(command);
    expect(matcher.detect(typed(word.normalize('NFD').replace(/\p{M}/gu, '')))).toBe(command);
  });

  it.each(GLOBAL_COMMANDS)('/%s works as a slash command and as a button', (command) => {
    expect(matcher.detect(typed(`/${command}`))).toBe(command);
    expect(matcher.detect(typed(`/${command}@PunteBot`))).toBe(command);
    expect(matcher.detect({ ...typed(''), kind: 'choice', payload: `cmd:${command}` })).toBe(command);
  });

  it('ordinary answers and sentences that contain a command word are not commands', () => {
    for (const text of ['da', 'yes', 'так', 'ok', '1', 'I need help with my passport', 'meniu de prânz?', '/unknown']) {
      expect(matcher.detect(typed(text))).toBeUndefined();
    }
  });
});
