// Urgent flags must not wait unseen: when one stays open longer than STAFF_ALERT_AFTER_MINUTES, a message goes to
// the staff's Telegram chat. It says only that urgent cases wait and for how long: no names, words, numbers or
// ids. Each flag is alerted once; the audit log remembers which (so a restart does not repeat them).
import type { Database } from '../../core/db/client.ts';
import type { Logger } from '../../core/log.ts';
import { audit } from '../audit.ts';
import type { AlertConfig } from './config.ts';

export interface UrgentAlertOptions {
  readonly db: Database;
  readonly log: Logger;
  readonly config: AlertConfig;
  readonly now?: () => Date;
  readonly fetch?: typeof fetch;
}

const SEND_TIMEOUT_MS = 10_000;

export function alertText(count: number, longestMinutes: number, consoleUrl: string | undefined): string {
  const cases = count === 1 ? 'An urgent case has' : `${count} urgent cases have`;
  const link = consoleUrl ? `\nOpen the queue: ${consoleUrl}` : '\nOpen the staff console queue.';
  return `Punte: ${cases} waited ${longestMinutes} minutes without being picked up.${link}`;
}

export class UrgentAlerts {
  private readonly now: () => Date;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: UrgentAlertOptions) {
    this.now = options.now ?? (() => new Date());
    this.fetch = options.fetch ?? fetch;
  }

  /** Sends one alert for the urgent flags that have waited too long and were not alerted yet; returns how many. */
  async check(): Promise<number> {
    const { db, config, log } = this.options;
    const now = this.now();
    const waiting = await db.flag.findMany({
      where: { severity: 'urgent', status: 'open', createdAt: { lte: new Date(now.getTime() - config.afterMs) } },
      orderBy: { createdAt: 'asc' },
      select: { id: true, createdAt: true },
    });
    if (waiting.length === 0) return 0;
    const alerted = new Set(
      (
        await db.auditLog.findMany({
          where: { action: 'alert.urgent_waiting', targetType: 'flag', targetId: { in: waiting.map((flag) => flag.id) } },
          select: { targetId: true },
        })
      ).map((row) => row.targetId),
    );
    const fresh = waiting.filter((flag) => !alerted.has(flag.id));
    if (fresh.length === 0) return 0;
    const longestMinutes = Math.floor((now.getTime() - fresh[0]!.createdAt.getTime()) / 60_000);
    try {
      await this.send(alertText(fresh.length, longestMinutes, config.consoleUrl));
    } catch (error) {
      // Never the URL: it holds the bot token.
      log.warn({ reason: (error as Error).message.replaceAll(config.token, '[token]').slice(0, 200) }, 'urgent-case alert not sent; will retry');
      return 0;
    }
    for (const flag of fresh) await audit(db, { staffId: null, action: 'alert.urgent_waiting', targetType: 'flag', targetId: flag.id }, now);
    log.info({ count: fresh.length }, 'urgent-case alert sent to staff');
    return fresh.length;
  }

  private async send(text: string): Promise<void> {
    const { config } = this.options;
    const response = await this.fetch(`${config.apiRoot}/bot${config.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: config.chatId, text, disable_web_page_preview: true }),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => ({}))) as { ok?: boolean; description?: string };
    if (!response.ok || body.ok !== true) throw new Error(`Telegram answered ${response.status}: ${String(body.description ?? '').slice(0, 100)}`);
  }
}
