// POST /webhooks/telegram through grammY's fastify adapter. The secret header is checked first, in constant
// time over fixed-length digests (the length of the secret leaks nothing either), before the body is read: a
// request without the right secret gets 401 and changes nothing. A body that is not an update gets 400.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { webhookCallback, type Bot } from 'grammy';
import { WEBHOOK_TIMEOUT_MS } from './limits.ts';

export const WEBHOOK_PATH = '/webhooks/telegram';
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function secretMatches(header: unknown, expected: Buffer): boolean {
  return typeof header === 'string' && timingSafeEqual(digest(header), expected);
}

export function webhookRoutes(bot: Bot, secret: string): (app: FastifyInstance) => Promise<void> {
  const expected = digest(secret);
  // grammY checks the header too; ours runs first and also keeps grammY from calling getMe for strangers.
  const callback = webhookCallback(bot, 'fastify', { secretToken: secret, onTimeout: 'throw', timeoutMilliseconds: WEBHOOK_TIMEOUT_MS });
  return async (app) => {
    app.post(
      WEBHOOK_PATH,
      {
        onRequest: async (request, reply) => {
          if (!secretMatches(request.headers[SECRET_HEADER], expected)) return reply.code(401).send({ error: 'unauthorized' });
        },
        // Only what the bot relies on; Telegram adds fields without notice.
        schema: { body: { type: 'object', required: ['update_id'], properties: { update_id: { type: 'integer' } } } },
      },
      callback,
    );
  };
}
