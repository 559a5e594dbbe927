import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeOldMessages } from '../../core/retention.ts';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime.ts';

let runtime: TestRuntime;
let clock = new Date('2026-01-01T10:00:00Z');
beforeEach(async () => {
  clock = new Date('2026-01-01T10:00:00Z');
  runtime = await createTestRuntime({ now: () => clock });
});
afterEach(() => runtime.dispose());

describe('retention', () => {
  it('deletes transcripts older than the retention period, except where staff still work on a flag', async () => {
    const quiet = await runtime.send('quiet', { text: '/start', localeHint: 'en' });
    const flagged = await runtime.send('flagged', { text: '/start', localeHint: 'en' });
    await runtime.db.flag.create({ data: { contactId: flagged.contactId!, severity: 'high', category: 'trafficking', reason: 'test' } });
    const staff = await runtime.db.staffUser.create({ data: { email: 'a@centre.example', passwordHash: 'x', role: 'caseworker' } });
    for (const contactId of [quiet.contactId!, flagged.contactId!]) {
      await runtime.db.staffNote.create({ data: { contactId, staffId: staff.id, textEnc: runtime.cipher.encrypt('note'), createdAt: clock } });
    }
    clock = new Date('2026-07-15T10:00:00Z');
    await runtime.send('quiet', '/menu');

    const purged = await purgeOldMessages(runtime.db, { retentionDays: 180, now: clock });
    expect(purged).toBe(4); // the quiet person's first turn: their message and three replies
    expect(await runtime.db.message.count({ where: { contactId: quiet.contactId! } })).toBe(2);
    expect(await runtime.db.message.count({ where: { contactId: flagged.contactId! } })).toBe(4);
    expect((await runtime.db.staffNote.findMany({ select: { contactId: true } })).map((n) => n.contactId)).toEqual([flagged.contactId]);

    const done = await runtime.db.referral.create({ data: { contactId: quiet.contactId!, kind: 'callback', status: 'done', phoneEnc: runtime.cipher.encrypt('+37369000000'), updatedAt: new Date('2026-01-02T10:00:00Z') } });
    const waiting = await runtime.db.referral.create({ data: { contactId: quiet.contactId!, kind: 'callback', status: 'requested', phoneEnc: runtime.cipher.encrypt('+37369000001'), updatedAt: new Date('2026-01-02T10:00:00Z') } });
    await purgeOldMessages(runtime.db, { retentionDays: 180, now: clock });
    expect((await runtime.db.referral.findUniqueOrThrow({ where: { id: done.id } })).phoneEnc).toBeNull();
    expect((await runtime.db.referral.findUniqueOrThrow({ where: { id: waiting.id } })).phoneEnc).not.toBeNull();

    await runtime.db.flag.updateMany({ data: { status: 'closed' } });
    expect(await purgeOldMessages(runtime.db, { retentionDays: 180, now: clock })).toBe(4);
    expect(await runtime.db.staffNote.count()).toBe(0);
  });
});
