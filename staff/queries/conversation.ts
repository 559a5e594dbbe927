// One conversation as a caseworker reads it: the transcript decrypted, its flags, referrals and notes.
import type { Cipher } from '../../core/crypto.ts';
import type { Database } from '../../core/db/client.ts';
import { parseCommandPayload, parseOptionPayload } from '../../core/flow/payload.ts';
import type { FlowSet } from '../../core/flow/types.ts';
import type { Translator } from '../../core/i18n.ts';
import { listFlags, type FlagView } from './flags.ts';
import { listReferrals, REFERRAL_STATUSES, type ReferralView } from './referrals.ts';

/** The newest this many messages are shown; older ones stay stored until retention removes them. */
const MAX_MESSAGES = 500;

export interface MessageView {
  readonly id: string;
  /** Who wrote it: the person, the bot or a staff member. */
  readonly from: 'person' | 'bot' | 'staff';
  readonly kind: string;
  readonly text: string;
  /** For a pressed button: its label, when the stored text is the button's payload. */
  readonly button: string | null;
  readonly createdAt: string;
  /** Outbound only: false while the person has not received it yet (the terminal shows it next time). */
  readonly delivered: boolean;
}

export interface ConversationView {
  readonly conversation: {
    readonly id: string;
    readonly channel: string;
    readonly language: string;
    readonly mode: string;
    readonly takenBy: { readonly id: string; readonly email: string } | null;
    readonly handoffAt: string | null;
    readonly createdAt: string;
    readonly lastSeenAt: string;
  };
  readonly messages: MessageView[];
  readonly flags: FlagView[];
  readonly referrals: ReferralView[];
  readonly notes: { readonly id: string; readonly author: string; readonly text: string; readonly createdAt: string }[];
}

export interface ConversationDeps {
  readonly db: Database;
  readonly cipher: Cipher;
  readonly translator: Translator;
  readonly flows: FlowSet;
}

/** "flow/node/option" or "cmd:name" as the words on the button, in English for staff. */
function buttonLabel(flows: FlowSet, translator: Translator, text: string): string | null {
  const command = parseCommandPayload(text);
  if (command !== undefined) return `/${command}`;
  const payload = parseOptionPayload(text);
  if (!payload) return null;
  const node = flows.flows.get(payload.flow)?.nodes.get(payload.node) as { options?: readonly { id: string; label?: unknown }[] } | undefined;
  const label = node?.options?.find((o) => o.id === payload.option)?.label;
  return typeof label === 'string' && translator.has('en', label) ? translator.t('en', label) : payload.option;
}

export async function messagesOf(deps: ConversationDeps, contactId: string, since?: Date): Promise<MessageView[]> {
  const rows = await deps.db.message.findMany({
    where: { contactId, ...(since ? { createdAt: { gt: since } } : {}) },
    orderBy: { createdAt: 'desc' },
    take: MAX_MESSAGES,
    select: { id: true, direction: true, author: true, kind: true, textEnc: true, createdAt: true, deliveredAt: true },
  });
  return rows.reverse().map((row) => {
    const text = row.textEnc ? deps.cipher.decrypt(row.textEnc) : '';
    const from = row.direction === 'in' ? 'person' : row.author === 'staff' ? 'staff' : 'bot';
    return {
      id: row.id,
      from,
      kind: row.kind,
      text,
      button: from === 'person' && row.kind === 'choice' ? buttonLabel(deps.flows, deps.translator, text) : null,
      createdAt: row.createdAt.toISOString(),
      delivered: row.deliveredAt !== null,
    };
  });
}

export async function getConversation(deps: ConversationDeps, contactId: string, now: Date): Promise<ConversationView | null> {
  const contact = await deps.db.contact.findUnique({
    where: { id: contactId },
    select: { id: true, channel: true, locale: true, mode: true, handoffStaffId: true, handoffAt: true, createdAt: true, lastSeenAt: true },
  });
  if (!contact) return null;
  const takenBy = contact.handoffStaffId
    ? await deps.db.staffUser.findUnique({ where: { id: contact.handoffStaffId }, select: { id: true, email: true } })
    : null;
  const notes = await deps.db.staffNote.findMany({
    where: { contactId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, textEnc: true, createdAt: true, staff: { select: { email: true } } },
  });
  return {
    conversation: {
      id: contact.id,
      channel: contact.channel,
      language: contact.locale,
      mode: contact.mode,
      takenBy,
      handoffAt: contact.handoffAt?.toISOString() ?? null,
      createdAt: contact.createdAt.toISOString(),
      lastSeenAt: contact.lastSeenAt.toISOString(),
    },
    messages: await messagesOf(deps, contactId),
    flags: await listFlags(deps.db, { statuses: ['open', 'assigned', 'closed'], contactId }, now),
    referrals: await listReferrals(deps, { statuses: REFERRAL_STATUSES, contactId }, true),
    notes: notes.map((note) => ({ id: note.id, author: note.staff.email, text: deps.cipher.decrypt(note.textEnc), createdAt: note.createdAt.toISOString() })),
  };
}
