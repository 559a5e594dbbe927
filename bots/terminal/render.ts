// Replies as terminal text: the message, its links and phone numbers, then buttons as "[1] Label".
import type { Reply } from '../../core/message.ts';

export function renderReply(reply: Reply): string {
  const lines = [reply.text];
  for (const link of reply.links ?? []) lines.push(`🔗 ${link.label}: ${link.url}`);
  for (const callable of reply.callables ?? []) lines.push(`☎ ${callable.label}`);
  (reply.choices ?? []).forEach((choice, index) => lines.push(`[${index + 1}] ${choice.label}`));
  return lines.join('\n');
}
