// What every part of the console shares: the core services it uses (staff -> core only), its own session and
// sign-in services, and the guard that every API route goes through.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Cipher } from '../core/crypto.ts';
import type { Database } from '../core/db/client.ts';
import type { FlowSet } from '../core/flow/types.ts';
import type { HandoffService } from '../core/handoff/service.ts';
import type { Translator } from '../core/i18n.ts';
import type { Logger } from '../core/log.ts';
import type { StaffKeys } from './auth/keys.ts';
import type { LoginService } from './auth/login.ts';
import { can, type Permission } from './auth/roles.ts';
import { sameToken, type SessionStore, type StaffPrincipal } from './auth/sessions.ts';

/** What the console uses from the runtime. */
interface StaffServices {
  readonly db: Database;
  readonly cipher: Cipher;
  readonly translator: Translator;
  readonly flows: FlowSet;
  readonly handoff: HandoffService;
  readonly log: Logger;
}

export interface StaffConsoleOptions extends StaffServices {
  /** STAFF_SESSION_SECRET. */
  readonly sessionSecret: string;
  /** STAFF_IDLE_MINUTES. */
  readonly idleMinutes: number;
  /** PUBLIC_URL: cookies are Secure when it is https. */
  readonly publicUrl?: string | undefined;
  readonly now?: () => Date;
  /** How sign-in waits for an account under attack; tests record instead of waiting. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface StaffContext extends StaffServices {
  readonly now: () => Date;
  readonly keys: StaffKeys;
  readonly sessions: SessionStore;
  readonly login: LoginService;
  readonly idleMinutes: number;
  readonly cookie: { readonly name: string; readonly secure: boolean };
}

/** Background refreshes (the live queue) send this header, so they do not keep an idle session alive. */
export const BACKGROUND_HEADER = 'x-staff-background';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const principals = new WeakMap<FastifyRequest, StaffPrincipal>();

/** The signed-in staff member of a request that passed its guard. */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  const principal = principals.get(request);
  if (!principal) throw new Error('route has no guard');
  return principal;
}

/** The session behind the request's cookie, or null. */
export async function sessionOf(context: StaffContext, request: FastifyRequest): Promise<StaffPrincipal | null> {
  const raw = request.cookies[context.cookie.name];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  return context.sessions.resolve(unsigned.value, request.headers[BACKGROUND_HEADER] !== '1');
}

/**
 * The guard of every API route but sign-in: 401 without a valid session, 403 for a role that may not, and 403
 * for a state-changing call without the session's CSRF token.
 */
export function guard(context: StaffContext, permission: Permission | 'signed-in') {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const principal = await sessionOf(context, request);
    if (!principal) {
      await reply.code(401).send({ error: 'not signed in' });
      return;
    }
    if (permission !== 'signed-in' && !can(principal.role, permission)) {
      await reply.code(403).send({ error: 'your role may not do this' });
      return;
    }
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers[CSRF_HEADER];
      if (!sameToken(principal.csrfToken, typeof given === 'string' ? given : undefined)) {
        await reply.code(403).send({ error: 'missing or wrong CSRF token' });
        return;
      }
    }
    principals.set(request, principal);
  };
}
