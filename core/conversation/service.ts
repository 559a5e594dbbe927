// The conversation service hosts the engine: it de-duplicates inbound updates, keeps one person's updates in
// order, loads and validates the session, runs one engine step and stores everything the step produced in one
// transaction. Only then does the channel deliver the replies, so an acknowledged update is never lost.
import type { Cipher } from '../crypto.ts';
import type { Database } from '../db/client.ts';
import type { Engine } from '../engine/engine.ts';
import type { FlowSet } from '../flow/types.ts';
import type { CentreHours } from '../handoff/hours.ts';
import { isLocale, type Locale } from '../locales.ts';
import type { Logger } from '../log.ts';
import type { ChannelCapabilities, Inbound, OutboundMessage, TurnResult, VisibleMessage } from '../message.ts';
import type { SessionState } from '../session.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { pruneProcessedUpdates } from './processed-updates.ts';
import { storeEvents } from './events.ts';
import { openSession, sealSession } from './session-store.ts';

export interface ConversationServiceOptions {
  readonly db: Database;
  readonly cipher: Cipher;
  readonly engine: Engine;
  readonly flows: FlowSet;
  readonly log: Logger;
  readonly defaultLocale: Locale;
  /** The folder flows were loaded from, for actions that read content of their own. */
  readonly flowsDir?: string;
  readonly centreHours?: CentreHours;
  readonly now?: () => Date;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

export class ConversationService {
  private readonly queue = new KeyedQueue();
  private readonly now: () => Date;

