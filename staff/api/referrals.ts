// Referrals: call-back and counsellor requests. Phone numbers are decrypted only for roles that may call, and a
// list that shows them is written to the audit log.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can } from '../auth/roles.ts';
import { audit } from '../audit.ts';
import { guard, staffOf, type StaffContext } from '../context.ts';
import { listReferrals, REFERRAL_STATUSES } from '../queries/referrals.ts';
import { notFound, parse } from './http.ts';

const ACTIVE = ['requested', 'scheduled'] as const;

export function referralRoutes(app: FastifyInstance, context: StaffContext): void {
  const { db, now } = context;

  app.get('/api/referrals', { preHandler: guard(context, 'referrals.read') }, async (request) => {
    const query = parse(z.object({ status: z.enum([...REFERRAL_STATUSES, 'active', 'all']).default('active') }), request.query);
    const statuses = query.status === 'active' ? ACTIVE : query.status === 'all' ? REFERRAL_STATUSES : [query.status];
    const staff = staffOf(request);
    const withPhones = can(staff.role, 'referrals.phone');
    const referrals = await listReferrals(context, { statuses }, withPhones);
    if (withPhones && referrals.some((referral) => referral.phone !== null)) {
      await audit(db, { staffId: staff.staffId, action: 'referrals.read', targetType: 'referral' }, now());
    }
    return { referrals };
  });

  app.patch('/api/referrals/:id', { preHandler: guard(context, 'referrals.update') }, async (request) => {
    const { id } = parse(z.object({ id: z.string().min(1).max(64) }), request.params);
    const { status } = parse(z.object({ status: z.enum(REFERRAL_STATUSES) }), request.body);
    const { count } = await db.referral.updateMany({ where: { id }, data: { status } });
    if (count === 0) throw notFound('referral');
    await audit(db, { staffId: staffOf(request).staffId, action: 'referral.updated', targetType: 'referral', targetId: id }, now());
    return { ok: true };
  });
}
