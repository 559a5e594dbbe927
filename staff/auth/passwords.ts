// Staff passwords: argon2id hashes, and the policy for new ones (NIST SP 800-63B: a minimum length and a check
// against common and predictable values, no composition rules, no forced rotation).
import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; bounds the work one sign-in can cause. */
export const MAX_PASSWORD_LENGTH = 256;

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Algorithm 2 is Argon2id (the package's const enum cannot
// be imported under isolatedModules).
const ARGON2ID = 2;
const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let commonPasswords: ReadonlySet<string> | undefined;

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, '');

function common(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map(fold),
  );
  return commonPasswords;
}

const SEQUENCES = ['01234567890123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm'];

function isSequence(folded: string): boolean {
  return SEQUENCES.some((sequence) => sequence.includes(folded) || [...sequence].reverse().join('').includes(folded));
}

/** Why a new password is refused, in one line, or undefined when it is fine. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `the password must be at least ${MIN_PASSWORD_LENGTH} characters long (a few words make a good one)`;
  if (length > MAX_PASSWORD_LENGTH) return `the password must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  const folded = fold(password);
  if (common().has(folded)) return 'this password is on the list of commonly used passwords; choose another';
  if (new Set(folded).size < 4 || isSequence(folded)) return 'this password is too predictable (repeated or sequential characters); choose another';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (folded.includes('punte') && folded.length < 'punte'.length + 8) return 'this password is too close to the name of the service; choose another';
  if (local && local.length >= 4 && folded.includes(fold(local)) && folded.length < local.length + 8) {
    return 'this password is too close to the e-mail address; choose another';
  }
  return undefined;
}
