// Sends stored replies with send_message, one person's deliveries strictly in order (a turn's replies never
// overtake the previous turn's). Nothing goes to someone known not to be subscribed; a "not subscribed" answer
// from Viber is recorded so nobody is written to again until they write.
import { KeyedQueue } from '../../core/conversation/keyed-queue.ts';
import type { ConversationService } from '../../core/conversation/service.ts';
import type { Logger } from '../../core/log.ts';
import type { OutboundMessage } from '../../core/message.ts';
import { ViberApiError, type ViberApi } from './client.ts';
import { VIBER_CHANNEL } from './inbound.ts';
import { renderTurn, type RenderOptions } from './render.ts';

export type Delivered = (messageId: string, channelMessageIds: readonly string[]) => Promise<void>;

export class NotSubscribedError extends Error {
  constructor() {
    super('not sent: the person is not subscribed to the Viber bot');
    this.name = 'NotSubscribedError';
  }
}

export interface DeliveriesOptions {
  readonly api: ViberApi;
  readonly conversations: ConversationService;
  readonly log: Logger;
  readonly render: RenderOptions;
}

export class Deliveries {
  private readonly queue = new KeyedQueue();
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly options: DeliveriesOptions) {}

  /** Delivers in order with this person's other deliveries; throws when nothing or not everything was sent. */
  send(userId: string, messages: readonly OutboundMessage[], delivered: Delivered): Promise<void> {
    const task = this.queue.run(userId, () => this.deliver(userId, messages, delivered));
    this.running.add(task);
    void task.then(
      () => this.running.delete(task),
      () => this.running.delete(task),
    );
    return task;
  }

  /** A turn's replies, sent after the webhook has answered; failures are logged (the replies stay undelivered). */
  sendInBackground(userId: string, messages: readonly OutboundMessage[]): void {
    if (messages.length === 0) return;
    const delivered: Delivered = (messageId, ids) => this.options.conversations.markDelivered(messageId, ids);
    this.send(userId, messages, delivered).catch(() => {
      // already logged in deliver()
    });
  }

  /** Resolves once every delivery started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    // Bounded: each round waits for the deliveries present at its start; new ones only come from new callbacks.
    for (let round = 0; round < 100 && this.running.size > 0; round += 1) {
      await Promise.allSettled([...this.running]);
    }
  }

  private async deliver(userId: string, messages: readonly OutboundMessage[], delivered: Delivered): Promise<void> {
    const { api, conversations, log } = this.options;
    if (!(await conversations.isSubscribed(VIBER_CHANNEL, userId))) {
      log.info({ messages: messages.length }, 'replies not sent: the person is not subscribed');
      throw new NotSubscribedError();
    }
    try {
      for (const rendered of renderTurn(messages, this.options.render)) {
        const tokens: string[] = [];
        for (const body of rendered.bodies) {
          const token = await api.sendMessage({ receiver: userId, ...body });
          if (token !== undefined) tokens.push(token);
        }
        await delivered(rendered.messageId, tokens);
      }
    } catch (error) {
      if (!(error instanceof ViberApiError)) {
        log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'replies not delivered');
        throw error;
      }
      const fields = { endpoint: error.endpoint, status: error.status, statusName: error.statusName };
      if (error.problem === 'notSubscribed') {
        await conversations.setSubscribed(VIBER_CHANNEL, userId, false);
        log.info(fields, `replies not delivered: ${error.message}`);
      } else if (error.problem === 'rateLimited' || error.problem === 'unavailable') {
        log.warn(fields, `replies not delivered: ${error.message}`);
      } else {
        log.error(fields, `replies not delivered: ${error.message}`);
      }
      throw error;
    }
  }
}
