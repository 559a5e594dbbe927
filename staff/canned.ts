// Canned replies: the words live in flows/locales/<lng>/staff-canned.json (written natively in each language,
// since people read them); here only their order. The titles staff pick them by are in the console's language
// (flows/locales/<lng>/staff-ui.json, canned.<id>).
import type { FlowSet } from '../core/flow/types.ts';
import type { Translator } from '../core/i18n.ts';
import { LOCALES, type Locale } from '../core/locales.ts';
import { uiText } from './ui-strings.ts';

export const CANNED_REPLIES: readonly string[] = [
  'hello',
  'safeToWrite',
  'notYourFault',
  'dangerNow',
  'whereAreYou',
  'callbackOffer',
  'hotlines',
  'stillThere',
  'goodbye',
];

export interface CannedReply {
  readonly id: string;
  readonly title: string;
  readonly texts: Record<Locale, string>;
}

/** `staffLocale` is the language of the titles (the console's), not of the replies (all four are given). */
export function cannedReplies(translator: Translator, flows: FlowSet, staffLocale: Locale): CannedReply[] {
  // Hotline numbers are written once in flows/contacts.json and filled in like in the flows.
  const variables = Object.fromEntries([...flows.contacts].map(([id, contact]) => [id, contact.display]));
  // Another content folder (FLOWS_DIR) may not have them all: only replies written in every language are offered.
  const complete = CANNED_REPLIES.filter((id) => LOCALES.every((locale) => translator.has(locale, `staff-canned:reply.${id}`)));
  return complete.map((id) => ({
    id,
    title: uiText(staffLocale, `canned.${id}`),
    texts: Object.fromEntries(LOCALES.map((locale) => [locale, translator.t(locale, `staff-canned:reply.${id}`, variables)])) as Record<Locale, string>,
  }));
}
