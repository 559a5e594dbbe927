// The Viber channel's settings, read from the environment with zod (empty strings count as missing, every problem
// listed at once). The channel is on when VIBER_AUTH_TOKEN is set; every key is documented in .env.example.
import { z } from 'zod';
import { baseUrlSchema } from '../../core/config.ts';
import { PunteError } from '../../core/errors.ts';

export const DEFAULT_API_ROOT = 'https://chatapi.viber.com/pa';
/** Viber shows at most 28 characters of a sender name. */
export const MAX_SENDER_NAME = 28;
/** Neutral on purpose: it shows in the chat list and on the lock screen. */
export const DEFAULT_SENDER_NAME = 'Punte';
/** A recent API level: Punte's keyboards (silent buttons, 6-column layout) are only meant for current apps. */
export const DEFAULT_MIN_API_VERSION = 7;

const schema = z.object({
  // Opaque: Viber does not document its format, so only its presence is checked.
  VIBER_AUTH_TOKEN: z.string().optional(),
  VIBER_API_ROOT: baseUrlSchema.default(DEFAULT_API_ROOT),
  VIBER_SENDER_NAME: z
    .string()
    .trim()
    .refine((name) => [...name].length <= MAX_SENDER_NAME, `must be at most ${MAX_SENDER_NAME} characters`)
    .default(DEFAULT_SENDER_NAME),
  VIBER_SENDER_AVATAR: z.url({ protocol: /^https$/ }).optional(),
  VIBER_MIN_API_VERSION: z.coerce.number().int().min(1).max(100).default(DEFAULT_MIN_API_VERSION),
  // The server's public https address; `punte viber setup` registers PUBLIC_URL + /webhooks/viber.
  PUBLIC_URL: baseUrlSchema.optional(),
});

export type ViberConfig = z.infer<typeof schema>;
export type EnabledViberConfig = ViberConfig & { readonly VIBER_AUTH_TOKEN: string };

const KEYS = Object.keys(schema.shape);

export function loadViberConfig(env: NodeJS.ProcessEnv): ViberConfig {
  const present: Record<string, string> = {};
  for (const key of KEYS) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') present[key] = value.trim();
  }
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new PunteError('PUNTE_CONFIG_INVALID', problems.join('; '));
  }
  return Object.freeze(parsed.data);
}

export function isEnabled(config: ViberConfig): config is EnabledViberConfig {
  return config.VIBER_AUTH_TOKEN !== undefined;
}
