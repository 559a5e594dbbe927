// Sessions are stored encrypted and validated with zod when read. A row that cannot be decrypted or no longer
// fits the schema is discarded with a warning, and the person is greeted back at the menu.
import type { Cipher } from '../crypto.ts';
import type { Locale } from '../locales.ts';
import type { Logger } from '../log.ts';
import { newSession, parseSession, type Position, type SessionState } from '../session.ts';

export function sealSession(cipher: Cipher, state: SessionState): string {
  return cipher.encrypt(JSON.stringify(state));
}

export function openSession(options: {
  cipher: Cipher;
  sealed: string;
  contactId: string;
  locale: Locale;
  home: Position;
  log: Logger;
}): SessionState {
  try {
    return parseSession(options.cipher.decrypt(options.sealed));
  } catch (error) {
    options.log.warn(
      { contactId: options.contactId, reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown' },
      'stored session discarded: the person returns to the menu',
    );
    // An old activity time makes the engine treat this like an expired session: "welcome back" and the menu.
    return { ...newSession(options.locale, new Date(0)), at: options.home };
  }
}
