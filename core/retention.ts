// Retention: transcripts are not kept forever. Messages and staff notes older than RETENTION_DAYS are deleted,
// except in conversations staff are still working on (an open or assigned flag), which keep their whole story
// until closed.
import type { Database } from './db/client.ts';

export async function purgeOldMessages(db: Database, options: { retentionDays: number; now: Date }): Promise<number> {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 24 * 60 * 60_000);
  const settled = { flags: { none: { status: { in: ['open', 'assigned'] } } } };
  const result = await db.message.deleteMany({ where: { createdAt: { lt: cutoff }, contact: settled } });
  await db.staffNote.deleteMany({ where: { createdAt: { lt: cutoff }, contact: settled } });
  await db.channelMessage.deleteMany({ where: { createdAt: { lt: cutoff } } });
  // A call-back number is needed only until the call is done or cancelled.
  await db.referral.updateMany({
    where: { status: { in: ['done', 'cancelled'] }, updatedAt: { lt: cutoff }, phoneEnc: { not: null } },
    data: { phoneEnc: null },
  });
  return result.count;
}
