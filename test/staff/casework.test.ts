// What caseworkers do through the API: the queue, reading a transcript (always audited), taking a conversation,
// replying through the person's channel, handing back to the bot, flags, notes, referrals, statistics, accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, PASSWORD, type Harness, type Session } from './harness.ts';

let harness: Harness;
let caseworker: Session;
let viewer: Session;
let admin: Session;
beforeAll(async () => {
  harness = await createHarness();
  caseworker = await harness.signIn('caseworker');
  viewer = await harness.signIn('viewer');
  admin = await harness.signIn('admin');
});
afterAll(() => harness.dispose());

const auditCount = (action: string, targetId?: string) =>
  harness.runtime.db.auditLog.count({ where: { action, ...(targetId ? { targetId } : {}) } });

describe('the queue', () => {
  it('lists flags urgent first, then newest, with channel, language, conversation, waiting time and no personal data', async () => {
    const contactId = await harness.personAskingForCounsellor('queue-1');
    const other = await harness.personAskingForCounsellor('queue-2');
    const db = harness.runtime.db;
    const urgent = await db.flag.create({
      data: { contactId: other, severity: 'urgent', category: 'urgent_danger', reason: 'triage:test', createdAt: new Date(Date.now() - 12 * 60_000) },
    });
    await db.flag.create({ data: { contactId, severity: 'low', category: 'job_offer', reason: 'checklist:low' } });
    const response = await harness.call('GET', '/staff/api/flags?status=open', { session: viewer });
    expect(response.statusCode).toBe(200);
    const { flags } = response.json() as { flags: Record<string, unknown>[] };
    expect(flags.map((f) => f.severity)).toEqual(['urgent', 'medium', 'medium', 'low']);
    // Newest first among the two medium ones.
    expect(flags[1]!.conversationId).toBe(other);
    expect(flags[0]).toMatchObject({
      id: urgent.id,
      severity: 'urgent',
      category: 'urgent_danger',
      status: 'open',
      channel: 'test',
      language: 'en',
      conversationId: other,
      assignee: null,
      minor: false,
      mode: 'bot',
    });
    expect(flags[0]!.waitingSeconds).toBeGreaterThanOrEqual(12 * 60);
    expect(flags[0]!.createdAt).toBe(urgent.createdAt.toISOString());
    expect(JSON.stringify(flags)).not.toMatch(/queue-1|queue-2|counsellor here/);

    const filtered = await harness.call('GET', '/staff/api/flags?status=open&severity=urgent&channel=test&language=en', { session: viewer });
    expect((filtered.json() as { flags: unknown[] }).flags).toHaveLength(1);
    expect((await harness.call('GET', '/staff/api/flags?status=nonsense', { session: viewer })).statusCode).toBe(400);
  });
});

