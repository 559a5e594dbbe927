// Signing in. Three defences, none of which locks anyone out for good:
// - per address: after MAX_FAILURES_PER_ADDRESS failures within LOGIN_WINDOW_MS, further attempts get 429 until
//   the oldest failure leaves the window (unknown accounts count too);
// - per account: every failure against one e-mail, from any address, makes the next answer for it slower
//   (accountDelayMs), so guessing from many addresses stays slow while the real person still gets in;
// - same work either way: an unknown or disabled account is verified against a dummy hash, so the answer's
//   timing does not tell which e-mails exist.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../core/db/client.ts';
import type { StaffKeys } from './keys.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { isRole, type Role } from './roles.ts';

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ADDRESS = 5;
/** Sign-in attempts are kept this long, then deleted. */
const ATTEMPT_RETENTION_MS = 24 * 60 * 60_000;

/** How long to wait before answering for an account that already failed this often in the window. */
export function accountDelayMs(recentFailures: number): number {
  if (recentFailures < 3) return 0;
  return Math.min(500 * 2 ** (recentFailures - 3), 10_000);
}

export type LoginOutcome =
  | { readonly status: 'ok'; readonly staffId: string; readonly role: Role }
  /** `staffId` when the account exists (a wrong password, or a disabled account), for the audit log. */
  | { readonly status: 'invalid'; readonly staffId?: string }
  | { readonly status: 'limited'; readonly retryAfterSeconds: number };

export interface LoginServiceOptions {
  readonly db: Database;
  readonly keys: StaffKeys;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class LoginService {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly options: LoginServiceOptions) {}

  async attempt(input: { email: string; password: string; ip: string }): Promise<LoginOutcome> {
    const { db, keys, now: clock } = this.options;
    const email = normaliseEmail(input.email);
    const ipKey = keys.attemptKey('ip', input.ip);
    const emailKey = keys.attemptKey('email', email);
    const now = clock();
    const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);

    // The attempt is written first, as a failure, and only earlier attempts are counted: requests sent in
    // parallel are ordered by the database, so they cannot all slip under the limit while argon2 runs.
    const attempt = await db.loginAttempt.create({ data: { ipKey, emailKey, success: false, createdAt: now }, select: { id: true } });
    const addressFailures = await db.loginAttempt.findMany({
      where: { id: { lt: attempt.id }, ipKey, success: false, createdAt: { gte: windowStart } },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true },
      take: MAX_FAILURES_PER_ADDRESS,
    });
    if (addressFailures.length >= MAX_FAILURES_PER_ADDRESS) {
      await db.loginAttempt.delete({ where: { id: attempt.id } });
      const frees = addressFailures[0]!.createdAt.getTime() + LOGIN_WINDOW_MS;
      return { status: 'limited', retryAfterSeconds: Math.max(1, Math.ceil((frees - now.getTime()) / 1000)) };
    }

    const accountFailures = await db.loginAttempt.count({ where: { id: { lt: attempt.id }, emailKey, success: false, createdAt: { gte: windowStart } } });
    const delay = accountDelayMs(accountFailures);
    if (delay > 0) await this.options.sleep(delay);

    const staff = await db.staffUser.findUnique({ where: { email }, select: { id: true, role: true, passwordHash: true, disabledAt: true } });
    const matches = await verifyPassword(staff?.passwordHash ?? (await this.dummy()), input.password);
    const success = matches && staff !== null && staff.disabledAt === null && isRole(staff.role);

    if (success) await db.loginAttempt.update({ where: { id: attempt.id }, data: { success: true } });
    await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - ATTEMPT_RETENTION_MS) } } });
    if (!success || staff === null || !isRole(staff.role)) return staff ? { status: 'invalid', staffId: staff.id } : { status: 'invalid' };
    await db.staffUser.update({ where: { id: staff.id }, data: { lastLoginAt: clock() } });
    return { status: 'ok', staffId: staff.id, role: staff.role };
  }

  /** A hash of a random password made with the same parameters, computed once. */
  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
    return this.dummyHash;
  }
}
