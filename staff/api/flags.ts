// The queue's API: flags (urgent first, then newest), assigning and closing them.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assignFlag, closeFlag, OUTCOMES } from '../casework.ts';
import { guard, staffOf, type StaffContext } from '../context.ts';
import { FLAG_STATUSES, listFlags, SEVERITY_ORDER } from '../queries/flags.ts';
import { parse } from './http.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const filterSchema = z.object({
  // "active" (the default) is open and assigned together: what still needs someone.
  status: z.enum([...FLAG_STATUSES, 'active']).default('active'),
  severity: z.enum(SEVERITY_ORDER).optional(),
  category: z.string().max(64).optional(),
  channel: z.string().max(64).optional(),
  language: z.string().max(8).optional(),
});
const emptyToUndefined = (query: unknown) =>
  Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter(([, value]) => value !== ''));

export function flagRoutes(app: FastifyInstance, context: StaffContext): void {
  app.get('/api/flags', { preHandler: guard(context, 'queue.read') }, async (request) => {
    const filter = parse(filterSchema, emptyToUndefined(request.query));
    const statuses = filter.status === 'active' ? (['open', 'assigned'] as const) : [filter.status];
    return { flags: await listFlags(context.db, { ...filter, statuses }, context.now()) };
  });

  app.post('/api/flags/:id/assign', { preHandler: guard(context, 'conversation.act') }, async (request) => {
    const { id } = parse(idParams, request.params);
    const body = parse(z.object({ assigneeId: z.string().max(64).optional() }), request.body);
    const staff = staffOf(request);
    await assignFlag(context, id, staff.staffId, body.assigneeId ?? staff.staffId);
    return { ok: true };
  });

  app.post('/api/flags/:id/close', { preHandler: guard(context, 'conversation.act') }, async (request) => {
    const { id } = parse(idParams, request.params);
    const body = parse(z.object({ outcome: z.enum(OUTCOMES), note: z.string().max(4000).optional() }), request.body);
    await closeFlag(context, id, staffOf(request).staffId, body);
    return { ok: true };
  });
}
