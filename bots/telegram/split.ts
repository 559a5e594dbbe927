// Long texts as several messages under Telegram's limit, broken at a paragraph, a line or a space when one is
// near enough, and never inside a surrogate pair (an emoji cut in half shows as garbage).
import { MAX_TEXT_LENGTH } from './limits.ts';

const SEPARATORS = ['\n\n', '\n', ' '] as const;

export function splitText(text: string, max: number = MAX_TEXT_LENGTH): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = breakPoint(rest, max);
    const part = rest.slice(0, cut).trimEnd();
    if (part !== '') parts.push(part);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '' || parts.length === 0) parts.push(rest);
  return parts;
}

function breakPoint(text: string, max: number): number {
  // A separator right after the limit still allows a full-length part.
  const window = text.slice(0, max + 1);
  for (const separator of SEPARATORS) {
    const at = window.lastIndexOf(separator);
    // Not so early that the part would be tiny.
    if (at >= max / 2 && at <= max) return at;
  }
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
