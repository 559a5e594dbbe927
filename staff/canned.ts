// Canned replies: the words live in flows/locales/<lng>/staff-canned.json (written natively in each language,
// since people read them); here only their order and the English titles staff pick them by.
import type { FlowSet } from '../core/flow/types.ts';
import type { Translator } from '../core/i18n.ts';
import { LOCALES, type Locale } from '../core/locales.ts';

export const CANNED_REPLIES: readonly { readonly id: string; readonly title: string }[] = [
  { id: 'hello', title: 'Hello, I can see your messages' },
  { id: 'safeToWrite', title: 'Is it safe to write now?' },
  { id: 'notYourFault', title: 'Thank you for telling me; not your fault' },
  { id: 'dangerNow', title: 'In danger now: call 112' },
  { id: 'whereAreYou', title: 'In Moldova or abroad?' },
  { id: 'callbackOffer', title: 'Offer a phone call' },
  { id: 'hotlines', title: 'Free hotlines' },
  { id: 'stillThere', title: 'Are you still there?' },
  { id: 'goodbye', title: 'Goodbye, write any time' },
];

export interface CannedReply {
  readonly id: string;
  readonly title: string;
  readonly texts: Record<Locale, string>;
}

export function cannedReplies(translator: Translator, flows: FlowSet): CannedReply[] {
  // Hotline numbers are written once in flows/contacts.json and filled in like in the flows.
  const variables = Object.fromEntries([...flows.contacts].map(([id, contact]) => [id, contact.display]));
  // Another content folder (FLOWS_DIR) may not have them all: only replies written in every language are offered.
  const complete = CANNED_REPLIES.filter(({ id }) => LOCALES.every((locale) => translator.has(locale, `staff-canned:reply.${id}`)));
  return complete.map(({ id, title }) => ({
    id,
    title,
    texts: Object.fromEntries(LOCALES.map((locale) => [locale, translator.t(locale, `staff-canned:reply.${id}`, variables)])) as Record<Locale, string>,
  }));
}
