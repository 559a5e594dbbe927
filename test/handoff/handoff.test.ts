// Handoff: a counsellor takes a conversation, the person's messages reach the console instead of the flows,
// the counsellor's replies go out through the person's channel, and the person returns to the bot.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../core/channels.ts';
import type { OutboundMessage } from '../../core/message.ts';
import { createTestRuntime, TEST_CAPABILITIES, type TestRuntime } from '../helpers/runtime.ts';

let runtime: TestRuntime;
let clock: Date;
let sent: { user: string; texts: string[] }[];

beforeEach(async () => {
  clock = new Date('2026-11-30T10:00:00Z'); // a Monday, 12:00 in Chisinau
  runtime = await createTestRuntime({ now: () => clock });
  sent = [];
  const sender: ChannelSender = {
    channel: 'test',
    capabilities: TEST_CAPABILITIES,
    async send(user, messages: readonly OutboundMessage[], delivered) {
      sent.push({ user, texts: messages.map((m) => m.reply.text) });
      for (const [i, m] of messages.entries()) await delivered(m.messageId, [`sent-${i}`]);
    },
  };
  runtime.registry.register(sender);
});
afterEach(() => runtime.dispose());

/** As a channel adapter does: the person sends a message and sees the replies. */
async function say(user: string, input: Parameters<TestRuntime['send']>[1]) {
  const result = await runtime.send(user, input);
  for (const message of result.replies) await runtime.conversations.markDelivered(message.messageId);
  return result;
}

const texts = (result: { replies: readonly { reply: { text: string } }[] }) => result.replies.map((m) => m.reply.text);

async function personWhoAskedForACounsellor(user: string): Promise<string> {
  await say(user, { text: '/start', localeHint: 'en' });
  await say(user, '/human');
  await say(user, 'Write to a counsellor here');
  const done = await say(user, 'I prefer not to say');
  expect(texts(done)[0]).toMatch(/^I have asked a counsellor to write to you here/);
  return done.contactId!;
}

