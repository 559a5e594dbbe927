// De-duplication with a time-to-live: processed update ids are forgotten after the TTL, one channel at a time.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRuntime, TEST_CAPABILITIES, type TestRuntime } from '../helpers/runtime.ts';

let runtime: TestRuntime | undefined;
afterEach(() => runtime?.dispose());

describe('pruneProcessedUpdates', () => {
  it('forgets ids older than the TTL on that channel only; a forgotten id counts as new again', async () => {
    let clock = new Date('2026-11-29T10:00:00Z');
    runtime = await createTestRuntime({ now: () => clock });
    const inbound = (channel: string, externalId: string) =>
      ({ channel, channelUserId: 'u', externalId, kind: 'text', text: '/start', receivedAt: clock, localeHint: 'en' }) as const;
    await runtime.conversations.handle(inbound('telegram', '1'), TEST_CAPABILITIES);
    await runtime.conversations.handle(inbound('other', '1'), TEST_CAPABILITIES);
    await runtime.db.processedUpdate.updateMany({ data: { createdAt: clock } });

    clock = new Date(clock.getTime() + 47 * 3_600_000);
    await runtime.conversations.handle(inbound('telegram', '2'), TEST_CAPABILITIES);
    expect(await runtime.conversations.pruneProcessedUpdates('telegram', 48 * 3_600_000)).toBe(0);

    clock = new Date(clock.getTime() + 2 * 3_600_000);
    expect(await runtime.conversations.pruneProcessedUpdates('telegram', 48 * 3_600_000)).toBe(1);
    const left = await runtime.db.processedUpdate.findMany({ select: { channel: true, externalId: true }, orderBy: { id: 'asc' } });
    expect(left).toEqual([
      { channel: 'other', externalId: '1' },
      { channel: 'telegram', externalId: '2' },
    ]);
    expect((await runtime.conversations.handle(inbound('telegram', '1'), TEST_CAPABILITIES)).duplicate).toBe(false);
    expect((await runtime.conversations.handle(inbound('telegram', '2'), TEST_CAPABILITIES)).duplicate).toBe(true);
  });
});
