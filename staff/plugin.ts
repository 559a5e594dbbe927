// The staff console as a fastify plugin (registered under /staff by app/server.ts): the JSON API under
// /staff/api, the pages under /staff and their assets under /staff/assets, with strict security headers.
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './api/accounts.ts';
import { auditRoutes } from './api/audit.ts';
import { conversationRoutes } from './api/conversations.ts';
import { flagRoutes } from './api/flags.ts';
import { referralRoutes } from './api/referrals.ts';
import { sessionRoutes } from './api/session.ts';
import { statsRoutes } from './api/stats.ts';
import { deriveStaffKeys } from './auth/keys.ts';
import { LoginService } from './auth/login.ts';
import { SessionStore } from './auth/sessions.ts';
import type { StaffConsoleOptions, StaffContext } from './context.ts';
import { pageRoutes } from './pages.ts';

// Scripts, styles and images from this origin only; no inline code, no framing, no other hosts.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export async function staffConsole(app: FastifyInstance, options: StaffConsoleOptions): Promise<void> {
  const now = options.now ?? (() => new Date());
  const keys = deriveStaffKeys(options.sessionSecret);
  const secure = options.publicUrl?.startsWith('https://') ?? false;
  const context: StaffContext = {
    db: options.db,
    cipher: options.cipher,
    translator: options.translator,
    flows: options.flows,
    handoff: options.handoff,
    log: options.log,
    now,
    keys,
    idleMinutes: options.idleMinutes,
    sessions: new SessionStore({ db: options.db, keys, idleMs: options.idleMinutes * 60_000, now }),
    login: new LoginService({
      db: options.db,
      keys,
      now,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    }),
    // "__Host-" makes the browser refuse the cookie unless it is Secure, host-only and for the whole site.
    cookie: { name: secure ? '__Host-punte_staff' : 'punte_staff', secure },
  };

  await app.register(fastifyCookie, { secret: keys.cookie, hook: 'onRequest' });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (secure) reply.header('strict-transport-security', 'max-age=31536000');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  sessionRoutes(app, context);
  flagRoutes(app, context);
  conversationRoutes(app, context);
  referralRoutes(app, context);
  statsRoutes(app, context);
  auditRoutes(app, context);
  accountRoutes(app, context);
  pageRoutes(app, context);
}
