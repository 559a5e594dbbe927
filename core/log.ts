// Structured logs on standard error (standard output belongs to command results). Redaction is the safety net:
// code never logs message text, phone numbers or channel user ids on purpose, and these paths catch mistakes.
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'text',
  '*.text',
  'phone',
  '*.phone',
  'channelUserId',
  '*.channelUserId',
  'password',
  '*.password',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-viber-content-signature"]',
  'res.headers["set-cookie"]',
];

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warning', 50: 'error', 60: 'fatal' };

/** One readable line per entry for people at a terminal: "punte warning: message (key=value)". */
export function textLines(target: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        const { level, msg, time: _time, ...rest } = JSON.parse(line) as Record<string, unknown>;
        const extra = Object.entries(rest)
          .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
          .join(' ');
        target.write(`punte ${LEVEL_NAMES[level as number] ?? 'log'}: ${String(msg ?? '')}${extra ? ` (${extra})` : ''}\n`);
      }
      callback();
    },
  });
}

export function createLogger(options: {
  level: string;
  destination?: number | NodeJS.WritableStream;
  format?: 'json' | 'text';
}): Logger {
  const destination = options.destination ?? 2;
  const stream = typeof destination === 'number' ? pino.destination({ fd: destination, sync: true }) : destination;
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.format === 'text' ? textLines(stream as NodeJS.WritableStream) : stream,
  );
}
