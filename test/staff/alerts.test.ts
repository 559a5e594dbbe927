// The urgent-case alert, against a local stand-in for the Telegram Bot API: sent once per flag, after the
// configured wait, with no personal data; retried when Telegram fails.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadAlertConfig } from '../../staff/alerts/config.ts';
import { UrgentAlerts } from '../../staff/alerts/urgent.ts';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime.ts';

const TOKEN = '123456:TEST-token_value';
let server: Server;
let apiRoot: string;
let received: { path: string; body: Record<string, unknown> }[];
let failNext = false;

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
  });

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
    received.push({ path: request.url ?? '', body });
    response.setHeader('content-type', 'application/json');
    if (failNext) {
      failNext = false;
      response.statusCode = 502;
      response.end(JSON.stringify({ ok: false, description: 'Bad Gateway' }));
      return;
    }
    response.end(JSON.stringify({ ok: true, result: { message_id: received.length } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let runtime: TestRuntime;
afterEach(async () => {
  await runtime.dispose();
});

async function setUp(now: () => Date) {
  received = [];
  runtime = await createTestRuntime();
  const config = loadAlertConfig({
    STAFF_ALERT_TELEGRAM_CHAT_ID: '-1001234567890',
    STAFF_ALERT_AFTER_MINUTES: '10',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    PUBLIC_URL: 'https://punte.example.org/',
  })!;
  const contact = await runtime.db.contact.create({ data: { channel: 'test', channelUserKey: 'k', channelUserIdEnc: runtime.cipher.encrypt('Maria Popescu'), locale: 'ro' } });
  return { alerts: new UrgentAlerts({ db: runtime.db, log: runtime.log, config, now }), contactId: contact.id };
}

describe('urgent-case alerts', () => {
  it('an urgent flag nobody picked up within STAFF_ALERT_AFTER_MINUTES is announced once, without personal data', async () => {
    let clock = new Date('2026-12-01T10:00:00Z');
    const { alerts, contactId } = await setUp(() => clock);
    const flag = await runtime.db.flag.create({ data: { contactId, severity: 'urgent', category: 'urgent_danger', reason: 'triage:locked_in', createdAt: clock } });
    await runtime.db.flag.create({ data: { contactId, severity: 'high', category: 'trafficking', reason: 'triage:x', createdAt: new Date(clock.getTime() - 3_600_000) } });

    clock = new Date(clock.getTime() + 9 * 60_000);
    expect(await alerts.check()).toBe(0);
    expect(received).toEqual([]);

    clock = new Date(clock.getTime() + 3 * 60_000);
    expect(await alerts.check()).toBe(1);
    expect(received).toEqual([
      {
        path: `/bot${TOKEN}/sendMessage`,
        body: {
          chat_id: '-1001234567890',
          text: 'Punte: An urgent case has waited 12 minutes without being picked up.\nOpen the queue: https://punte.example.org/staff/queue',
          disable_web_page_preview: true,
        },
      },
    ]);
    expect(JSON.stringify(received)).not.toMatch(new RegExp(`Maria|${contactId}|${flag.id}|locked_in`));

    // Once per flag, even across restarts (the audit log remembers).
    clock = new Date(clock.getTime() + 30 * 60_000);
    expect(await alerts.check()).toBe(0);
    expect(received).toHaveLength(1);
    expect(await runtime.db.auditLog.count({ where: { action: 'alert.urgent_waiting', targetId: flag.id } })).toBe(1);
  });

  it('an urgent flag that was picked up in time is not announced; several waiting ones make one message', async () => {
    let clock = new Date('2026-12-01T10:00:00Z');
    const { alerts, contactId } = await setUp(() => clock);
    const taken = await runtime.db.flag.create({ data: { contactId, severity: 'urgent', category: 'urgent_danger', reason: 'r', createdAt: clock } });
    await runtime.db.flag.update({ where: { id: taken.id }, data: { status: 'assigned' } });
    await runtime.db.flag.create({ data: { contactId, severity: 'urgent', category: 'self_harm', reason: 'r', createdAt: new Date(clock.getTime() - 25 * 60_000) } });
    await runtime.db.flag.create({ data: { contactId, severity: 'urgent', category: 'urgent_danger', reason: 'r', createdAt: new Date(clock.getTime() - 11 * 60_000) } });
    expect(await alerts.check()).toBe(2);
    expect(received).toHaveLength(1);
    expect(received[0]!.body.text).toBe('Punte: 2 urgent cases have waited 25 minutes without being picked up.\nOpen the queue: https://punte.example.org/staff/queue');
  });

  it('when Telegram fails, nothing is recorded and the next check tries again; the token never reaches the logs', async () => {
    const clock = new Date('2026-12-01T10:00:00Z');
    const { alerts, contactId } = await setUp(() => clock);
    await runtime.db.flag.create({ data: { contactId, severity: 'urgent', category: 'urgent_danger', reason: 'r', createdAt: new Date(clock.getTime() - 15 * 60_000) } });
    failNext = true;
    expect(await alerts.check()).toBe(0);
    expect(await alerts.check()).toBe(1);
    expect(received).toHaveLength(2);
    const logs = JSON.stringify(runtime.logLines());
    expect(logs).toContain('urgent-case alert not sent; will retry');
    expect(logs).not.toContain(TOKEN);
  });

  it('is off without a chat id, and a chat id without the bot token is a configuration error', () => {
    expect(loadAlertConfig({ TELEGRAM_BOT_TOKEN: TOKEN })).toBeUndefined();
    expect(() => loadAlertConfig({ STAFF_ALERT_TELEGRAM_CHAT_ID: '-100123' })).toThrow(/TELEGRAM_BOT_TOKEN: required/);
    expect(() => loadAlertConfig({ STAFF_ALERT_TELEGRAM_CHAT_ID: 'my chat', TELEGRAM_BOT_TOKEN: TOKEN })).toThrow(/STAFF_ALERT_TELEGRAM_CHAT_ID/);
  });
});
