// Signing in and out. Sign-in takes JSON only (a cross-site form cannot send it, so it needs no CSRF token) and
// answers the same 401 for a wrong password and an unknown account.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isPunteError } from '../../core/errors.ts';
import { setStaffPassword } from '../accounts.ts';
import { MAX_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords.ts';
import { permissionsOf } from '../auth/roles.ts';
import { audit } from '../audit.ts';
import { guard, staffOf, type StaffContext } from '../context.ts';
import { HttpError, isJson, parse } from './http.ts';

const loginSchema = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH * 4),
});

export function sessionRoutes(app: FastifyInstance, context: StaffContext): void {
  const { db, sessions, now } = context;

  app.post('/api/login', async (request, reply) => {
    if (!isJson(request)) return reply.code(415).send({ error: 'send JSON' });
    const body = parse(loginSchema, request.body);
    const outcome = await context.login.attempt({ email: body.email, password: body.password, ip: request.ip });
    if (outcome.status === 'limited') {
      request.log.warn('staff sign-in refused: too many failures from one address');
      return reply
        .code(429)
        .header('retry-after', String(outcome.retryAfterSeconds))
        .send({ error: 'too many failed sign-ins from this address; try again later', retryAfterSeconds: outcome.retryAfterSeconds });
    }
    if (outcome.status === 'invalid') {
      request.log.info('staff sign-in failed');
      // An existing account's failed sign-ins are audited (unknown e-mails have no account to name).
      if (outcome.staffId) await audit(db, { staffId: null, action: 'login.failed', targetType: 'staff', targetId: outcome.staffId }, now());
      return reply.code(401).send({ error: 'wrong e-mail or password' });
    }
    const { token, csrfToken } = await sessions.create(outcome.staffId);
    await sessions.prune();
    await audit(db, { staffId: outcome.staffId, action: 'login.succeeded', targetType: 'staff', targetId: outcome.staffId }, now());
    void reply.setCookie(context.cookie.name, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: context.cookie.secure,
      signed: true,
    });
    const staff = await db.staffUser.findUniqueOrThrow({ where: { id: outcome.staffId }, select: { email: true } });
    return { email: staff.email, role: outcome.role, permissions: permissionsOf(outcome.role), csrfToken, idleMinutes: context.idleMinutes };
  });

  app.post('/api/logout', { preHandler: guard(context, 'signed-in') }, async (request, reply) => {
    const staff = staffOf(request);
    await sessions.destroy(staff.sessionId);
    await audit(db, { staffId: staff.staffId, action: 'logout', targetType: 'staff', targetId: staff.staffId }, now());
    void reply.clearCookie(context.cookie.name, { path: '/', httpOnly: true, sameSite: 'strict', secure: context.cookie.secure });
    return { ok: true };
  });

  // Changing one's own password (e.g. the first one an admin set) ends every session of the account.
  app.post('/api/password', { preHandler: guard(context, 'signed-in') }, async (request, reply) => {
    const body = parse(z.object({ currentPassword: z.string().max(MAX_PASSWORD_LENGTH * 4), newPassword: z.string().max(MAX_PASSWORD_LENGTH * 4) }), request.body);
    const staff = staffOf(request);
    const { passwordHash } = await db.staffUser.findUniqueOrThrow({ where: { id: staff.staffId }, select: { passwordHash: true } });
    if (!(await verifyPassword(passwordHash, body.currentPassword))) throw new HttpError(400, 'the current password is wrong');
    try {
      await setStaffPassword(db, staff.staffId, body.newPassword);
    } catch (error) {
      if (isPunteError(error, 'PUNTE_STAFF_INVALID')) throw new HttpError(400, error.message);
      throw error;
    }
    await audit(db, { staffId: staff.staffId, action: 'staff.password_changed', targetType: 'staff', targetId: staff.staffId }, now());
    void reply.clearCookie(context.cookie.name, { path: '/', httpOnly: true, sameSite: 'strict', secure: context.cookie.secure });
    return { ok: true };
  });

  app.get('/api/me', { preHandler: guard(context, 'signed-in') }, async (request) => {
    const staff = staffOf(request);
    return { email: staff.email, role: staff.role, permissions: permissionsOf(staff.role), csrfToken: staff.csrfToken, idleMinutes: context.idleMinutes };
  });
}
