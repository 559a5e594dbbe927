// The audit log, newest first, for admins.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { guard, type StaffContext } from '../context.ts';
import { parse } from './http.ts';

const PAGE = 100;

export function auditRoutes(app: FastifyInstance, context: StaffContext): void {
  app.get('/api/audit', { preHandler: guard(context, 'audit.read') }, async (request) => {
    const query = parse(
      z.object({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(500).default(PAGE) }),
      request.query,
    );
    const rows = await context.db.auditLog.findMany({
      where: query.before ? { id: { lt: query.before } } : {},
      orderBy: { id: 'desc' },
      take: query.limit,
    });
    const staffIds = [...new Set(rows.map((row) => row.staffId).filter((id): id is string => id !== null))];
    const emails = new Map((await context.db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, email: true } })).map((s) => [s.id, s.email]));
    return {
      entries: rows.map((row) => ({
        id: row.id,
        at: row.createdAt.toISOString(),
        staff: row.staffId ? (emails.get(row.staffId) ?? row.staffId) : null,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
      })),
      next: rows.length === query.limit ? rows.at(-1)!.id : null,
    };
  });
}
