// Bot API failures as log fields. A GrammyError carries the request payload (message text, chat id), so it is
// never logged whole: only the method, Telegram's error code and its description.
import { GrammyError, HttpError } from 'grammy';

export interface ApiFailure {
  readonly method?: string;
  readonly code?: number;
  readonly description?: string;
  readonly retryAfter?: number;
}

export function describeFailure(error: unknown): ApiFailure {
  if (error instanceof GrammyError) {
    return {
      method: error.method,
      ...(typeof error.error_code === 'number' ? { code: error.error_code } : {}),
      ...(typeof error.description === 'string' ? { description: error.description.slice(0, 200) } : {}),
      ...(typeof error.parameters.retry_after === 'number' ? { retryAfter: error.parameters.retry_after } : {}),
    };
  }
  // grammY words these without the token or payload ("Network request for 'sendMessage' failed!").
  if (error instanceof HttpError) return { description: error.message.slice(0, 200) };
  return { description: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'unknown error' };
}

/**
 * The Bot API server does not know the method: Telegram answers 404; an emulator may answer without a Bot API
 * error code at all.
 */
export function isMissingMethod(error: unknown): boolean {
  return error instanceof GrammyError && (error.error_code === 404 || typeof error.error_code !== 'number');
}

export function errorCode(error: unknown): number | undefined {
  return error instanceof GrammyError && typeof error.error_code === 'number' ? error.error_code : undefined;
}
