// Aggregates for the dashboard, as JSON and as CSV.
import type { FastifyInstance } from 'fastify';
import { audit } from '../audit.ts';
import { guard, staffOf, type StaffContext } from '../context.ts';
import { computeStats, statsCsv } from '../queries/stats.ts';

export function statsRoutes(app: FastifyInstance, context: StaffContext): void {
  app.get('/api/stats', { preHandler: guard(context, 'stats.read') }, async () => computeStats(context.db, context.now()));

  app.get('/api/stats.csv', { preHandler: guard(context, 'stats.read') }, async (request, reply) => {
    const now = context.now();
    const csv = statsCsv(await computeStats(context.db, now));
    await audit(context.db, { staffId: staffOf(request).staffId, action: 'stats.exported' }, now);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="punte-stats-${now.toISOString().slice(0, 10)}.csv"`)
      .send(csv);
  });
}
