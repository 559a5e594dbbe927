// A real turn for running one action without the conversation service: the project's flows and locales, a
// fresh session in the given language, and the services an action may use.
import { join } from 'node:path';
import { TurnState } from '../../core/engine/turn.ts';
import { loadFlows } from '../../core/flow/loader.ts';
import { createTranslator, loadLocaleResources } from '../../core/i18n.ts';
import type { Locale } from '../../core/locales.ts';
import { newSession } from '../../core/session.ts';
import { ROOT } from '../helpers/cli.ts';

export const FLOWS_DIR = join(ROOT, 'flows');
const translator = createTranslator(loadLocaleResources(join(FLOWS_DIR, 'locales')));
const flows = loadFlows({ dir: FLOWS_DIR, translator, relativeTo: ROOT });
const variables = Object.fromEntries([...flows.contacts].map(([id, contact]) => [id, contact.display]));

export function turnFor(locale: Locale, vars: Record<string, string | number | boolean> = {}): TurnState {
  const session = newSession(locale, new Date());
  Object.assign(session.vars, vars);
  return new TurnState(session, flows, translator, variables, new Date(), { flowsDir: FLOWS_DIR });
}
