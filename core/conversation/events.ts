// Stores what a turn asked for besides replies (flags, referrals, job-offer results) inside the turn's
// transaction, so a flag is never lost and never raised for a turn that was rolled back.
import type { Cipher } from '../crypto.ts';
import type { Database } from '../db/client.ts';
import type { EngineEvent } from '../flow/types.ts';

type Transaction = Parameters<Parameters<Database['$transaction']>[0]>[0];

export async function storeEvents(tx: Transaction, cipher: Cipher, contactId: string, events: readonly EngineEvent[], now: Date): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case 'flag':
        await tx.flag.create({
          data: { contactId, severity: event.severity, category: event.category, reason: event.reason, minor: event.minor ?? false, createdAt: now },
        });
        break;
      case 'referral': {
        await tx.referral.create({
          data: {
            contactId,
            kind: event.kind,
            phoneEnc: event.phone ? cipher.encrypt(event.phone) : null,
            timeWindow: event.timeWindow ?? null,
            introduction: event.introduction ?? null,
            minor: event.minor,
            createdAt: now,
          },
        });
        // Staff see every request in the queue; a call back or a counsellor is wanted by a person, not by a rule.
        await tx.flag.create({
          data: { contactId, severity: 'medium', category: event.kind, reason: `referral:${event.kind}`, minor: event.minor, createdAt: now },
        });
        break;
      }
      case 'cancelReferral':
        await tx.referral.updateMany({
          where: { contactId, kind: event.kind, status: { in: ['requested', 'scheduled'] } },
          data: { status: 'cancelled' },
        });
        await tx.flag.updateMany({
          where: { contactId, category: event.kind, reason: `referral:${event.kind}`, status: 'open' },
          data: { status: 'closed', outcome: 'cancelled_by_person', closedAt: now },
        });
        break;
      case 'offerCheck':
        await tx.offerCheck.create({
          data: { contactId, method: event.method, risk: event.risk, score: event.score, flagIds: event.flagIds.join(','), createdAt: now },
        });
        break;
      case 'hideHistory':
      case 'forget':
        break;
    }
  }
}