describe('a conversation', () => {
  it('every read of a transcript is written to the audit log, with ids only', async () => {
    const contactId = await harness.personAskingForCounsellor('reader');
    const before = await auditCount('transcript.read', contactId);
    for (let i = 0; i < 3; i += 1) {
      const response = await harness.call('GET', `/staff/api/conversations/${contactId}`, { session: caseworker });
      expect(response.statusCode).toBe(200);
    }
    expect(await auditCount('transcript.read', contactId)).toBe(before + 3);
    const entry = await harness.runtime.db.auditLog.findFirstOrThrow({ where: { action: 'transcript.read', targetId: contactId } });
    expect(entry).toMatchObject({ staffId: caseworker.staffId, targetType: 'contact', targetId: contactId });

    // Polling for new messages is a read too, when it shows any.
    const since = new Date().toISOString();
    await harness.call('GET', `/staff/api/conversations/${contactId}/messages?since=${encodeURIComponent(since)}`, { session: caseworker });
    expect(await auditCount('transcript.read', contactId)).toBe(before + 3);
    await harness.runtime.send('reader', 'one more thing');
    const update = await harness.call('GET', `/staff/api/conversations/${contactId}/messages?since=${encodeURIComponent(since)}`, { session: caseworker });
    expect((update.json() as { messages: { text: string }[] }).messages.map((m) => m.text)).toContain('one more thing');
    expect(await auditCount('transcript.read', contactId)).toBe(before + 4);
  });

  it('the transcript is decrypted, keeps hostile text as it was written, and names pressed buttons', async () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert("x")</script> & "quotes"';
    const contactId = await harness.personAskingForCounsellor('hostile');
    await harness.runtime.send('hostile', hostile);
    const view = (await harness.call('GET', `/staff/api/conversations/${contactId}`, { session: caseworker })).json() as {
      conversation: Record<string, unknown>;
      messages: { from: string; text: string; kind: string; button: string | null }[];
      flags: { category: string }[];
      referrals: { kind: string }[];
    };
    expect(view.conversation).toMatchObject({ id: contactId, channel: 'test', language: 'en', mode: 'bot', takenBy: null });
    expect(view.messages.find((m) => m.from === 'person' && m.text === hostile)).toBeDefined();
    expect(view.messages.some((m) => m.from === 'bot' && m.text.startsWith('I have asked a counsellor'))).toBe(true);
    expect(view.flags.map((f) => f.category)).toEqual(['counsellor']);
    expect(view.referrals.map((r) => r.kind)).toEqual(['counsellor']);
    expect((await harness.call('GET', '/staff/api/conversations/not-a-contact', { session: caseworker })).statusCode).toBe(404);
  });

  it('take: the person is told in their language, the open flags are assigned; reply reaches their channel; hand back returns them to the bot', async () => {
    const contactId = await harness.personAskingForCounsellor('ana');
    const url = `/staff/api/conversations/${contactId}`;
    expect((await harness.call('POST', `${url}/take`, { session: caseworker, body: {} })).statusCode).toBe(200);
    expect(harness.sent.at(-1)).toEqual({ user: 'ana', texts: [expect.stringMatching(/^Hello! A counsellor from the centre is here now/)] });
    const flags = await harness.runtime.db.flag.findMany({ where: { contactId } });
    expect(flags.map((f) => [f.status, f.assigneeId])).toEqual([['assigned', caseworker.staffId]]);

    const text = 'Hello Ana, my name is Elena. Are you safe to write now?';
    const reply = await harness.call('POST', `${url}/reply`, { session: caseworker, body: { text } });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ delivered: true });
    expect(harness.sent.at(-1)).toEqual({ user: 'ana', texts: [text] });
    const stored = await harness.runtime.db.message.findFirstOrThrow({ where: { contactId, author: 'staff' } });
    expect(stored.textEnc).not.toContain('Elena');

    // The person answers: no bot reply, and the console sees it.
    const answer = await harness.runtime.send('ana', 'yes, I am alone now');
    expect(answer.replies).toEqual([]);
    const view = (await harness.call('GET', url, { session: caseworker })).json() as { messages: { from: string; text: string }[]; conversation: { mode: string; takenBy: { id: string } } };
    expect(view.conversation.mode).toBe('human');
    expect(view.conversation.takenBy.id).toBe(caseworker.staffId);
    expect(view.messages.slice(-2).map((m) => [m.from, m.text])).toEqual([['staff', text], ['person', 'yes, I am alone now']]);

    expect((await harness.call('POST', `${url}/release`, { session: caseworker, body: {} })).statusCode).toBe(200);
    expect(harness.sent.at(-1)?.texts[0]).toMatch(/^The counsellor has finished for now.*0 800 77777/);
    expect((await harness.runtime.db.contact.findUniqueOrThrow({ where: { id: contactId } })).mode).toBe('bot');
    expect((await harness.call('POST', `${url}/release`, { session: caseworker, body: {} })).statusCode).toBe(409);
    for (const action of ['handoff.taken', 'flag.assigned', 'reply.sent', 'handoff.released']) {
      expect(await auditCount(action, action === 'flag.assigned' ? flags[0]!.id : contactId), action).toBeGreaterThan(0);
    }
  });

  it('replying to a conversation the bot has takes it first, so the person hears a counsellor is here', async () => {
    const contactId = await harness.personAskingForCounsellor('ion');
    const reply = await harness.call('POST', `/staff/api/conversations/${contactId}/reply`, { session: caseworker, body: { text: 'Bună ziua, Ion.' } });
    expect(reply.statusCode).toBe(200);
    expect(harness.sent.slice(-2)).toEqual([
      { user: 'ion', texts: [expect.stringMatching(/^Hello! A counsellor/)] },
      { user: 'ion', texts: ['Bună ziua, Ion.'] },
    ]);
    expect((await harness.call('POST', `/staff/api/conversations/${contactId}/reply`, { session: caseworker, body: { text: '   ' } })).statusCode).toBe(400);
  });

  it('flags are assigned and closed with an outcome and an encrypted note', async () => {
    const contactId = await harness.personAskingForCounsellor('mira');
    const flag = await harness.runtime.db.flag.findFirstOrThrow({ where: { contactId } });
    expect((await harness.call('POST', `/staff/api/flags/${flag.id}/assign`, { session: caseworker, body: {} })).statusCode).toBe(200);
    expect((await harness.call('POST', `/staff/api/flags/${flag.id}/assign`, { session: caseworker, body: { assigneeId: viewer.staffId } })).statusCode).toBe(400);
    expect((await harness.call('POST', `/staff/api/flags/${flag.id}/close`, { session: caseworker, body: { outcome: 'made-up' } })).statusCode).toBe(400);
    const note = 'Called back, she is safe with her sister.';
    const closed = await harness.call('POST', `/staff/api/flags/${flag.id}/close`, { session: caseworker, body: { outcome: 'supported', note } });
    expect(closed.statusCode).toBe(200);
    const row = await harness.runtime.db.flag.findUniqueOrThrow({ where: { id: flag.id } });
    expect(row).toMatchObject({ status: 'closed', outcome: 'supported', assigneeId: caseworker.staffId });
    expect(row.closedAt).not.toBeNull();
    const stored = await harness.runtime.db.staffNote.findFirstOrThrow({ where: { contactId } });
    expect(stored.textEnc).not.toContain('sister');
    const view = (await harness.call('GET', `/staff/api/conversations/${contactId}`, { session: caseworker })).json() as { notes: { text: string; author: string }[] };
    expect(view.notes).toEqual([expect.objectContaining({ text: note })]);
    expect((await harness.call('POST', `/staff/api/flags/${flag.id}/close`, { session: caseworker, body: { outcome: 'supported' } })).statusCode).toBe(409);
    const closedList = (await harness.call('GET', '/staff/api/flags?status=closed', { session: viewer })).json() as { flags: { id: string; outcome: string }[] };
    expect(closedList.flags.find((f) => f.id === flag.id)?.outcome).toBe('supported');
  });

  it('notes are added and read back', async () => {
    const contactId = await harness.personAskingForCounsellor('noted');
    const created = await harness.call('POST', `/staff/api/conversations/${contactId}/notes`, { session: caseworker, body: { text: 'Prefers Romanian.' } });
    expect(created.statusCode).toBe(201);
    const view = (await harness.call('GET', `/staff/api/conversations/${contactId}`, { session: caseworker })).json() as { notes: { text: string }[] };
    expect(view.notes.map((n) => n.text)).toEqual(['Prefers Romanian.']);
  });

  it('canned replies come in the four languages, with hotline numbers filled in', async () => {
    const { replies } = (await harness.call('GET', '/staff/api/canned', { session: caseworker })).json() as { replies: { id: string; texts: Record<string, string> }[] };
    expect(replies.length).toBeGreaterThanOrEqual(6);
    for (const reply of replies) {
      expect(Object.keys(reply.texts)).toEqual(['ro', 'ru', 'uk', 'en']);
      for (const text of Object.values(reply.texts)) expect(text, reply.id).not.toMatch(/staff-canned:|\{\{/);
    }
    expect(replies.find((r) => r.id === 'dangerNow')?.texts.ro).toContain('112');
    expect(replies.find((r) => r.id === 'hotlines')?.texts.uk).toContain('0 800 77777');
  });
});