  constructor(private readonly options: ConversationServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Runs one inbound update; two updates of one person never run at once. */
  handle(inbound: Inbound, capabilities: ChannelCapabilities): Promise<TurnResult> {
    const userKey = this.options.cipher.blindIndex(inbound.channelUserId);
    return this.queue.run(`${inbound.channel}\u0000${userKey}`, () => this.process(inbound, capabilities, userKey));
  }

  private async process(inbound: Inbound, capabilities: ChannelCapabilities, userKey: string): Promise<TurnResult> {
    const { db, cipher, engine, log } = this.options;
    const duplicate = (): TurnResult => ({ duplicate: true, contactId: null, locale: this.options.defaultLocale, replies: [], hideHistory: null });

    const seen = await db.processedUpdate.findUnique({
      where: { channel_externalId: { channel: inbound.channel, externalId: inbound.externalId } },
    });
    if (seen) return duplicate();

    const contact = await db.contact.findUnique({
      where: { channel_channelUserKey: { channel: inbound.channel, channelUserKey: userKey } },
      include: { session: true },
    });
    const storedLocale: Locale = contact && isLocale(contact.locale) ? contact.locale : this.options.defaultLocale;
    const session: SessionState | null = contact?.session
      ? openSession({ cipher, sealed: contact.session.state, contactId: contact.id, locale: storedLocale, home: this.options.flows.home, log })
      : null;

    const now = this.now();
    const step = await engine.step({
      session,
      inbound,
      now,
      canDeleteMessages: capabilities.canDeleteMessages,
      handoff: contact?.mode === 'human',
      services: {
        db,
        contactId: contact?.id ?? null,
        ...(this.options.flowsDir ? { flowsDir: this.options.flowsDir } : {}),
        ...(this.options.centreHours ? { centreHours: this.options.centreHours } : {}),
      },
    });
    const forget = step.events.some((event) => event.type === 'forget');
    const hide = step.events.some((event) => event.type === 'hideHistory');
    // Quick exit: someone else may hold the phone now, so nothing is sent to it until the person writes again,
    // and a counsellor who had the conversation hands it back without a word (a flag tells them why).
    const quickExit = hide && !forget;
    const leftHandoff = quickExit && contact?.mode === 'human';
    // Read before the transaction: forgetting deletes these rows.
    const visible = hide && contact ? await this.visibleMessages(contact.id) : [];

    try {
      return await db.$transaction(async (tx) => {
        // The first write claims the update; a concurrent copy of it fails here on the unique key.
        await tx.processedUpdate.create({ data: { channel: inbound.channel, externalId: inbound.externalId, createdAt: now } });

        if (forget) {
          if (contact) await tx.contact.delete({ where: { id: contact.id } });
          log.info({ channel: inbound.channel }, 'a person deleted their data');
          const replies = step.replies.map((reply): OutboundMessage => ({ messageId: '', reply }));
          return { duplicate: false, contactId: null, locale: step.session.locale, replies, hideHistory: visible };
        }

        const contactId = contact
          ? (
              await tx.contact.update({
                where: { id: contact.id },
                data: {
                  locale: step.session.locale,
                  lastSeenAt: now,
                  // Writing again ends the quiet; merely opening a chat (kind start) does not.
                  ...(quickExit ? { quietSince: now } : inbound.kind === 'start' ? {} : { quietSince: null }),
                  ...(leftHandoff ? { mode: 'bot', handoffStaffId: null, handoffAt: null, lastStaffReplyAt: null } : {}),
                },
                select: { id: true },
              })
            ).id
          : (
              await tx.contact.create({
                data: {
                  channel: inbound.channel,
                  channelUserKey: userKey,
                  channelUserIdEnc: cipher.encrypt(inbound.channelUserId),
                  locale: step.session.locale,
                  createdAt: now,
                  lastSeenAt: now,
                },
                select: { id: true },
              })
            ).id;

        const inboundText = inbound.text ?? inbound.payload;
        await tx.message.create({
          data: {
            contactId,
            direction: 'in',
            kind: inbound.kind,
            textEnc: inboundText === undefined ? null : cipher.encrypt(inboundText),
            channelMessageId: inbound.channelMessageId ?? null,
            createdAt: now,
            deliveredAt: now,
          },
        });
        if (inbound.channelMessageId !== undefined) {
          await tx.channelMessage.create({ data: { contactId, channelMessageId: inbound.channelMessageId, createdAt: now } });
        }
        // Once the channel is asked to hide them, they are no longer ours to track.
        if (hide && visible.length > 0) await tx.channelMessage.deleteMany({ where: { contactId } });
        const replies: OutboundMessage[] = [];
        for (const [index, reply] of step.replies.entries()) {
          const row = await tx.message.create({
            // Milliseconds apart so the transcript keeps the order in which the replies were said.
            data: { contactId, direction: 'out', kind: 'reply', textEnc: cipher.encrypt(reply.text), createdAt: new Date(now.getTime() + index + 1) },
            select: { id: true },
          });
          replies.push({ messageId: row.id, reply });
        }
        await storeEvents(tx, cipher, contactId, step.events, now);
        if (leftHandoff) {
          await tx.flag.create({ data: { contactId, severity: 'high', category: 'quick_exit', reason: 'handoff:quick_exit', createdAt: now } });
        }
        const state = sealSession(cipher, step.session);
        await tx.session.upsert({ where: { contactId }, create: { contactId, state }, update: { state } });
        return { duplicate: false, contactId, locale: step.session.locale, replies, hideHistory: hide ? visible : null };
      });
    } catch (error) {
      if (isUniqueViolation(error)) return duplicate();
      throw error;
    }
  }

  private async visibleMessages(contactId: string): Promise<VisibleMessage[]> {
    const rows = await this.options.db.channelMessage.findMany({
      where: { contactId },
      select: { channelMessageId: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => ({ channelMessageId: row.channelMessageId, createdAt: row.createdAt }));
  }

  /**
   * The channel showed a stored reply: note that the person has it, and the channel's ids of the message(s) it
   * became (a long reply may be split), so quick exit can delete them later.
   */
  async markDelivered(messageId: string, channelMessageIds: readonly string[] = []): Promise<void> {
    if (messageId === '') return;
    const now = this.now();
    const message = await this.options.db.message.update({
      where: { id: messageId },
      data: { deliveredAt: now, ...(channelMessageIds[0] !== undefined ? { channelMessageId: channelMessageIds[0] } : {}) },
      select: { contactId: true },
    });
    if (channelMessageIds.length > 0) {
      await this.options.db.channelMessage.createMany({
        data: channelMessageIds.map((channelMessageId) => ({ contactId: message.contactId, channelMessageId, createdAt: now })),
      });
    }
  }

  /** Forgets one channel's processed-update ids older than `ttlMs` (see processed-updates.ts); returns how many. */
  pruneProcessedUpdates(channel: string, ttlMs: number): Promise<number> {
    return pruneProcessedUpdates(this.options.db, { channel, ttlMs, now: this.now() });
  }

  /**
   * Records whether the channel lets us write to this person first (Viber: subscribed or not). Queued with the
   * person's turns so it keeps their order; nothing is stored about someone we do not know.
   */
  setSubscribed(channel: string, channelUserId: string, subscribed: boolean): Promise<void> {
    const channelUserKey = this.options.cipher.blindIndex(channelUserId);
    return this.queue.run(`${channel}\u0000${channelUserKey}`, async () => {
      await this.options.db.contact.updateMany({
        where: { channel, channelUserKey, unsubscribedAt: subscribed ? { not: null } : null },
        data: { unsubscribedAt: subscribed ? null : this.now() },
      });
    });
  }

  /** False when the person is known not to be subscribed; for anyone else the channel decides. */
  async isSubscribed(channel: string, channelUserId: string): Promise<boolean> {
    const contact = await this.options.db.contact.findUnique({
      where: { channel_channelUserKey: { channel, channelUserKey: this.options.cipher.blindIndex(channelUserId) } },
      select: { unsubscribedAt: true },
    });
    return contact?.unsubscribedAt == null;
  }

  /**
   * Whether we may write to this person first (a counsellor's reply, a hand-back): not after quick exit until
   * they write again, and never when the channel says they are unsubscribed or blocked the bot.
   */
  async mayPush(channel: string, channelUserId: string): Promise<boolean> {
    const contact = await this.options.db.contact.findUnique({
      where: { channel_channelUserKey: { channel, channelUserKey: this.options.cipher.blindIndex(channelUserId) } },
      select: { unsubscribedAt: true, quietSince: true },
    });
    return contact !== null && contact.unsubscribedAt === null && contact.quietSince === null;
  }

  /** Whether this person has written before (and has not asked to be forgotten). */
  async knows(channel: string, channelUserId: string): Promise<boolean> {
    const contact = await this.options.db.contact.findUnique({
      where: { channel_channelUserKey: { channel, channelUserKey: this.options.cipher.blindIndex(channelUserId) } },
      select: { id: true },
    });
    return contact !== null;
  }

  /** Replies stored for a person but not yet shown (e.g. a counsellor wrote while the terminal was closed). */
  async undelivered(channel: string, channelUserId: string): Promise<OutboundMessage[]> {
    const contact = await this.options.db.contact.findUnique({
      where: { channel_channelUserKey: { channel, channelUserKey: this.options.cipher.blindIndex(channelUserId) } },
      select: { id: true },
    });
    if (!contact) return [];
    const rows = await this.options.db.message.findMany({
      where: { contactId: contact.id, direction: 'out', deliveredAt: null },
      orderBy: { createdAt: 'asc' },
      select: { id: true, textEnc: true },
    });
    return rows.map((row) => ({ messageId: row.id, reply: { text: row.textEnc ? this.options.cipher.decrypt(row.textEnc) : '' } }));
  }
}
