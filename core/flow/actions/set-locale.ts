// The person chose a language: every later message speaks it.
import { z } from 'zod';
import { LOCALES } from '../../locales.ts';
import type { ActionType } from './index.ts';

export const setLocaleAction: ActionType<{ locale: (typeof LOCALES)[number] }> = {
  name: 'setLocale',
  params: z.object({ locale: z.enum(LOCALES) }).strict(),
  run(params, turn) {
    turn.session.locale = params.locale;
  },
};
