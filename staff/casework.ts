// What a caseworker does to a conversation, on top of the core's handoff: taking it also assigns its open flags,
// and every step is written to the audit log (ids only).
import { audit } from './audit.ts';
import { HttpError, notFound } from './api/http.ts';
import type { StaffContext } from './context.ts';

export const OUTCOMES = ['supported', 'referred', 'information_given', 'no_contact', 'no_risk', 'duplicate'] as const;

async function contactMode(context: StaffContext, contactId: string): Promise<{ mode: string; handoffStaffId: string | null }> {
  const contact = await context.db.contact.findUnique({ where: { id: contactId }, select: { mode: true, handoffStaffId: true } });
  if (!contact) throw notFound('conversation');
  return contact;
}

/**
 * The counsellor takes the conversation: the bot steps aside and tells the person (core handoff). Taking one that
 * a colleague has only moves it to this counsellor; the person was already told.
 */
export async function takeConversation(context: StaffContext, contactId: string, staffId: string): Promise<void> {
  const contact = await contactMode(context, contactId);
  if (contact.mode !== 'human') await context.handoff.take(contactId, staffId);
  else if (contact.handoffStaffId !== staffId) {
    await context.db.contact.update({ where: { id: contactId }, data: { handoffStaffId: staffId } });
  }
  const flags = await context.db.flag.findMany({ where: { contactId, status: 'open' }, select: { id: true } });
  await context.db.flag.updateMany({ where: { contactId, status: 'open' }, data: { status: 'assigned', assigneeId: staffId } });
  const now = context.now();
  await audit(context.db, { staffId, action: 'handoff.taken', targetType: 'contact', targetId: contactId }, now);
  for (const flag of flags) await audit(context.db, { staffId, action: 'flag.assigned', targetType: 'flag', targetId: flag.id }, now);
}

/** Back to the bot, which gives the person the 24-hour numbers. */
export async function releaseConversation(context: StaffContext, contactId: string, staffId: string): Promise<void> {
  const contact = await contactMode(context, contactId);
  if (contact.mode !== 'human') throw new HttpError(409, 'the bot already has this conversation');
  await context.handoff.release(contactId, 'staff');
  await audit(context.db, { staffId, action: 'handoff.released', targetType: 'contact', targetId: contactId }, context.now());
}

/** A reply goes out through the person's channel; replying to a conversation the bot has takes it first. */
export async function replyToConversation(
  context: StaffContext,
  contactId: string,
  staffId: string,
  text: string,
): Promise<{ messageId: string; delivered: boolean }> {
  const contact = await contactMode(context, contactId);
  if (contact.mode !== 'human') await takeConversation(context, contactId, staffId);
  const result = await context.handoff.reply(contactId, staffId, text);
  await audit(context.db, { staffId, action: 'reply.sent', targetType: 'contact', targetId: contactId }, context.now());
  return result;
}

export async function addNote(context: StaffContext, contactId: string, staffId: string, text: string): Promise<string> {
  await contactMode(context, contactId);
  const note = await context.db.staffNote.create({
    data: { contactId, staffId, textEnc: context.cipher.encrypt(text), createdAt: context.now() },
    select: { id: true },
  });
  await audit(context.db, { staffId, action: 'note.added', targetType: 'contact', targetId: contactId }, context.now());
  return note.id;
}

export async function assignFlag(context: StaffContext, flagId: string, staffId: string, assigneeId: string): Promise<void> {
  const flag = await context.db.flag.findUnique({ where: { id: flagId }, select: { status: true } });
  if (!flag) throw notFound('flag');
  if (flag.status === 'closed') throw new HttpError(409, 'the flag is closed');
  const assignee = await context.db.staffUser.findUnique({ where: { id: assigneeId }, select: { role: true, disabledAt: true } });
  if (!assignee || assignee.disabledAt !== null || assignee.role === 'viewer') throw new HttpError(400, 'assigneeId: not an active caseworker or admin');
  await context.db.flag.update({ where: { id: flagId }, data: { status: 'assigned', assigneeId } });
  await audit(context.db, { staffId, action: 'flag.assigned', targetType: 'flag', targetId: flagId }, context.now());
}

export async function closeFlag(
  context: StaffContext,
  flagId: string,
  staffId: string,
  input: { outcome: (typeof OUTCOMES)[number]; note?: string | undefined },
): Promise<void> {
  const flag = await context.db.flag.findUnique({ where: { id: flagId }, select: { status: true, contactId: true, assigneeId: true } });
  if (!flag) throw notFound('flag');
  if (flag.status === 'closed') throw new HttpError(409, 'the flag is already closed');
  const now = context.now();
  await context.db.flag.update({
    where: { id: flagId },
    data: { status: 'closed', outcome: input.outcome, closedAt: now, assigneeId: flag.assigneeId ?? staffId },
  });
  await audit(context.db, { staffId, action: 'flag.closed', targetType: 'flag', targetId: flagId }, now);
  if (input.note?.trim()) await addNote(context, flag.contactId, staffId, input.note.trim());
}
