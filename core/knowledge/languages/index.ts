// The language profiles search uses, one per locale.
import type { Locale } from '../../locales.ts';
import { english } from './en.ts';
import type { LanguageProfile } from './profile.ts';
import { romanian } from './ro.ts';
import { russian } from './ru.ts';
import { ukrainian } from './uk.ts';

export type { LanguageProfile } from './profile.ts';

export const LANGUAGE_PROFILES: Readonly<Record<Locale, LanguageProfile>> = {
  ro: romanian,
  ru: russian,
  uk: ukrainian,
  en: english,
};
