// Talk to someone: a discreet call back and a counsellor in the chat create referrals and flags in the
// database; the number is stored encrypted and leaves the session; a call back can be cancelled.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/locales.ts';
import { ROOT } from '../helpers/cli.ts';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime.ts';

let runtime: TestRuntime;
beforeEach(async () => {
  // A Monday at noon in Chisinau: the centre's counsellors are at work.
  runtime = await createTestRuntime({ now: () => new Date('2026-11-30T10:00:00Z') });
});
afterEach(() => runtime.dispose());

const texts = (result: { replies: readonly { reply: { text: string } }[] }) => result.replies.map((m) => m.reply.text);

async function requestCallback(user: string, answers: { age: string; window: string; intro: string; phone: string }) {
  await runtime.send(user, { text: '/start', localeHint: 'en' });
  await runtime.send(user, '/human');
  await runtime.send(user, 'Ask for a call back');
  await runtime.send(user, 'Yes, call me back');
  const age = await runtime.send(user, answers.age);
  await runtime.send(user, answers.window);
  await runtime.send(user, answers.intro);
  return { age, done: await runtime.send(user, answers.phone) };
}

describe('call back', () => {
  it('stores the request with the number encrypted, confirms the window and introduction, and flags it for staff', async () => {
    const { done } = await requestCallback('cb', { age: '2', window: '3', intro: '1', phone: '+373 69 123 456' });
    expect(texts(done)).toContain('A counsellor will call you in the evening (17:00–20:00) and will introduce themselves as Ana, a friend.');
    const referral = await runtime.db.referral.findFirstOrThrow();
    expect(referral).toMatchObject({ kind: 'callback', status: 'requested', timeWindow: 'evening', introduction: 'friend', minor: false });
    expect(referral.phoneEnc).not.toContain('123');
    expect(runtime.cipher.decrypt(referral.phoneEnc!)).toBe('+37369123456');
    const flag = await runtime.db.flag.findFirstOrThrow();
    expect(flag).toMatchObject({ severity: 'medium', category: 'callback', status: 'open', contactId: referral.contactId, minor: false });
    // The number lives in the referral only, not in the session.
    const session = await runtime.db.session.findFirstOrThrow();
    expect(runtime.cipher.decrypt(session.state)).not.toContain('37369123456');
  });

  it('someone under 18 is also given the child helpline, and the referral and flag record it', async () => {
    const { age } = await requestCallback('teen', { age: 'I am under 18', window: '4', intro: '3', phone: '069123456' });
    expect(texts(age)[0]).toMatch(/^Thank you for telling me/);
    expect(age.replies[0]?.reply.callables?.[0]?.phone).toBe('116111');
    expect(await runtime.db.referral.findFirstOrThrow()).toMatchObject({ minor: true, timeWindow: 'anytime', introduction: 'name' });
    expect((await runtime.db.flag.findFirstOrThrow()).minor).toBe(true);
  });

  it('a number that is not a phone number gets a kind re-ask and nothing is stored', async () => {
    await requestCallback('typo', { age: '3', window: '1', intro: '2', phone: 'tomorrow' });
    expect(await runtime.db.referral.count()).toBe(0);
    const retry = await runtime.send('typo', '0691 23 456');
    expect(texts(retry)[0]).toBe('Thank you. Your request has been sent.');
    expect(await runtime.db.referral.count()).toBe(1);
  });

  it('can be cancelled later: the referral is cancelled and its flag closed', async () => {
    await requestCallback('cancel', { age: '2', window: '1', intro: '1', phone: '069123456' });
    await runtime.send('cancel', '/menu');
    const talk = await runtime.send('cancel', '/human');
    expect(texts(talk)[0]).toBe('You have asked for a call back. It is still on its way.');
    await runtime.send('cancel', 'Cancel my call back');
    expect(texts(await runtime.send('cancel', 'Yes, cancel it'))[0]).toBe('Your call back has been cancelled. You can ask again at any time.');
    expect((await runtime.db.referral.findFirstOrThrow()).status).toBe('cancelled');
    expect(await runtime.db.flag.findFirstOrThrow()).toMatchObject({ status: 'closed', outcome: 'cancelled_by_person' });
    expect(texts(await runtime.send('cancel', '/human'))[0]).toBe('How would you like to talk to someone?');
  });
});

describe('counsellor in the chat', () => {
  it('creates a counsellor referral and flag, and tells the person honestly what happens next', async () => {
    await runtime.send('w', { text: '/start', localeHint: 'en' });
    await runtime.send('w', '/human');
    await runtime.send('w', 'Write to a counsellor here');
    const done = await runtime.send('w', '2');
    expect(texts(done)[0]).toMatch(/^I have asked a counsellor to write to you here/);
    expect(await runtime.db.referral.findFirstOrThrow()).toMatchObject({ kind: 'counsellor', phoneEnc: null });
    expect(await runtime.db.flag.findFirstOrThrow()).toMatchObject({ category: 'counsellor', severity: 'medium' });
  });
});

describe('talk content', () => {
  const flow = JSON.parse(readFileSync(join(ROOT, 'flows', 'talk', 'flow.json'), 'utf8')) as { nodes: { id: string; options?: { id: string }[] }[] };
  const optionIds = (node: string) => flow.nodes.find((n) => n.id === node)!.options!.map((o) => o.id);

  it.each(LOCALES)('%s has a phrase for every time window and introduction the confirmation can name', (locale) => {
    const talk = JSON.parse(readFileSync(join(ROOT, 'flows', 'locales', locale, 'talk.json'), 'utf8'));
    expect(Object.keys(talk.windowPhrase).sort()).toEqual(optionIds('callback-window').sort());
    expect(Object.keys(talk.introPhrase).sort()).toEqual(optionIds('callback-intro').sort());
  });
});
