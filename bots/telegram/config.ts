// Telegram's settings, parsed with zod from the environment the composition root hands over (never read from
// process.env here). Empty strings count as unset, and every problem is reported at once, naming the key.
import { z } from 'zod';
import { baseUrlSchema } from '../../core/config.ts';
import { PunteError } from '../../core/errors.ts';

export const TELEGRAM_MODES = ['webhook', 'polling'] as const;
export type TelegramMode = (typeof TELEGRAM_MODES)[number];

export const DEFAULT_API_ROOT = 'https://api.telegram.org';

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, '1': true, yes: true, on: true, false: false, '0': false, no: false, off: false };

const schema = z.object({
  // Opaque: Telegram may change the token format, so it is never checked here.
  TELEGRAM_BOT_TOKEN: z.string().optional(),
  TELEGRAM_MODE: z.enum(TELEGRAM_MODES).optional(),
  // What setWebhook accepts: 1-256 characters A-Z a-z 0-9 _ -.
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  TELEGRAM_API_ROOT: baseUrlSchema.default(DEFAULT_API_ROOT),
  TELEGRAM_SILENT: z
    .string()
    .transform((value, ctx) => {
      const parsed = BOOLEAN_WORDS[value.trim().toLowerCase()];
      if (parsed === undefined) ctx.addIssue({ code: 'custom', message: 'must be true or false' });
      return parsed ?? false;
    })
    .default(false),
  PUBLIC_URL: baseUrlSchema.optional(),
});

export interface TelegramConfig {
  readonly token: string;
  readonly mode: TelegramMode;
  /** Required in webhook mode. */
  readonly webhookSecret: string | undefined;
  readonly apiRoot: string;
  /** Send every message with disable_notification, for people whose phone may be watched. */
  readonly silent: boolean;
  /** Where Telegram reaches this server, without a trailing slash (webhook mode). */
  readonly publicUrl: string | undefined;
}

function present(env: NodeJS.ProcessEnv, keys: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') result[key] = value.trim();
  }
  return result;
}

/** The Telegram settings, or undefined when TELEGRAM_BOT_TOKEN is unset; throws PUNTE_CONFIG_INVALID naming the keys. */
export function loadTelegramConfig(env: NodeJS.ProcessEnv): TelegramConfig | undefined {
  const parsed = schema.safeParse(present(env, Object.keys(schema.shape)));
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!parsed.success) throw new PunteError('PUNTE_CONFIG_INVALID', problems.join('; '));
  const raw = parsed.data;
  if (raw.TELEGRAM_BOT_TOKEN === undefined) return undefined;
  const mode: TelegramMode = raw.TELEGRAM_MODE ?? (raw.PUBLIC_URL !== undefined ? 'webhook' : 'polling');
  if (mode === 'webhook' && raw.TELEGRAM_WEBHOOK_SECRET === undefined) {
    throw new PunteError('PUNTE_CONFIG_INVALID', 'TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_MODE is webhook');
  }
  return Object.freeze({
    token: raw.TELEGRAM_BOT_TOKEN,
    mode,
    webhookSecret: raw.TELEGRAM_WEBHOOK_SECRET,
    apiRoot: raw.TELEGRAM_API_ROOT,
    silent: raw.TELEGRAM_SILENT,
    publicUrl: raw.PUBLIC_URL,
  });
}
