// How agency names are compared: case, diacritics, quotes and punctuation do not matter, and neither do legal
// forms ("SRL", "S.R.L.", "ÎI", "ООО"), which people often leave out or write differently from the licence.
import { foldText } from '../text.ts';

/** Legal-form words, folded (dots removed): Romanian, Russian and Ukrainian, Latin and Cyrillic spellings. */
const LEGAL_FORMS = new Set([
  'srl', 'sa', 'ii', 'ics', 'im', 'sc', 'ooo', 'llc', 'ltd',
  'ооо', 'оао', 'зао', 'ао', 'тов', 'ип', 'фоп',
]);

export function agencyNameKey(name: string): string {
  return foldText(name)
    .replace(/\./g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !LEGAL_FORMS.has(word))
    .join(' ');
}

/** A 13-digit state identification number (IDNO), as people type it (spaces allowed); undefined otherwise. */
export function asIdno(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{13}$/.test(digits) ? digits : undefined;
}
