// `punte serve` (what `npm start` runs): the HTTP server with every enabled channel.
import { purgeOldMessages } from '../../core/retention.ts';
import { loadAlertConfig } from '../../staff/alerts/config.ts';
import { UrgentAlerts } from '../../staff/alerts/urgent.ts';
import { buildServer } from '../server.ts';
import type { CommandContext } from './context.ts';

const HANDOFF_SWEEP_MS = 60_000;
const URGENT_ALERT_CHECK_MS = 60_000;
const PURGE_EVERY_MS = 24 * 60 * 60_000;

export async function serveCommand(context: CommandContext): Promise<number> {
  context.parse({});
  const alertConfig = loadAlertConfig(context.env);
  const runtime = await context.runtime({ withChannels: true });
  const app = await buildServer(runtime);
  const { HOST, PORT } = runtime.config;
  await app.listen({ host: HOST, port: PORT });
  for (const channel of runtime.channels) await channel.start?.();
  // Conversations a counsellor took but left silent return to the bot (HANDOFF_TIMEOUT_MINUTES).
  const sweeper = setInterval(() => {
    runtime.handoff.expireIdle().catch((error: Error) => runtime.log.error({ reason: error.message }, 'handoff sweep failed'));
  }, HANDOFF_SWEEP_MS);
  sweeper.unref();
  // Urgent flags nobody picked up within STAFF_ALERT_AFTER_MINUTES are announced in the staff's Telegram chat.
  const alerts = alertConfig ? new UrgentAlerts({ db: runtime.db, log: runtime.log, config: alertConfig }) : undefined;
  const checkAlerts = () => alerts?.check().catch((error: Error) => runtime.log.error({ reason: error.message }, 'urgent-case alert check failed'));
  // At start too: a case that waited while the server was down is announced at once.
  void checkAlerts();
  const alerter = alerts ? setInterval(() => void checkAlerts(), URGENT_ALERT_CHECK_MS) : undefined;
  alerter?.unref();
  if (alertConfig) runtime.log.info({ afterMinutes: alertConfig.afterMs / 60_000 }, 'urgent-case alerts to the staff Telegram chat are on');
  if ((await runtime.db.staffUser.count()) === 0) {
    runtime.log.warn('the staff console (/staff) has no accounts yet; add the first admin: npx punte staff add --email E --role admin');
  }
  // Transcripts are not kept forever (RETENTION_DAYS); once at start and then daily.
  const purge = () =>
    purgeOldMessages(runtime.db, { retentionDays: runtime.config.RETENTION_DAYS, now: new Date() })
      .then((count) => count > 0 && runtime.log.info({ count }, 'old messages purged'))
      .catch((error: Error) => runtime.log.error({ reason: error.message }, 'retention purge failed'));
  void purge();
  const purger = setInterval(() => void purge(), PURGE_EVERY_MS);
  purger.unref();

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      runtime.log.info({ signal }, 'shutting down');
      clearInterval(sweeper);
      clearInterval(alerter);
      clearInterval(purger);
      void app
        .close()
        .then(() => runtime.close())
        .finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
