// End to end against telegram-test-api, a Bot API emulator, in long-polling mode: the channel talks HTTP to the
// emulator exactly as it would to Telegram, and the test plays the person through the emulator's client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { createTelegramChannel, type TelegramChannel } from '../../../bots/telegram/channel.ts';
import { createTestRuntime, type TestRuntime } from '../../helpers/runtime.ts';
import { EMULATOR_TOKEN, botMessages, personMessages, startEmulator, waitFor } from './emulator.ts';

let server: TelegramServer;
let runtime: TestRuntime;
let channel: TelegramChannel;
const t = (key: string, variables?: Record<string, string>) => runtime.translator.t('en', key, variables);

beforeAll(async () => {
  server = await startEmulator();
  // The emulator sends no language_code, so people get the default language.
  runtime = await createTestRuntime({ env: { DEFAULT_LOCALE: 'en' } });
  channel = createTelegramChannel({
    config: { token: EMULATOR_TOKEN, mode: 'polling', webhookSecret: undefined, apiRoot: server.config.apiURL, silent: false, publicUrl: undefined },
    conversations: runtime.conversations,
    translator: runtime.translator,
    log: runtime.log,
    pollIdleMs: 20,
  });
  await channel.start!();
});

afterAll(async () => {
  await channel?.stop?.();
  await server?.stop();
  await runtime?.dispose();
});

/** A person in their own chat with the bot. */
function person(chatId: number) {
  const client = server.getClient(EMULATOR_TOKEN, { chatId, userId: chatId, firstName: 'Ana' });
  return {
    say: (text: string) => client.sendMessage(client.makeMessage(text)),
    press: (data: string) => client.sendCallback(client.makeCallbackQuery(data)),
    send: (fields: Record<string, unknown>) => client.sendMessage(client.makeMessage(undefined as unknown as string, fields)),
    /** Waits until the bot has shown `count` messages in this chat. */
    sees: (count: number) => waitFor(() => (botMessages(server, chatId).length >= count ? botMessages(server, chatId) : undefined), `${count} bot messages`),
  };
}

describe('Telegram end to end (emulator, long polling)', () => {
  it('/start shows the menu as an inline keyboard', async () => {
    const ana = person(101);
    await ana.say('/start');
    const shown = await ana.sees(3);
    expect(shown[0]!.text).toBe(t('main:welcome.hello'));
    const menu = shown.at(-1)!;
    expect(menu.text).toBe(t('main:menu.prompt'));
    expect(menu.keyboard.flat().map((button) => button.text)).toContain(t('main:menu.privacy'));
    expect(menu.keyboard.flat().every((button) => typeof button.callback_data === 'string')).toBe(true);
  });

  it('a button press moves on', async () => {
    const ion = person(102);
    await ion.say('/start');
    const menu = (await ion.sees(3)).at(-1)!;
    const emergency = menu.keyboard.flat().find((button) => button.text === t('main:menu.emergency'))!;
    await ion.press(emergency.callback_data!);
    const shown = await ion.sees(5);
    expect(shown[3]!.text).toBe(t('main:emergency.now', { emergency: '112' }));
    // Phone numbers are text; the only button leads back.
    expect(shown[4]!.text).toContain('112');
    expect(shown[4]!.keyboard.flat().map((button) => button.text)).toEqual([t('main:back.menu')]);
  });

  it('a sticker gets a kind answer and the question again', async () => {
    const maria = person(103);
    await maria.say('/start');
    await maria.sees(3);
    await maria.send({ sticker: { file_id: 'f', file_unique_id: 'u', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } });
    const shown = await maria.sees(5);
    expect(shown[3]!.text).toBe(t('common:unsupported'));
    expect(shown[4]!.keyboard.length).toBeGreaterThan(0);
  });

  it('the exit command deletes the messages on both sides and leaves only a neutral answer', async () => {
    // Typed answers only: the emulator files a button press under the next message's id, so deleting that
    // message by id would remove the press instead (a gap of the emulator, not of Telegram).
    const elena = person(104);
    await elena.say('/start');
    await elena.sees(3);
    await elena.say(t('main:menu.privacy'));
    await elena.sees(4);
    expect(personMessages(server, 104)).toHaveLength(2);

    await elena.say('/exit');
    // deleteMessages is missing in the emulator: the bot deletes one by one and goes on.
    const left = await waitFor(() => {
      const shown = botMessages(server, 104);
      return shown.length === 1 && shown[0]!.text === t('common:exit.deleted') ? shown : undefined;
    }, 'only the neutral answer left');
    expect(left[0]!.keyboard).toEqual([]);
    expect(personMessages(server, 104)).toEqual([]);

    // The conversation goes on normally afterwards.
    await elena.say('/menu');
    expect((await elena.sees(2))[1]!.text).toBe(t('main:menu.prompt'));
  });

  it('runs the job-offer checklist to a result', async () => {
    const dan = person(105);
    await dan.say('/start');
    let seen = (await dan.sees(3)).length;
    // Typed answers (the button numbers), as people on cheap phones often do.
    // Each turn ends with a message that has buttons: wait for it before answering again.
    const answer = async (text: string) => {
      await dan.say(text);
      seen = (
        await waitFor(() => {
          const shown = botMessages(server, 105);
          return shown.length > seen && shown.at(-1)!.keyboard.length > 0 ? shown : undefined;
        }, `a reply to ${text}`)
      ).length;
    };
    await answer('1'); // Check a job offer
    await answer('1'); // Answer questions about the offer
    for (let question = 0; question < 30 && (await runtime.db.offerCheck.count()) === 0; question += 1) await answer('1');
    const result = await waitFor(
      () => botMessages(server, 105).find((message) => message.text === t('job-offer:checklist.result.level.high')),
      'the high-risk result',
    );
    expect(result).toBeDefined();
    const last = await waitFor(() => {
      const shown = botMessages(server, 105).at(-1)!;
      return shown.keyboard.length > 0 ? shown : undefined;
    }, 'the next step offered');
    expect(last.keyboard.flat().map((b) => b.text)).toContain(t('job-offer:after.talkDiscreetly'));
  });
});
