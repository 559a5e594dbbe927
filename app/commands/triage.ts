// `punte triage [--lang L] [--json]`: reads a message from standard input and prints what danger triage makes
// of it; with --json the last line is {"severity","categories"}. The verdict depends on the text only; --lang
// chooses the language of the words. Needs no database.
import { join } from 'node:path';
import { createTranslator, loadLocaleResources } from '../../core/i18n.ts';
import { createTriage } from '../../core/triage/index.ts';
import type { CommandContext } from './context.ts';
import { analyserSetup, readInput } from './analyser-input.ts';

export async function triageCommand(context: CommandContext): Promise<number> {
  const { locale, json, flowsDir, config } = analyserSetup(context);
  const text = await readInput(context.stdin, 'message');
  const verdict = createTriage({ flowsDir, codeWord: config.TRIAGE_CODE_WORD })(text);
  const translator = createTranslator(loadLocaleResources(join(flowsDir, 'locales')));
  const lines = [translator.t(locale, `triage:cli.${verdict.severity}`)];
  if (verdict.categories.length > 0) {
    const list = verdict.categories.map((category) => translator.t(locale, `triage:category.${category}`)).join(', ');
    lines.push(translator.t(locale, 'triage:cli.categories', { list }));
  }
  context.stdout.write(`${lines.join('\n')}\n`);
  if (json) context.stdout.write(`${JSON.stringify({ severity: verdict.severity, categories: verdict.categories })}\n`);
  return 0;
}
