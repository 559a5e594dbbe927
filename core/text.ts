// Text folding for matching what people type: case, diacritics (ș/ş/s, ă/a, й/и, ё/е), spacing and
// surrounding punctuation do not matter. Used for command words and button labels, never for stored text.

const COMBINING_MARKS = /\p{M}+/gu;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(EDGE_PUNCTUATION, '')
    .replace(/\s+/g, ' ')
    .normalize('NFC');
}

/** A typed slash command such as "/menu" or Telegram's "/menu@PunteBot", lower-cased; undefined otherwise. */
export function slashCommand(text: string): string | undefined {
  const match = /^\/([a-z_]+)(?:@\w+)?$/i.exec(text.trim());
  return match?.[1]?.toLowerCase();
}
