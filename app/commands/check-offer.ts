// `punte check-offer [--lang L] [--json]`: reads a job offer from standard input and prints the verdict in
// words; with --json the last line is {"risk","score","flags":[{"id","explanation"}]}. The verdict depends on
// the offer's text only; --lang chooses the language of the words. Needs no database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createTranslator, loadLocaleResources } from '../../core/i18n.ts';
import { createOfferAnalyser, describeOffer } from '../../core/offer/index.ts';
import type { CommandContext } from './context.ts';
import { analyserSetup, readInput } from './analyser-input.ts';

/** The display form of each hotline number ({{trafficHotline}} and friends), from flows/contacts.json. */
function contactVariables(flowsDir: string): Record<string, string> {
  const file = z.object({ contacts: z.record(z.string(), z.object({ display: z.string() }).passthrough()) }).passthrough();
  const { contacts } = file.parse(JSON.parse(readFileSync(join(flowsDir, 'contacts.json'), 'utf8')));
  return Object.fromEntries(Object.entries(contacts).map(([id, contact]) => [id, contact.display]));
}

export async function checkOfferCommand(context: CommandContext): Promise<number> {
  const { locale, json, flowsDir } = analyserSetup(context);
  const text = await readInput(context.stdin, 'offer');
  const verdict = createOfferAnalyser(flowsDir)(text);
  const translator = createTranslator(loadLocaleResources(join(flowsDir, 'locales')));
  const variables = contactVariables(flowsDir);
  const t = (key: string, extra?: Record<string, unknown>) => translator.t(locale, key, { ...variables, ...extra });
  const words = describeOffer(verdict, t);
  context.stdout.write(`${words.verdict}\n\n${words.flags}\n\n${words.next}\n`);
  if (json) {
    const flags = verdict.flags.map((flag) => ({ id: flag.id, explanation: t(flag.explanationKey) }));
    context.stdout.write(`${JSON.stringify({ risk: verdict.risk, score: verdict.score, flags })}\n`);
  }
  return 0;
}
