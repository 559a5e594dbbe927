// The audit log: who did what, by ids only (never message text, phone numbers or channel ids).
import type { Database } from '../core/db/client.ts';

export type AuditAction =
  | 'login.succeeded'
  | 'login.failed'
  | 'logout'
  | 'transcript.read'
  | 'reply.sent'
  | 'handoff.taken'
  | 'handoff.released'
  | 'flag.assigned'
  | 'flag.closed'
  | 'note.added'
  | 'referrals.read'
  | 'referral.updated'
  | 'stats.exported'
  | 'audit.read'
  | 'staff.added'
  | 'staff.disabled'
  | 'staff.enabled'
  | 'staff.password_changed'
  | 'alert.urgent_waiting';

export interface AuditEntry {
  readonly staffId: string | null;
  readonly action: AuditAction;
  readonly targetType?: 'contact' | 'flag' | 'referral' | 'staff';
  readonly targetId?: string;
}

export async function audit(db: Database, entry: AuditEntry, now: Date): Promise<void> {
  await db.auditLog.create({
    data: { staffId: entry.staffId, action: entry.action, targetType: entry.targetType ?? null, targetId: entry.targetId ?? null, createdAt: now },
  });
}
