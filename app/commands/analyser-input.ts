// What `check-offer` and `triage` share: --lang and --json, the flows folder, and the text on standard input.
import { resolve } from 'node:path';
import { loadConfig, type Config } from '../../core/config.ts';
import { PunteError } from '../../core/errors.ts';
import { isLocale, LOCALES, type Locale } from '../../core/locales.ts';
import { FLOWS_DIR } from '../paths.ts';
import type { CommandContext } from './context.ts';

/** Longer input is refused rather than analysed slowly: an offer or a message is a few thousand characters. */
export const MAX_INPUT_CHARS = 50_000;

export function analyserSetup(context: CommandContext): { locale: Locale; json: boolean; flowsDir: string; config: Config } {
  const { values } = context.parse({ lang: { type: 'string' }, json: { type: 'boolean' } });
  const config = loadConfig(context.env);
  const lang = values.lang ?? config.DEFAULT_LOCALE;
  if (!isLocale(lang)) throw new PunteError('PUNTE_USAGE', `--lang must be one of ${LOCALES.join(', ')}`);
  return { locale: lang, json: values.json === true, flowsDir: config.FLOWS_DIR ? resolve(config.FLOWS_DIR) : FLOWS_DIR, config };
}

export async function readInput(stdin: NodeJS.ReadableStream, what: string): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.length > MAX_INPUT_CHARS) throw new PunteError('PUNTE_USAGE', `the ${what} is longer than ${MAX_INPUT_CHARS} characters`);
  }
  if (text.trim() === '') throw new PunteError('PUNTE_USAGE', `no ${what} text on standard input`);
  return text;
}
