// Staff accounts, shared by the command line (`punte staff ...`) and the console's account page. There is no
// default account: the first admin is created with `npx punte staff add`.
import { z } from 'zod';
import type { Database } from '../core/db/client.ts';
import { PunteError } from '../core/errors.ts';
import { normaliseEmail } from './auth/login.ts';
import { hashPassword, passwordProblem } from './auth/passwords.ts';
import { ROLES, type Role } from './auth/roles.ts';

export interface StaffAccount {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly createdAt: Date;
  readonly lastLoginAt: Date | null;
  readonly disabledAt: Date | null;
}

const ACCOUNT_FIELDS = { id: true, email: true, role: true, createdAt: true, lastLoginAt: true, disabledAt: true } as const;

const emailSchema = z.email().max(254);

export function checkEmail(email: string): string {
  const normalised = normaliseEmail(email);
  if (!emailSchema.safeParse(normalised).success) throw new PunteError('PUNTE_STAFF_INVALID', `"${normalised.slice(0, 80)}" is not an e-mail address`);
  return normalised;
}

export function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new PunteError('PUNTE_STAFF_INVALID', `the role must be one of ${ROLES.join(', ')}`);
  return role as Role;
}

export async function addStaff(db: Database, input: { email: string; role: string; password: string }): Promise<StaffAccount> {
  const email = checkEmail(input.email);
  const role = checkRole(input.role);
  const problem = passwordProblem(input.password, { email });
  if (problem) throw new PunteError('PUNTE_STAFF_INVALID', problem);
  if (await db.staffUser.findUnique({ where: { email }, select: { id: true } })) {
    throw new PunteError('PUNTE_STAFF_INVALID', `an account for ${email} already exists`);
  }
  const passwordHash = await hashPassword(input.password);
  return (await db.staffUser.create({ data: { email, role, passwordHash }, select: ACCOUNT_FIELDS })) as StaffAccount;
}

export async function listStaff(db: Database): Promise<StaffAccount[]> {
  return (await db.staffUser.findMany({ orderBy: { email: 'asc' }, select: ACCOUNT_FIELDS })) as StaffAccount[];
}

export async function findStaff(db: Database, where: { id: string } | { email: string }): Promise<StaffAccount> {
  const key = 'email' in where ? { email: normaliseEmail(where.email) } : { id: where.id };
  const account = await db.staffUser.findUnique({ where: key, select: ACCOUNT_FIELDS });
  if (!account) throw new PunteError('PUNTE_STAFF_INVALID', 'no such account');
  return account as StaffAccount;
}

/** Disabling ends the account's sessions at once; re-enabling lets it sign in again. */
export async function setStaffDisabled(db: Database, id: string, disabled: boolean, now: Date): Promise<StaffAccount> {
  const account = await db.staffUser.update({ where: { id }, data: { disabledAt: disabled ? now : null }, select: ACCOUNT_FIELDS });
  if (disabled) await db.staffSession.deleteMany({ where: { staffId: id } });
  return account as StaffAccount;
}

/** A new password (e.g. a forgotten one); every session of the account ends. */
export async function setStaffPassword(db: Database, id: string, password: string): Promise<void> {
  const account = await findStaff(db, { id });
  const problem = passwordProblem(password, { email: account.email });
  if (problem) throw new PunteError('PUNTE_STAFF_INVALID', problem);
  await db.staffUser.update({ where: { id }, data: { passwordHash: await hashPassword(password) } });
  await db.staffSession.deleteMany({ where: { staffId: id } });
}

/** Admins left who can still sign in: the last one cannot be disabled. */
export function activeAdmins(db: Database): Promise<number> {
  return db.staffUser.count({ where: { role: 'admin', disabledAt: null } });
}
