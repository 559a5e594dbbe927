// The four languages Punte speaks. Romanian first: it is the default for people in Moldova.
export const LOCALES = ['ro', 'ru', 'uk', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a channel's language tag (e.g. "ru-RU", "uk", "en-GB") to one of ours, or undefined. */
export function localeFromTag(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  if (base === 'mo') return 'ro';
  return isLocale(base) ? base : undefined;
}
