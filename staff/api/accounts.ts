// Accounts, for admins: list, add, disable and re-enable. Nobody can disable themselves or the last admin.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isPunteError } from '../../core/errors.ts';
import { activeAdmins, addStaff, findStaff, listStaff, setStaffDisabled, type StaffAccount } from '../accounts.ts';
import { ROLES } from '../auth/roles.ts';
import { audit } from '../audit.ts';
import { guard, staffOf, type StaffContext } from '../context.ts';
import { HttpError, parse } from './http.ts';

const view = (account: StaffAccount) => ({
  id: account.id,
  email: account.email,
  role: account.role,
  createdAt: account.createdAt.toISOString(),
  lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
  disabledAt: account.disabledAt?.toISOString() ?? null,
});

export function accountRoutes(app: FastifyInstance, context: StaffContext): void {
  const { db, now } = context;
  const admin = { preHandler: guard(context, 'accounts.manage') };

  app.get('/api/accounts', admin, async () => ({ accounts: (await listStaff(db)).map(view) }));

  app.post('/api/accounts', admin, async (request, reply) => {
    const body = parse(z.object({ email: z.string().max(254), role: z.enum(ROLES), password: z.string().max(1024) }), request.body);
    try {
      const account = await addStaff(db, body);
      await audit(db, { staffId: staffOf(request).staffId, action: 'staff.added', targetType: 'staff', targetId: account.id }, now());
      return reply.code(201).send({ account: view(account) });
    } catch (error) {
      if (isPunteError(error, 'PUNTE_STAFF_INVALID')) throw new HttpError(400, error.message);
      throw error;
    }
  });

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/api/accounts/:id/${action}`, admin, async (request) => {
      const { id } = parse(z.object({ id: z.string().min(1).max(64) }), request.params);
      const me = staffOf(request);
      const account = await findStaff(db, { id }).catch(() => {
        throw new HttpError(404, 'no such account');
      });
      if (disabled && account.id === me.staffId) throw new HttpError(409, 'you cannot disable your own account');
      if (disabled && account.role === 'admin' && account.disabledAt === null && (await activeAdmins(db)) <= 1) {
        throw new HttpError(409, 'the last admin cannot be disabled');
      }
      const updated = await setStaffDisabled(db, id, disabled, now());
      await audit(db, { staffId: me.staffId, action: disabled ? 'staff.disabled' : 'staff.enabled', targetType: 'staff', targetId: id }, now());
      return { account: view(updated) };
    });
  }
}