describe('referrals', () => {
  it('call-back requests show the safe time and how to introduce oneself; phone numbers only for caseworkers, and that read is audited', async () => {
    const say = (text: string) => harness.runtime.send('caller', text);
    await harness.runtime.send('caller', { text: '/start', localeHint: 'en' });
    for (const step of ['/human', 'Ask for a call back', 'Yes, call me back', 'I am 18 or older', 'In the evening (17:00–20:00)', 'As a friend, Ana', '+373 69 123 456']) await say(step);
    const before = await auditCount('referrals.read');
    const asCaseworker = (await harness.call('GET', '/staff/api/referrals', { session: caseworker })).json() as { referrals: Record<string, unknown>[] };
    const callback = asCaseworker.referrals.find((r) => r.kind === 'callback')!;
    expect(callback).toMatchObject({
      status: 'requested',
      language: 'en',
      timeWindow: { id: 'evening', label: 'In the evening (17:00–20:00)' },
      introduction: { id: 'friend', label: 'as Ana, a friend' },
      hasPhone: true,
    });
    expect(String(callback.phone).replace(/\D/g, '')).toBe('37369123456');
    expect(await auditCount('referrals.read')).toBe(before + 1);

    const asViewer = (await harness.call('GET', '/staff/api/referrals', { session: viewer })).json() as { referrals: Record<string, unknown>[] };
    expect(asViewer.referrals.find((r) => r.id === callback.id)).toMatchObject({ phone: null, hasPhone: true });
    expect(JSON.stringify(asViewer)).not.toMatch(/69 ?123 ?456/);

    const patched = await harness.call('PATCH', `/staff/api/referrals/${String(callback.id)}`, { session: caseworker, body: { status: 'scheduled' } });
    expect(patched.statusCode).toBe(200);
    expect((await harness.runtime.db.referral.findUniqueOrThrow({ where: { id: String(callback.id) } })).status).toBe('scheduled');
    expect((await harness.call('PATCH', `/staff/api/referrals/${String(callback.id)}`, { session: caseworker, body: { status: 'lost' } })).statusCode).toBe(400);
    const done = await harness.call('GET', '/staff/api/referrals?status=done', { session: caseworker });
    expect((done.json() as { referrals: unknown[] }).referrals).toEqual([]);
  });
});

