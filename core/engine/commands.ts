// Global commands work everywhere and in every language: typed as /menu, as a word of any of the four
// languages ("meniu", "меню"), or as a button whose payload is "cmd:menu".
import { PunteError } from '../errors.ts';
import { parseCommandPayload } from '../flow/payload.ts';
import type { Translator } from '../i18n.ts';
import { LOCALES } from '../locales.ts';
import type { Inbound } from '../message.ts';
import { foldText, slashCommand } from '../text.ts';

export const GLOBAL_COMMANDS = ['start', 'menu', 'lang', 'help', 'exit', 'forget', 'human'] as const;
export type GlobalCommand = (typeof GLOBAL_COMMANDS)[number];
/** Answers to the core's own "really delete everything?" question; only buttons and confirmation words. */
export type ConfirmCommand = 'forget-yes' | 'forget-no';

const WORD_SEPARATOR = '|';

export interface CommandMatcher {
  detect(inbound: Inbound): GlobalCommand | ConfirmCommand | undefined;
}

function isGlobal(name: string | undefined): name is GlobalCommand {
  return (GLOBAL_COMMANDS as readonly string[]).includes(name ?? '');
}

/** Builds the word table from common:commands.<name> in every language; a word may mean one command only. */
export function createCommandMatcher(translator: Translator): CommandMatcher {
  const words = new Map<string, GlobalCommand>();
  for (const locale of LOCALES) {
    for (const command of GLOBAL_COMMANDS) {
      for (const word of translator.t(locale, `common:commands.${command}`).split(WORD_SEPARATOR)) {
        const folded = foldText(word);
        if (folded === '') continue;
        const existing = words.get(folded);
        if (existing && existing !== command) {
          throw new PunteError('PUNTE_LOCALES_INVALID', `flows/locales/${locale}/common.json: commands.${command}: "${word}" already means ${existing}`);
        }
        words.set(folded, command);
      }
    }
  }

  return {
    detect(inbound) {
      if (inbound.payload !== undefined) {
        const name = parseCommandPayload(inbound.payload);
        return isGlobal(name) || name === 'forget-yes' || name === 'forget-no' ? name : undefined;
      }
      if (inbound.kind !== 'text' || !inbound.text) return undefined;
      const slash = slashCommand(inbound.text);
      if (slash !== undefined) return isGlobal(slash) ? slash : undefined;
      return words.get(foldText(inbound.text));
    },
  };
}
