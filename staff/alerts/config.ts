// Settings of the urgent-case alert, read from the environment the composition root hands over: on when
// STAFF_ALERT_TELEGRAM_CHAT_ID is set; it sends with the bot's TELEGRAM_BOT_TOKEN (the same bot as the channel).
import { z } from 'zod';
import { baseUrlSchema } from '../../core/config.ts';
import { PunteError } from '../../core/errors.ts';

const schema = z.object({
  STAFF_ALERT_TELEGRAM_CHAT_ID: z
    .string()
    .regex(/^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/, 'must be a Telegram chat id (e.g. -1001234567890) or @channelname')
    .optional(),
  STAFF_ALERT_AFTER_MINUTES: z.coerce.number().positive().max(24 * 60).default(10),
  TELEGRAM_BOT_TOKEN: z.string().optional(),
  TELEGRAM_API_ROOT: baseUrlSchema.default('https://api.telegram.org'),
  PUBLIC_URL: baseUrlSchema.optional(),
});

export interface AlertConfig {
  readonly chatId: string;
  readonly token: string;
  readonly apiRoot: string;
  readonly afterMs: number;
  /** Where the console is, for a link in the alert. */
  readonly consoleUrl: string | undefined;
}

/** The alert settings, or undefined when no alert chat is configured; throws PUNTE_CONFIG_INVALID naming keys. */
export function loadAlertConfig(env: NodeJS.ProcessEnv): AlertConfig | undefined {
  const present: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') present[key] = value.trim();
  }
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new PunteError('PUNTE_CONFIG_INVALID', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  const raw = parsed.data;
  if (raw.STAFF_ALERT_TELEGRAM_CHAT_ID === undefined) return undefined;
  if (raw.TELEGRAM_BOT_TOKEN === undefined) {
    throw new PunteError('PUNTE_CONFIG_INVALID', 'TELEGRAM_BOT_TOKEN: required to send STAFF_ALERT_TELEGRAM_CHAT_ID alerts');
  }
  return Object.freeze({
    chatId: raw.STAFF_ALERT_TELEGRAM_CHAT_ID,
    token: raw.TELEGRAM_BOT_TOKEN,
    apiRoot: raw.TELEGRAM_API_ROOT,
    afterMs: raw.STAFF_ALERT_AFTER_MINUTES * 60_000,
    consoleUrl: raw.PUBLIC_URL ? `${raw.PUBLIC_URL}/staff/queue` : undefined,
  });
}