describe('statistics', () => {
  it('aggregates only, as JSON and as CSV', async () => {
    await harness.runtime.db.offerCheck.create({
      data: { contactId: (await harness.runtime.db.contact.findFirstOrThrow()).id, method: 'text', risk: 'high', score: 7, flagIds: 'passport,fee' },
    });
    const stats = (await harness.call('GET', '/staff/api/stats', { session: viewer })).json() as Record<string, unknown>;
    expect(stats.weeks).toHaveLength(12);
    expect(stats.conversationsByChannel).toEqual([{ key: 'test', count: expect.any(Number) }]);
    expect(stats.conversationsByLanguage).toEqual([{ key: 'en', count: expect.any(Number) }]);
    expect(stats.offerRisk).toEqual([{ key: 'high', count: 1 }]);
    expect(stats.referralsByStatus).toEqual(expect.arrayContaining([{ kind: 'counsellor', status: 'requested', count: expect.any(Number) }]));
    expect((stats.flagsPerWeek as { category: string }[]).some((row) => row.category === 'counsellor')).toBe(true);
    expect(JSON.stringify(stats)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const csv = await harness.call('GET', '/staff/api/stats.csv', { session: viewer });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="punte-stats-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('metric,group,subgroup,count');
    expect(lines).toContain('job_offer_checks_by_risk,high,,1');
    expect(lines.some((line) => /^conversations_by_channel,test,,\d+$/.test(line))).toBe(true);
  });
});

describe('administration', () => {
  it('the audit log lists who did what, newest first, for admins', async () => {
    const page = (await harness.call('GET', '/staff/api/audit?limit=5', { session: admin })).json() as { entries: { id: number; action: string; staff: string | null }[]; next: number | null };
    expect(page.entries).toHaveLength(5);
    expect(page.entries[0]!.id).toBeGreaterThan(page.entries[4]!.id);
    expect(page.next).toBe(page.entries[4]!.id);
    const older = (await harness.call('GET', `/staff/api/audit?limit=5&before=${page.next}`, { session: admin })).json() as { entries: { id: number }[] };
    expect(older.entries[0]!.id).toBeLessThan(page.next!);
  });

  it('admins add accounts (with the password rules), disable and re-enable them; not themselves, not the last admin', async () => {
    const weak = await harness.call('POST', '/staff/api/accounts', { session: admin, body: { email: 'new@centre.example', role: 'caseworker', password: 'password1234' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toEqual({ error: 'this password is on the list of commonly used passwords; choose another' });
    const added = await harness.call('POST', '/staff/api/accounts', { session: admin, body: { email: 'New@Centre.example', role: 'caseworker', password: PASSWORD } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ account: { email: 'new@centre.example', role: 'caseworker', disabledAt: null } });
    expect((await harness.call('POST', '/staff/api/accounts', { session: admin, body: { email: 'new@centre.example', role: 'viewer', password: PASSWORD } })).statusCode).toBe(400);
    const { accounts } = (await harness.call('GET', '/staff/api/accounts', { session: admin })).json() as { accounts: { email: string }[] };
    expect(accounts.map((a) => a.email)).toContain('new@centre.example');
    expect(JSON.stringify(accounts)).not.toMatch(/argon2|passwordHash/);
    expect((await harness.call('POST', `/staff/api/accounts/${admin.staffId}/disable`, { session: admin })).statusCode).toBe(409);
  });
});

describe('privacy', () => {
  it('logs hold no message text, replies, notes or phone numbers', () => {
    const logs = JSON.stringify(harness.runtime.logLines());
    for (const secret of ['Elena', 'alone now', 'sister', 'Prefers Romanian', '69 123 456', '<script>', PASSWORD]) expect(logs).not.toContain(secret);
  });
});