describe('handoff', () => {
  it('take: the person is told a counsellor is here, then their messages get no bot reply and are kept for the console', async () => {
    const contactId = await personWhoAskedForACounsellor('ana');
    await runtime.handoff.take(contactId, 'staff-1');
    expect(sent).toEqual([{ user: 'ana', texts: [expect.stringMatching(/^Hello! A counsellor from the centre is here now/)] }]);
    const message = await say('ana', 'I am scared to go back to that job');
    expect(message.replies).toEqual([]);
    const stored = await runtime.db.message.findMany({ where: { contactId, direction: 'in' }, orderBy: { createdAt: 'desc' }, take: 1 });
    expect(runtime.cipher.decrypt(stored[0]!.textEnc!)).toBe('I am scared to go back to that job');
    // Menu words are for the counsellor now too; quick exit still works.
    expect((await say('ana', 'menu')).replies).toEqual([]);
    expect(texts(await say('ana', '/exit'))).toEqual(['All done. Have a nice day! 🌼']);
  });

  it('reply: the counsellor\'s text goes out through the person\'s channel and is stored as staff-written', async () => {
    const contactId = await personWhoAskedForACounsellor('ion');
    await runtime.handoff.take(contactId, 'staff-1');
    const result = await runtime.handoff.reply(contactId, 'staff-1', 'Hello Ion, my name is Elena. Are you safe to talk now?');
    expect(result.delivered).toBe(true);
    expect(sent.at(-1)).toEqual({ user: 'ion', texts: ['Hello Ion, my name is Elena. Are you safe to talk now?'] });
    const row = await runtime.db.message.findUniqueOrThrow({ where: { id: result.messageId } });
    expect(row).toMatchObject({ author: 'staff', direction: 'out' });
    expect(row.deliveredAt).not.toBeNull();
  });

  it('release: back to the bot with the 24-hour numbers, and flows answer again', async () => {
    const contactId = await personWhoAskedForACounsellor('mira');
    await runtime.handoff.take(contactId, 'staff-1');
    await runtime.handoff.release(contactId, 'staff');
    expect(sent.at(-1)?.texts[0]).toMatch(/^The counsellor has finished for now.*0 800 77777.*0 8008 8008.*116 111/);
    expect(texts(await say('mira', '/menu'))).toEqual(['What would you like to do?']);
  });

  it('no counsellor reply within the timeout returns the person to the bot, honestly', async () => {
    const contactId = await personWhoAskedForACounsellor('dan');
    await runtime.handoff.take(contactId, 'staff-1');
    clock = new Date(clock.getTime() + 29 * 60_000);
    expect(await runtime.handoff.expireIdle()).toBe(0);
    await runtime.handoff.reply(contactId, 'staff-1', 'Still there?');
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect(await runtime.handoff.expireIdle()).toBe(1);
    expect(sent.at(-1)?.texts[0]).toMatch(/^Sorry, no counsellor could answer in time/);
    expect((await runtime.db.contact.findUniqueOrThrow({ where: { id: contactId } })).mode).toBe('bot');
  });

  it('quick exit during a handoff: the counsellor is told by a flag, and nothing is sent until the person writes again', async () => {
    const contactId = await personWhoAskedForACounsellor('exit');
    await runtime.handoff.take(contactId, 'staff-1');
    await runtime.db.flag.updateMany({ where: { contactId }, data: { status: 'assigned', assigneeId: 'staff-1' } });
    expect(texts(await say('exit', '/exit'))).toEqual(['All done. Have a nice day! 🌼']);
    const contact = await runtime.db.contact.findUniqueOrThrow({ where: { id: contactId } });
    expect(contact.mode).toBe('bot');
    expect(await runtime.db.flag.findFirst({ where: { contactId, category: 'quick_exit' }, select: { severity: true, status: true } })).toEqual({ severity: 'high', status: 'open' });
    const sentBefore = sent.length;
    const reply = await runtime.handoff.reply(contactId, 'staff-1', 'Are you still there?');
    expect(reply.delivered).toBe(false);
    expect(sent).toHaveLength(sentBefore);
    // The person writes again: from then on a counsellor's message reaches them.
    await say('exit', 'hello again');
    expect((await runtime.handoff.reply(contactId, 'staff-1', 'Hello, I am here.')).delivered).toBe(true);
    expect(sent.at(-1)?.texts).toEqual(['Hello, I am here.']);
  });

  it('after the timeout, the silent counsellor\'s flags go back to the queue, open and unassigned', async () => {
    const contactId = await personWhoAskedForACounsellor('reopen');
    await runtime.handoff.take(contactId, 'staff-1');
    await runtime.db.flag.updateMany({ where: { contactId }, data: { status: 'assigned', assigneeId: 'staff-1' } });
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect(await runtime.handoff.expireIdle()).toBe(1);
    expect(await runtime.db.flag.findMany({ where: { contactId }, select: { status: true, assigneeId: true } })).toEqual([{ status: 'open', assigneeId: null }]);
  });

  it('pushes only its own message, never older undelivered ones in a burst', async () => {
    const contactId = await personWhoAskedForACounsellor('burst');
    await runtime.db.message.create({ data: { contactId, direction: 'out', author: 'bot', kind: 'reply', textEnc: runtime.cipher.encrypt('an old reply that failed') } });
    await runtime.handoff.take(contactId, 'staff-1');
    expect(sent.at(-1)?.texts).toEqual([expect.stringMatching(/^Hello! A counsellor from the centre is here now/)]);
  });

  it('an urgent message during a handoff still gets the emergency answer at once', async () => {
    const contactId = await personWhoAskedForACounsellor('urgent');
    await runtime.handoff.take(contactId, 'staff-1');
    const reply = await say('urgent', 'he is beating me right now, help');
    // Without triage rules loaded, nothing is detected; with them (flows/triage), the emergency answer comes first.
    if (runtime.flows.triage) expect(texts(reply).join(' ')).toMatch(/112/);
  });
});

describe('centre hours', () => {
  it('inside the hours a counsellor request says they will write soon; outside, it says so honestly with 24-hour lines', async () => {
    await personWhoAskedForACounsellor('open');
    clock = new Date('2026-11-29T10:00:00Z'); // a Sunday
    await say('closed', { text: '/start', localeHint: 'en' });
    await say('closed', '/human');
    await say('closed', 'Write to a counsellor here');
    const closed = await say('closed', '2');
    expect(texts(closed)[0]).toBe(
      "The centre's counsellors are not at work right now. They answer here Mon–Fri 09:00–17:00. Your request is saved, and a counsellor will write to you when they are back.",
    );
    expect(closed.replies.at(-1)?.reply.callables?.map((c) => c.phone)).toEqual(['112', '080077777', '080088008', '116111']);
    expect(await runtime.db.referral.count({ where: { kind: 'counsellor' } })).toBe(2);
  });
});
