// One registry of Punte's error codes (after fastify's lib/errors.js): each code has a status and a message
// template, and every error Punte raises on purpose comes from here, so callers and tests match on codes.

export const errorRegistry = {
  PUNTE_CONFIG_INVALID: { status: 500, message: 'configuration is invalid: %s' },
  PUNTE_SECRETS_MISSING: { status: 500, message: 'NODE_ENV=production needs these secrets in the environment: %s' },
  PUNTE_CRYPTO_KEY_INVALID: { status: 500, message: '%s must be 64 hexadecimal characters or the base64 of 32 bytes' },
  PUNTE_CRYPTO_DECRYPT_FAILED: { status: 500, message: 'stored data could not be decrypted: %s' },
  PUNTE_FLOW_INVALID: { status: 500, message: '%s' },
  PUNTE_LOCALES_INVALID: { status: 500, message: '%s' },
  PUNTE_SESSION_INVALID: { status: 500, message: 'stored session is invalid: %s' },
  PUNTE_DATABASE_URL_INVALID: { status: 500, message: '%s' },
  PUNTE_MIGRATION_FAILED: { status: 500, message: '%s' },
  PUNTE_USAGE: { status: 400, message: '%s' },
  PUNTE_STAFF_INVALID: { status: 400, message: '%s' },
  PUNTE_AGENCIES_INVALID: { status: 400, message: 'agency list not imported: %s' },
} as const;

export type ErrorCode = keyof typeof errorRegistry;

export class PunteError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;

  constructor(code: ErrorCode, detail: string, options?: { cause?: unknown }) {
    const entry = errorRegistry[code];
    super(entry.message.replace('%s', detail), options);
    this.name = 'PunteError';
    this.code = code;
    this.statusCode = entry.status;
  }
}

export function isPunteError(error: unknown, code?: ErrorCode): error is PunteError {
  return error instanceof PunteError && (code === undefined || error.code === code);
}
