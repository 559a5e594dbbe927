// The queue: flags with what staff need to pick the next one (severity, category, channel, language, age, how
// long someone has been waiting, who has it). No message text, no phone numbers, no channel ids.
import type { Database } from '../../core/db/client.ts';

export const FLAG_STATUSES = ['open', 'assigned', 'closed'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];
export const SEVERITY_ORDER = ['urgent', 'high', 'medium', 'low'] as const;
/** Closed flags are history: the newest this many are listed. */
const MAX_LISTED = 500;

export interface FlagFilter {
  readonly statuses: readonly FlagStatus[];
  readonly severity?: string | undefined;
  readonly category?: string | undefined;
  readonly channel?: string | undefined;
  readonly language?: string | undefined;
  readonly contactId?: string | undefined;
}

export interface FlagView {
  readonly id: string;
  readonly severity: string;
  readonly category: string;
  readonly reason: string;
  readonly status: string;
  readonly minor: boolean;
  readonly channel: string;
  readonly language: string;
  readonly createdAt: string;
  readonly conversationId: string;
  /** bot, or human while a counsellor has the conversation. */
  readonly mode: string;
  readonly assignee: { readonly id: string; readonly email: string } | null;
  readonly ageSeconds: number;
  /**
   * How long the person has been waiting for a person: since the flag was raised while it is open; since their
   * last unanswered message while a counsellor has the conversation; null otherwise.
   */
  readonly waitingSeconds: number | null;
  readonly outcome: string | null;
  readonly closedAt: string | null;
}

const rank = (severity: string) => {
  const index = (SEVERITY_ORDER as readonly string[]).indexOf(severity);
  return index === -1 ? SEVERITY_ORDER.length : index;
};

export async function listFlags(db: Database, filter: FlagFilter, now: Date): Promise<FlagView[]> {
  const rows = await db.flag.findMany({
    where: {
      status: { in: [...filter.statuses] },
      ...(filter.severity ? { severity: filter.severity } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.contactId ? { contactId: filter.contactId } : {}),
      contact: {
        ...(filter.channel ? { channel: filter.channel } : {}),
        ...(filter.language ? { locale: filter.language } : {}),
      },
    },
    orderBy: { createdAt: 'desc' },
    take: MAX_LISTED,
    include: { contact: { select: { channel: true, locale: true, mode: true, handoffAt: true, lastStaffReplyAt: true } } },
  });
  const staffIds = [...new Set(rows.map((row) => row.assigneeId).filter((id): id is string => id !== null))];
  const staff = new Map(
    (await db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, email: true } })).map((s) => [s.id, s]),
  );
  const humanContacts = [...new Set(rows.filter((row) => row.contact.mode === 'human').map((row) => row.contactId))];
  const lastInbound = new Map(
    (
      await db.message.groupBy({ by: ['contactId'], where: { contactId: { in: humanContacts }, direction: 'in' }, _max: { createdAt: true } })
    ).map((group) => [group.contactId, group._max.createdAt]),
  );
  const seconds = (from: Date) => Math.max(0, Math.floor((now.getTime() - from.getTime()) / 1000));

  const views = rows.map((row): FlagView => {
    let waitingSeconds: number | null = null;
    if (row.status === 'open') waitingSeconds = seconds(row.createdAt);
    else if (row.status === 'assigned' && row.contact.mode === 'human') {
      const last = lastInbound.get(row.contactId);
      const answered = row.contact.lastStaffReplyAt ?? row.contact.handoffAt;
      if (last && (!answered || last > answered)) waitingSeconds = seconds(last);
    }
    const assignee = row.assigneeId ? staff.get(row.assigneeId) : undefined;
    return {
      id: row.id,
      severity: row.severity,
      category: row.category,
      reason: row.reason,
      status: row.status,
      minor: row.minor,
      channel: row.contact.channel,
      language: row.contact.locale,
      createdAt: row.createdAt.toISOString(),
      conversationId: row.contactId,
      mode: row.contact.mode,
      assignee: assignee ? { id: assignee.id, email: assignee.email } : null,
      ageSeconds: seconds(row.createdAt),
      waitingSeconds,
      outcome: row.outcome,
      closedAt: row.closedAt?.toISOString() ?? null,
    };
  });
  // Urgent first, then high, medium, low; newest first within a severity (findMany already sorted by time).
  return views.sort((a, b) => rank(a.severity) - rank(b.severity));
}
