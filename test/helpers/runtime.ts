// A real runtime for tests: the project's flows and locales, a fresh SQLite file in a temp folder, a generated
// key, and a logger whose lines the test can read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createRuntime, type Runtime } from '../../app/runtime.ts';
import { generateEncryptionKey } from '../../core/crypto.ts';
import { createLogger } from '../../core/log.ts';
import type { ChannelCapabilities, Inbound, TurnResult } from '../../core/message.ts';

export interface TestRuntime extends Runtime {
  readonly dir: string;
  readonly logLines: () => Record<string, unknown>[];
  /** Sends one inbound on the "test" channel and returns what the core answered. */
  send(user: string, input: string | Partial<Inbound>): Promise<TurnResult>;
  dispose(): Promise<void>;
}

export const TEST_CAPABILITIES: ChannelCapabilities = {
  maxButtons: 12,
  maxButtonLabelLength: 64,
  maxPayloadBytes: 64,
  maxTextLength: 4096,
  canDeleteMessages: true,
  canPushLater: true,
};

let counter = 0;

export async function createTestRuntime(
  options: { env?: NodeJS.ProcessEnv; now?: () => Date; withChannels?: boolean } = {},
): Promise<TestRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'punte-test-'));
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const env = {
    DATABASE_URL: `file:${join(dir, 'punte.db')}`,
    DATA_DIR: dir,
    DATA_ENCRYPTION_KEY: generateEncryptionKey(),
    ...options.env,
  };
  const runtime = await createRuntime({
    env,
    log: createLogger({ level: 'debug', destination: sink }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.withChannels ? { withChannels: true } : {}),
  });
  return {
    ...runtime,
    close: () => runtime.close(),
    dir,
    logLines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    send(user, input) {
      counter += 1;
      const inbound: Inbound =
        typeof input === 'string'
          ? { channel: 'test', channelUserId: user, externalId: `t${counter}`, kind: 'text', text: input, receivedAt: new Date() }
          : { channel: 'test', channelUserId: user, externalId: `t${counter}`, kind: 'text', receivedAt: new Date(), ...input };
      return runtime.conversations.handle(inbound, TEST_CAPABILITIES);
    },
    async dispose() {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
