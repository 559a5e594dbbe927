// The emergency answer of danger triage, said before anything else: the emergency number of the country the
// person said they are in (session variable `country`, flows/countries.json; 112 when unknown), then the lines
// that fit: from abroad the La Strada number that works abroad (0 800 numbers do not), in Moldova the women's
// trust line and La Strada, and the child helpline for someone under 18. Someone thinking of ending their life
// gets 112 and a person (the flow offers the centre next).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Callable } from '../../message.ts';
import type { Turn } from '../types.ts';
import { emergencyNumbers, readCountries, type Country, type EmergencyService } from './countries.ts';
import type { ActionType } from './index.ts';

const varName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a variable name');

const params = z
  .object({
    /** A session variable holding the danger's category (urgent_danger, self_harm), when the host sets one. */
    categoryVar: varName.optional(),
  })
  .strict();

/** Used when no flows folder is given (engine tests): the project's own flows/. */
const PROJECT_FLOWS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'flows');
const COMMON_EMERGENCY = '112';

function numbersOf(country: Country | undefined, turn: Turn): Callable[] {
  if (!country) return [turn.callable('emergency')];
  return emergencyNumbers(country).map(({ service, number }: { service: EmergencyService; number: string }) => ({
    label: `${turn.t(`triage:numbers.${service}`)}: ${number}`,
    phone: number,
  }));
}

export const emergencyAnswerAction: ActionType<z.infer<typeof params>> = {
  name: 'emergencyAnswer',
  params,
  run({ categoryVar }, turn) {
    const vars = turn.session.vars;
    const category = categoryVar ? vars[categoryVar] : undefined;
    if (categoryVar) delete vars[categoryVar];
    const minor = vars.minor === true;
    const countryId = typeof vars.country === 'string' ? vars.country : undefined;
    // "other" means anywhere not listed: its number is not certain, so it counts as unknown here.
    const country = countryId && countryId !== 'other' ? readCountries(turn.services.flowsDir ?? PROJECT_FLOWS).get(countryId) : undefined;
    const abroad = country?.abroad === true;

    const numbers = numbersOf(country, turn);
    const emergencyNumber = numbers[0]!.phone;
    const opening = category === 'self_harm' ? 'triage:urgent.selfHarm' : category === 'urgent_danger' ? 'triage:urgent.now' : 'triage:urgent.general';
    const where =
      country && emergencyNumber !== COMMON_EMERGENCY
        ? ` ${turn.t('triage:urgent.where', { emergencyNumber, countryName: turn.t(`countries:${countryId}`) })}`
        : !country
          ? ` ${turn.t('triage:urgent.elsewhere')}`
          : '';
    turn.say({ text: `${turn.t(opening, { emergencyNumber })}${where}`, callables: numbers });

    const child = minor ? [turn.callable('childHelpline')] : [];
    if (category === 'self_harm') {
      if (minor) turn.say({ text: turn.t('triage:urgent.young'), callables: child });
    } else if (abroad) {
      turn.say({ text: turn.t('triage:urgent.abroad'), callables: [turn.callable('trafficHotlineAbroad'), ...child] });
    } else {
      const fromAbroad = country ? [] : [turn.callable('trafficHotlineAbroad')];
      turn.say({
        text: turn.t('triage:urgent.lines'),
        callables: [...child, turn.callable('womenTrustLine'), turn.callable('trafficHotline'), ...fromAbroad],
      });
    }
  },
};
