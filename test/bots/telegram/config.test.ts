// TELEGRAM_* settings: enabled by the token alone, mode chosen from PUBLIC_URL, problems named.
import { describe, expect, it } from 'vitest';
import { loadTelegramConfig } from '../../../bots/telegram/config.ts';

describe('loadTelegramConfig', () => {
  it('is off without a token (an empty one counts as unset)', () => {
    expect(loadTelegramConfig({})).toBeUndefined();
    expect(loadTelegramConfig({ TELEGRAM_BOT_TOKEN: '  ', TELEGRAM_MODE: '' })).toBeUndefined();
  });

  it('takes any token: its format is Telegram\'s business', () => {
    expect(loadTelegramConfig({ TELEGRAM_BOT_TOKEN: 'not-a-usual-token' })).toMatchObject({
      token: 'not-a-usual-token',
      mode: 'polling',
      apiRoot: 'https://api.telegram.org',
      silent: false,
    });
  });

  it('uses a webhook when PUBLIC_URL is set, and then needs the secret', () => {
    expect(() => loadTelegramConfig({ TELEGRAM_BOT_TOKEN: 't', PUBLIC_URL: 'https://punte.example.org/' })).toThrow(/TELEGRAM_WEBHOOK_SECRET: required/);
    const config = loadTelegramConfig({ TELEGRAM_BOT_TOKEN: 't', PUBLIC_URL: 'https://punte.example.org/', TELEGRAM_WEBHOOK_SECRET: 's3cret_-X' });
    expect(config).toMatchObject({ mode: 'webhook', publicUrl: 'https://punte.example.org', webhookSecret: 's3cret_-X' });
    expect(() => loadTelegramConfig({ TELEGRAM_BOT_TOKEN: 't', TELEGRAM_MODE: 'webhook' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it('TELEGRAM_MODE=polling wins over PUBLIC_URL', () => {
    expect(loadTelegramConfig({ TELEGRAM_BOT_TOKEN: 't', PUBLIC_URL: 'https://x.org', TELEGRAM_MODE: 'polling' })!.mode).toBe('polling');
  });

  it('reads the API root without its trailing slash, and TELEGRAM_SILENT as a yes or no', () => {
    const config = loadTelegramConfig({ TELEGRAM_BOT_TOKEN: 't', TELEGRAM_API_ROOT: 'http://127.0.0.1:9000/', TELEGRAM_SILENT: 'true' })!;
    expect(config.apiRoot).toBe('http://127.0.0.1:9000');
    expect(config.silent).toBe(true);
    expect(loadTelegramConfig({ TELEGRAM_BOT_TOKEN: 't', TELEGRAM_SILENT: '0' })!.silent).toBe(false);
  });

  it('names every bad key at once', () => {
    let message = '';
    try {
      loadTelegramConfig({ TELEGRAM_BOT_TOKEN: 't', TELEGRAM_MODE: 'push', TELEGRAM_WEBHOOK_SECRET: 'has spaces', TELEGRAM_SILENT: 'maybe', TELEGRAM_API_ROOT: 'ftp://x' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const key of ['TELEGRAM_MODE', 'TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_SILENT', 'TELEGRAM_API_ROOT']) expect(message).toContain(key);
    expect(message).toMatch(/^configuration is invalid: /);
  });
});
