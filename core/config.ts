// Configuration, parsed once from the environment with zod. Empty strings count as missing, and every problem
// is listed at once so a misconfigured deployment is fixed in one go. Every key is documented in .env.example.
import { z } from 'zod';
import { PunteError } from './errors.ts';
import { LOCALES } from './locales.ts';

/** An http(s) address without a trailing slash (grammY and URL joins need it so). */
export const baseUrlSchema = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, 'must be a SQLite file URL such as file:./data/punte.db')
    .default('file:./data/punte.db'),
  DATA_DIR: z.string().default('./data'),
  DATA_ENCRYPTION_KEY: z.string().optional(),
  /** Another folder of flows and locales (e.g. a partner's reviewed content); default: the project's flows/. */
  FLOWS_DIR: z.string().optional(),
  SESSION_TIMEOUT_MINUTES: z.coerce.number().positive().max(60 * 24 * 30).default(30),
  DEFAULT_LOCALE: z.enum(LOCALES).default('ro'),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  /** A silent code word: typed anywhere, it raises an urgent flag for staff while the visible reply stays ordinary. */
  TRIAGE_CODE_WORD: z.string().max(100).optional(),
  /** When counsellors answer in the chat, in the centre's time zone; outside them the bot says so. */
  CENTRE_HOURS: z.string().default('Mon-Fri 09:00-17:00'),
  CENTRE_TIMEZONE: z.string().default('Europe/Chisinau'),
  /** A conversation a counsellor took returns to the bot after this long without a staff reply. */
  HANDOFF_TIMEOUT_MINUTES: z.coerce.number().positive().max(60 * 24 * 7).default(30),
  /** The server's public address; staff console cookies are Secure when it is https. */
  PUBLIC_URL: baseUrlSchema.optional(),
  /** Behind a reverse proxy: trust its X-Forwarded-For (true, a number of hops, or comma-separated addresses). */
  TRUST_PROXY: z
    .string()
    .transform((value): boolean | number | string => (value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value))
    .default(false),
  /** A staff console session ends after this long without activity. */
  STAFF_IDLE_MINUTES: z.coerce.number().positive().max(60 * 24).default(30),
  /** Transcripts older than this are deleted (conversations with an open flag keep theirs until it is closed). */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
});

export type RawConfig = z.infer<typeof configSchema>;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config extends Omit<RawConfig, 'DATA_ENCRYPTION_KEY'> {
  readonly production: boolean;
}

function withoutEmptyStrings(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') result[key] = value;
  }
  return result;
}

/** Parses the environment; throws PUNTE_CONFIG_INVALID naming every bad key. Secrets are resolved separately. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config & { DATA_ENCRYPTION_KEY?: string } {
  const parsed = configSchema.safeParse(withoutEmptyStrings(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new PunteError('PUNTE_CONFIG_INVALID', problems.join('; '));
  }
  return Object.freeze({ ...parsed.data, production: parsed.data.NODE_ENV === 'production' });
}
