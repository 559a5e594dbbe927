// A core reply as Telegram messages (a pure function): plain text (no parse mode, so nothing people or content
// write is ever read as markup), phone numbers as text lines Telegram makes tappable (URL buttons accept no tel:
// links), links as URL buttons and choices as callback buttons under the last part of a long text.
import type { Reply } from '../../core/message.ts';
import { MAX_CALLBACK_DATA_BYTES, MAX_TEXT_LENGTH } from './limits.ts';
import { splitText } from './split.ts';

export type InlineButton = { readonly text: string; readonly url: string } | { readonly text: string; readonly callback_data: string };

export interface OutgoingMessage {
  readonly text: string;
  readonly keyboard?: readonly (readonly InlineButton[])[];
}

/** Moldova's country code: national numbers (0 800 77777) are shown in international form too. */
const MOLDOVA = '+373';

/**
 * The number in international form, which Telegram makes tappable (+37380077777 for 0 800 77777); short
 * numbers such as 112 or 116 111 stay as they are, and numbers already international are kept.
 */
export function internationalForm(phone: string): string | undefined {
  if (phone.startsWith('+')) return undefined;
  return /^0\d{7,9}$/.test(phone) ? `${MOLDOVA}${phone.slice(1)}` : undefined;
}

export function renderReply(reply: Reply, maxTextLength: number = MAX_TEXT_LENGTH): OutgoingMessage[] {
  const callables = (reply.callables ?? []).map((callable) => {
    const international = internationalForm(callable.phone);
    return international ? `☎ ${callable.label} (${international})` : `☎ ${callable.label}`;
  });
  const text = callables.length > 0 ? `${reply.text}\n\n${callables.join('\n')}` : reply.text;
  const rows: InlineButton[][] = [
    ...(reply.links ?? []).map((link) => [{ text: link.label, url: link.url }]),
    // The flow loader keeps payloads within 64 bytes; one too long would make Telegram refuse the whole message.
    ...(reply.choices ?? [])
      .filter((choice) => Buffer.byteLength(choice.payload, 'utf8') <= MAX_CALLBACK_DATA_BYTES)
      .map((choice) => [{ text: choice.label, callback_data: choice.payload }]),
  ];
  const parts = splitText(text, maxTextLength);
  return parts.map((part, index) => (index === parts.length - 1 && rows.length > 0 ? { text: part, keyboard: rows } : { text: part }));
}
