// Shows the emergency numbers of the person's country (session variable `country`) as tappable numbers.
// Without a known country, or for "other" (anywhere not listed), it says how to find the local number.
import { z } from 'zod';
import { keySchema } from '../nodes/common.ts';
import type { ActionType } from './index.ts';
import { emergencyNumbers, readCountries } from './countries.ts';

/** The id flows/countries.json uses for "anywhere else": its number is not certain, so no number is shown. */
const ANYWHERE_ELSE = 'other';

const params = z
  .object({
    /** The message above the numbers; {{countryName}} is the country's name. */
    text: keySchema,
    /** The message when the country is not known. */
    unknown: keySchema,
    /** The label of each number, by the service it reaches. */
    labels: z
      .object({ emergency: keySchema, police: keySchema, ambulance: keySchema, fire: keySchema, also: keySchema })
      .strict(),
  })
  .strict();

export const countryNumbersAction: ActionType<z.infer<typeof params>> = {
  name: 'countryNumbers',
  params,
  run({ text, unknown, labels }, turn) {
    const id = turn.session.vars.country;
    const flowsDir = turn.services.flowsDir;
    const country = typeof id === 'string' && id !== ANYWHERE_ELSE && flowsDir ? readCountries(flowsDir).get(id) : undefined;
    if (!country) {
      turn.say({ text: turn.t(unknown) });
      return;
    }
    turn.say({
      text: turn.t(text, { countryName: turn.t(`countries:${id}`) }),
      callables: emergencyNumbers(country).map(({ service, number }) => ({ label: `${turn.t(labels[service])}: ${number}`, phone: number })),
    });
  },
};
