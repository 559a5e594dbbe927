// Console sessions. The cookie carries a random token; the database keeps only its keyed hash (StaffSession.id),
// with the CSRF token handed out at sign-in. A session ends after STAFF_IDLE_MINUTES without activity, after
// MAX_SESSION_MS in any case, and at once when its account is disabled.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../core/db/client.ts';
import type { StaffKeys } from './keys.ts';
import { isRole, type Role } from './roles.ts';

/** A working day; then the person signs in again. */
export const MAX_SESSION_MS = 12 * 60 * 60_000;
/** lastSeenAt is written at most this often, so busy pages do not write on every request. */
const TOUCH_EVERY_MS = 30_000;

export interface StaffPrincipal {
  readonly sessionId: string;
  readonly staffId: string;
  readonly email: string;
  readonly role: Role;
  readonly csrfToken: string;
}

export interface SessionStoreOptions {
  readonly db: Database;
  readonly keys: StaffKeys;
  readonly idleMs: number;
  readonly now: () => Date;
}

export class SessionStore {
  constructor(private readonly options: SessionStoreOptions) {}

  async create(staffId: string): Promise<{ token: string; csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.options.now();
    await this.options.db.staffSession.create({
      data: { id: this.options.keys.sessionId(token), staffId, csrfToken, createdAt: now, lastSeenAt: now },
    });
    return { token, csrfToken };
  }

  /**
   * The session for a cookie's token, or null when there is none, it has ended, or its account is disabled.
   * `activity` false (background refreshes of the queue) keeps the idle clock running.
   */
  async resolve(token: string, activity: boolean): Promise<StaffPrincipal | null> {
    const { db, keys, idleMs, now: clock } = this.options;
    const id = keys.sessionId(token);
    const row = await db.staffSession.findUnique({
      where: { id },
      select: { id: true, csrfToken: true, createdAt: true, lastSeenAt: true, staff: { select: { id: true, email: true, role: true, disabledAt: true } } },
    });
    if (!row) return null;
    const now = clock().getTime();
    const ended = now - row.lastSeenAt.getTime() > idleMs || now - row.createdAt.getTime() > MAX_SESSION_MS;
    if (ended || row.staff.disabledAt !== null || !isRole(row.staff.role)) {
      await db.staffSession.deleteMany({ where: { id } });
      return null;
    }
    if (activity && now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await db.staffSession.updateMany({ where: { id }, data: { lastSeenAt: new Date(now) } });
    }
    return { sessionId: row.id, staffId: row.staff.id, email: row.staff.email, role: row.staff.role, csrfToken: row.csrfToken };
  }

  async destroy(sessionId: string): Promise<void> {
    await this.options.db.staffSession.deleteMany({ where: { id: sessionId } });
  }

  /** Sessions idle or too old, removed now and then so the table stays small. */
  async prune(): Promise<number> {
    const now = this.options.now().getTime();
    const { count } = await this.options.db.staffSession.deleteMany({
      where: { OR: [{ lastSeenAt: { lt: new Date(now - this.options.idleMs) } }, { createdAt: { lt: new Date(now - MAX_SESSION_MS) } }] },
    });
    return count;
  }
}

export function sameToken(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
