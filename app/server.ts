// Builds the HTTP server (fastify) without listening, so tests inject requests; `serve` listens.
// Channels register here as fastify plugins as they arrive.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { staffConsole } from '../staff/plugin.ts';
import type { Runtime } from './runtime.ts';

/**
 * TRUST_PROXY as fastify takes it: a number of hops becomes "trust the nearest N", and `true` means one proxy.
 * (fastify's own `true` would believe the leftmost X-Forwarded-For entry, which the client writes, letting
 * anyone pick a new address for each sign-in attempt.)
 */
export function trustProxy(setting: boolean | number | string): boolean | string | ((address: string, hop: number) => boolean) {
  const hops = setting === true ? 1 : setting;
  return typeof hops === 'number' ? (_address, hop) => hop < hops : hops;
}

export async function buildServer(runtime: Runtime): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: runtime.log as FastifyBaseLogger,
    bodyLimit: runtime.config.BODY_LIMIT_BYTES,
    // Behind a reverse proxy the client's address (for the sign-in rate limit) comes from X-Forwarded-For.
    trustProxy: trustProxy(runtime.config.TRUST_PROXY),
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: { message: error.message, stack: error.stack } }, 'request failed');
    void reply.status(status).send({ error: status >= 500 ? 'internal error' : error.message });
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  for (const channel of runtime.channels) await channel.routes?.(app);

  // The staff console: pages under /staff, its JSON API under /staff/api.
  await app.register(staffConsole, {
    prefix: '/staff',
    db: runtime.db,
    cipher: runtime.cipher,
    translator: runtime.translator,
    flows: runtime.flows,
    handoff: runtime.handoff,
    log: runtime.log,
    sessionSecret: runtime.secrets.STAFF_SESSION_SECRET,
    idleMinutes: runtime.config.STAFF_IDLE_MINUTES,
    publicUrl: runtime.config.PUBLIC_URL,
  });

  await app.ready();
  return app;
}
