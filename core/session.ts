// The engine's state for one person: plain JSON, validated with zod whenever it is read back, so a stored
// session from an older version or a damaged row is caught and replaced instead of crashing a turn.
import { z } from 'zod';
import { LOCALES, type Locale } from './locales.ts';

export const SESSION_VERSION = 1;

export const positionSchema = z.object({ flow: z.string().min(1), node: z.string().min(1) }).strict();
export type Position = z.infer<typeof positionSchema>;

export const sessionStateSchema = z
  .object({
    v: z.literal(SESSION_VERSION),
    locale: z.enum(LOCALES),
    /** The node waiting for this person's next message; null before the first turn. */
    at: positionSchema.nullable(),
    /** Answers a flow keeps (e.g. the safety plan); the whole state is stored encrypted. */
    vars: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    /** A question the core itself asked and waits on (e.g. "really delete everything?"). */
    pending: z.enum(['forget']).nullable(),
    lastActiveAt: z.iso.datetime(),
  })
  .strict();

export type SessionState = z.infer<typeof sessionStateSchema>;

export function newSession(locale: Locale, now: Date): SessionState {
  return { v: SESSION_VERSION, locale, at: null, vars: {}, pending: null, lastActiveAt: now.toISOString() };
}

export function parseSession(json: string): SessionState {
  return sessionStateSchema.parse(JSON.parse(json));
}
