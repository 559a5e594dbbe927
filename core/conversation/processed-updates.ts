// De-duplication keeps the ids of processed updates for a while only. A channel's retries stop after a known
// time (Telegram keeps an update at most 24 hours), and some channels reuse or randomise ids later (Telegram's
// update_id turns random after a week without updates), so an old id must not shadow a new update forever.
import type { Database } from '../db/client.ts';

export interface PruneOptions {
  /** Only this channel's ids; every channel's when omitted. */
  readonly channel?: string;
  /** How long an id is remembered. */
  readonly ttlMs: number;
  readonly now: Date;
}

/** Forgets processed-update ids older than the time-to-live; returns how many went. */
export async function pruneProcessedUpdates(db: Database, options: PruneOptions): Promise<number> {
  const before = new Date(options.now.getTime() - options.ttlMs);
  const { count } = await db.processedUpdate.deleteMany({
    where: { createdAt: { lt: before }, ...(options.channel !== undefined ? { channel: options.channel } : {}) },
  });
  return count;
}
