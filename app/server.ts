// Builds the HTTP server (fastify) without listening, so tests inject requests; `serve` listens.
// Channels register here as fastify plugins as they arrive.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Runtime } from './runtime.ts';

export async function buildServer(runtime: Runtime): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: runtime.log as FastifyBaseLogger,
    bodyLimit: runtime.config.BODY_LIMIT_BYTES,
    // Request logs carry method, route and status only: never bodies, which hold people's messages.
    disableRequestLogging: false,
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: { message: error.message, stack: error.stack } }, 'request failed');
    void reply.status(status).send({ error: status >= 500 ? 'internal error' : error.message });
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  for (const channel of runtime.channels) await channel.routes?.(app);

  await app.ready();
  return app;
}
