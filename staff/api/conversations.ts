// A conversation: reading it (every read goes to the audit log), replying through the person's channel, taking
// it from the bot and handing it back, notes, and the canned replies.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { cannedReplies } from '../canned.ts';
import { addNote, releaseConversation, replyToConversation, takeConversation } from '../casework.ts';
import { guard, staffOf, type StaffContext } from '../context.ts';
import { getConversation, messagesOf } from '../queries/conversation.ts';
import { staffLocale } from '../ui-strings.ts';
import { notFound, parse } from './http.ts';

/** Long enough for any reply; Telegram and Viber split long ones. */
const MAX_REPLY_LENGTH = 4000;
const idParams = z.object({ id: z.string().min(1).max(64) });
const textBody = z.object({ text: z.string().trim().min(1).max(MAX_REPLY_LENGTH) });

export function conversationRoutes(app: FastifyInstance, context: StaffContext): void {
  const { db, now } = context;

  app.get('/api/conversations/:id', { preHandler: guard(context, 'transcript.read') }, async (request) => {
    const { id } = parse(idParams, request.params);
    const view = await getConversation(context, id, now());
    if (!view) throw notFound('conversation');
    await audit(db, { staffId: staffOf(request).staffId, action: 'transcript.read', targetType: 'contact', targetId: id }, now());
    return view;
  });

  // What arrived since the page last looked: a read too, audited when it shows anything new.
  app.get('/api/conversations/:id/messages', { preHandler: guard(context, 'transcript.read') }, async (request) => {
    const { id } = parse(idParams, request.params);
    const { since } = parse(z.object({ since: z.iso.datetime().optional() }), request.query);
    const contact = await db.contact.findUnique({ where: { id }, select: { mode: true, handoffStaffId: true } });
    if (!contact) throw notFound('conversation');
    const messages = await messagesOf(context, id, since ? new Date(since) : undefined);
    if (messages.length > 0) {
      await audit(db, { staffId: staffOf(request).staffId, action: 'transcript.read', targetType: 'contact', targetId: id }, now());
    }
    return { mode: contact.mode, takenById: contact.handoffStaffId, messages };
  });

  app.post('/api/conversations/:id/reply', { preHandler: guard(context, 'conversation.act') }, async (request) => {
    const { id } = parse(idParams, request.params);
    const { text } = parse(textBody, request.body);
    return replyToConversation(context, id, staffOf(request).staffId, text);
  });

  app.post('/api/conversations/:id/take', { preHandler: guard(context, 'conversation.act') }, async (request) => {
    const { id } = parse(idParams, request.params);
    await takeConversation(context, id, staffOf(request).staffId);
    return { ok: true };
  });

  app.post('/api/conversations/:id/release', { preHandler: guard(context, 'conversation.act') }, async (request) => {
    const { id } = parse(idParams, request.params);
    await releaseConversation(context, id, staffOf(request).staffId);
    return { ok: true };
  });

  app.post('/api/conversations/:id/notes', { preHandler: guard(context, 'conversation.act') }, async (request, reply) => {
    const { id } = parse(idParams, request.params);
    const { text } = parse(textBody, request.body);
    const noteId = await addNote(context, id, staffOf(request).staffId, text);
    return reply.code(201).send({ id: noteId });
  });

  app.get('/api/canned', { preHandler: guard(context, 'conversation.act') }, async (request) => ({
    replies: cannedReplies(context.translator, context.flows, staffLocale(request)),
  }));
}
