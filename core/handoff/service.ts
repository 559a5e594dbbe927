// Handoff between the bot and a counsellor. While a counsellor has a conversation, the person's messages go to
// the staff console instead of the flows (the engine stays silent, except for the emergency answer, quick exit
// and "forget"), and the counsellor's replies go out through the person's channel. Handing back, or no reply
// from staff within the timeout, returns the person to the bot with the hotline numbers.
import type { ChannelRegistry } from '../channels.ts';
import type { Cipher } from '../crypto.ts';
import type { ConversationService } from '../conversation/service.ts';
import type { Database } from '../db/client.ts';
import type { FlowSet } from '../flow/types.ts';
import type { Translator } from '../i18n.ts';
import { isLocale } from '../locales.ts';
import type { Logger } from '../log.ts';

export type ReleaseReason = 'staff' | 'timeout';

export interface HandoffOptions {
  readonly db: Database;
  readonly cipher: Cipher;
  readonly registry: ChannelRegistry;
  readonly conversations: ConversationService;
  readonly translator: Translator;
  readonly flows: FlowSet;
  readonly log: Logger;
  readonly timeoutMs: number;
  readonly now?: () => Date;
}

interface ContactRow {
  readonly id: string;
  readonly channel: string;
  readonly channelUserIdEnc: string;
  readonly locale: string;
}

const CONTACT_FIELDS = { id: true, channel: true, channelUserIdEnc: true, locale: true } as const;

export class HandoffService {
  private readonly now: () => Date;
  private readonly variables: Record<string, string>;

  constructor(private readonly options: HandoffOptions) {
    this.now = options.now ?? (() => new Date());
    this.variables = Object.fromEntries([...options.flows.contacts].map(([id, contact]) => [id, contact.display]));
  }

  /** A counsellor takes the conversation: the bot steps aside and tells the person a person is writing now. */
  async take(contactId: string, staffId: string): Promise<void> {
    const contact = await this.options.db.contact.update({
      where: { id: contactId },
      data: { mode: 'human', handoffStaffId: staffId, handoffAt: this.now(), lastStaffReplyAt: null },
      select: CONTACT_FIELDS,
    });
    await this.tell(contact, 'common:handoff.taken');
  }

  /** A counsellor's reply, stored (encrypted) and sent through the person's channel. */
  async reply(contactId: string, staffId: string, text: string): Promise<{ messageId: string; delivered: boolean }> {
    const now = this.now();
    const contact = await this.options.db.contact.update({
      where: { id: contactId },
      data: { lastStaffReplyAt: now },
      select: CONTACT_FIELDS,
    });
    const message = await this.options.db.message.create({
      data: { contactId, direction: 'out', author: 'staff', kind: 'reply', textEnc: this.options.cipher.encrypt(text), createdAt: now },
      select: { id: true },
    });
    this.options.log.info({ contactId, staffId }, 'counsellor replied');
    const delivered = await this.deliver(contact, [message.id]);
    return { messageId: message.id, delivered: delivered.includes(message.id) };
  }

  /** Back to the bot, with the numbers that work day and night. */
  async release(contactId: string, reason: ReleaseReason): Promise<void> {
    const contact = await this.options.db.contact.update({
      where: { id: contactId },
      data: { mode: 'bot', handoffStaffId: null, handoffAt: null, lastStaffReplyAt: null },
      select: CONTACT_FIELDS,
    });
    if (reason === 'timeout') {
      // The counsellor went silent: their flags go back to the queue, open and unassigned, so nothing waits unseen.
      await this.options.db.flag.updateMany({ where: { contactId, status: 'assigned' }, data: { status: 'open', assigneeId: null } });
    }
    await this.tell(contact, reason === 'timeout' ? 'common:handoff.timeout' : 'common:handoff.returned');
  }

  /** Returns to the bot every conversation whose counsellor has been silent longer than the timeout. */
  async expireIdle(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - this.options.timeoutMs);
    const idle = await this.options.db.contact.findMany({
      where: {
        mode: 'human',
        OR: [{ lastStaffReplyAt: { lt: cutoff } }, { lastStaffReplyAt: null, handoffAt: { lt: cutoff } }],
      },
      select: { id: true },
    });
    for (const contact of idle) {
      // One that fails (e.g. the person deleted their data at that moment) does not hold up the others.
      await this.release(contact.id, 'timeout').catch((error: Error) =>
        this.options.log.warn({ contactId: contact.id, reason: error.message.slice(0, 200) }, 'handing back after the timeout failed'),
      );
    }
    if (idle.length > 0) this.options.log.info({ count: idle.length }, 'conversations returned to the bot after the handoff timeout');
    return idle.length;
  }

  private async tell(contact: ContactRow, key: string): Promise<void> {
    const locale = isLocale(contact.locale) ? contact.locale : 'ro';
    const text = this.options.translator.t(locale, key, this.variables);
    const message = await this.options.db.message.create({
      data: { contactId: contact.id, direction: 'out', author: 'bot', kind: 'reply', textEnc: this.options.cipher.encrypt(text), createdAt: this.now() },
      select: { id: true },
    });
    await this.deliver(contact, [message.id]);
  }

  /**
   * Sends these new messages through the person's channel, when it can push and nobody has asked us not to
   * write first (quick exit, unsubscribed, blocked). Only these: older undelivered ones (refused before, or
   * replies a turn is still delivering) are never sent in a burst. Channels that cannot push (the terminal)
   * show them the next time the person is there. Returns the ids of the messages delivered.
   */
  private async deliver(contact: ContactRow, messageIds: readonly string[]): Promise<string[]> {
    const sender = this.options.registry.get(contact.channel);
    if (!sender || !sender.capabilities.canPushLater) return [];
    const channelUserId = this.options.cipher.decrypt(contact.channelUserIdEnc);
    if (!(await this.options.conversations.mayPush(contact.channel, channelUserId))) return [];
    const pending = (await this.options.conversations.undelivered(contact.channel, channelUserId)).filter((m) => messageIds.includes(m.messageId));
    const delivered: string[] = [];
    try {
      await sender.send(channelUserId, pending, async (messageId, channelMessageIds) => {
        await this.options.conversations.markDelivered(messageId, channelMessageIds);
        delivered.push(messageId);
      });
    } catch (error) {
      this.options.log.warn({ contactId: contact.id, channel: contact.channel, reason: (error as Error).message.slice(0, 200) }, 'delivery failed; will retry');
    }
    return delivered;
  }
}
