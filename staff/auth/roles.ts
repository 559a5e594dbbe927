// Who may do what in the console. One table, read by every route's guard and by the pages (to hide what a role
// cannot use); the API is the authority, the pages only follow it.
export const ROLES = ['admin', 'caseworker', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const EVERYONE: readonly Role[] = ROLES;
const CASEWORK: readonly Role[] = ['admin', 'caseworker'];
const ADMIN: readonly Role[] = ['admin'];

export const PERMISSIONS = {
  /** The queue of flags, without message text. */
  'queue.read': EVERYONE,
  /** Aggregate statistics and their CSV export. */
  'stats.read': EVERYONE,
  /** Referrals without phone numbers. */
  'referrals.read': EVERYONE,
  /** Phone numbers of people who asked for a call back. */
  'referrals.phone': CASEWORK,
  'referrals.update': CASEWORK,
  /** What people wrote, and staff notes. */
  'transcript.read': CASEWORK,
  /** Replying, taking and handing back conversations, assigning and closing flags, notes. */
  'conversation.act': CASEWORK,
  'audit.read': ADMIN,
  'accounts.manage': ADMIN,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can(role, permission));
}
