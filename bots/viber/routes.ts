// POST /webhooks/viber. Its own encapsulated fastify context keeps the raw body bytes (the signature covers
// exactly them) while every other route keeps fastify's JSON parser. Order of checks: size (413, by fastify),
// signature (401, nothing processed), JSON and fields (400), then the event.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ConversationService } from '../../core/conversation/service.ts';
import type { Logger } from '../../core/log.ts';
import type { ChannelCapabilities } from '../../core/message.ts';
import type { Deliveries } from './deliver.ts';
import { messageToInbound, startToInbound, VIBER_CHANNEL } from './inbound.ts';
import { parseCallback } from './parse.ts';
import { renderWelcome, type RenderOptions } from './render.ts';
import { SIGNATURE_HEADER, verifySignature } from './signature.ts';

export const WEBHOOK_PATH = '/webhooks/viber';
/** What `punte viber setup` subscribes to; Viber always sends "webhook" and "message" besides. */
export const EVENT_TYPES = ['conversation_started', 'subscribed', 'unsubscribed', 'delivered', 'seen', 'failed'] as const;

export interface WebhookOptions {
  readonly authToken: string;
  readonly capabilities: ChannelCapabilities;
  readonly conversations: ConversationService;
  readonly deliveries: Deliveries;
  readonly log: Logger;
  readonly render: RenderOptions;
  readonly now: () => Date;
}

export async function registerWebhook(app: FastifyInstance, options: WebhookOptions): Promise<void> {
  // Not wrapped in fastify-plugin: the raw-body parser stays inside this context.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post(WEBHOOK_PATH, async (request, reply) => handleCallback(options, request.body, request.headers[SIGNATURE_HEADER], reply));
  });
}

async function handleCallback(
  options: WebhookOptions,
  rawBody: unknown,
  signature: string | string[] | undefined,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { conversations, deliveries, log, capabilities } = options;
  const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.alloc(0);
  if (!verifySignature(body, signature, options.authToken)) {
    log.warn({ signature: signature === undefined ? 'missing' : 'invalid' }, 'Viber callback refused: bad signature');
    return reply.code(401).send({ error: 'unauthorized' });
  }
  const parsed = parseCallback(body);
  if (!parsed.ok) {
    log.warn({ reason: parsed.reason }, 'Viber callback refused: malformed');
    return reply.code(400).send({ error: 'bad request' });
  }
  const callback = parsed.callback;

  switch (callback.event) {
    case 'conversation_started': {
      const result = await conversations.handle(startToInbound(callback, options.now()), capabilities);
      if (callback.subscribed !== undefined) await conversations.setSubscribed(VIBER_CHANNEL, callback.user.id, callback.subscribed);
      // A retried callback was answered the first time; Viber allows no message but the welcome.
      if (result.duplicate || result.replies.length === 0) return reply.code(200).send();
      const welcome = renderWelcome(result.replies, options.render);
      for (const message of result.replies) await conversations.markDelivered(message.messageId);
      log.info({ event: callback.event }, 'welcome answered');
      return reply.code(200).send(welcome);
    }
    case 'message': {
      const result = await conversations.handle(messageToInbound(callback, options.now()), capabilities);
      if (result.duplicate) {
        log.info({ event: callback.event }, 'repeated Viber callback ignored');
        return reply.code(200).send();
      }
      // Writing to the bot subscribes: the person may be answered (again).
      if (result.contactId) await conversations.setSubscribed(VIBER_CHANNEL, callback.sender.id, true);
      deliveries.sendInBackground(callback.sender.id, result.replies);
      return reply.code(200).send();
    }
    case 'subscribed':
      await conversations.setSubscribed(VIBER_CHANNEL, callback.user.id, true);
      log.info({ event: callback.event }, 'a person subscribed');
      return reply.code(200).send();
    case 'unsubscribed':
      await conversations.setSubscribed(VIBER_CHANNEL, callback.userId, false);
      log.info({ event: callback.event }, 'a person unsubscribed: nothing more is sent to them');
      return reply.code(200).send();
    case 'failed':
      log.warn({ event: callback.event }, 'Viber could not deliver a message');
      return reply.code(200).send();
    case 'delivered':
    case 'seen':
      log.debug({ event: callback.event }, 'message receipt');
      return reply.code(200).send();
    case 'webhook':
      log.info({ event: callback.event }, 'Viber checked the webhook');
      return reply.code(200).send();
    default:
      return reply.code(200).send();
  }
}
