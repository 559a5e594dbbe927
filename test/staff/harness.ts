// The staff console in process: a real runtime on a temp database, the real server (fastify inject), a recording
// sender for the "test" channel (what reaches people), and helpers to make accounts and sign in.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../app/server.ts';
import type { ChannelSender } from '../../core/channels.ts';
import { addStaff } from '../../staff/accounts.ts';
import type { Role } from '../../staff/auth/roles.ts';
import { createTestRuntime, TEST_CAPABILITIES, type TestRuntime } from '../helpers/runtime.ts';

export interface Sent {
  readonly user: string;
  readonly texts: string[];
}

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly staffId: string;
}

export interface Harness {
  readonly runtime: TestRuntime;
  readonly app: FastifyInstance;
  /** Everything sent to people through the test channel. */
  readonly sent: Sent[];
  account(role: Role, email?: string): Promise<{ id: string; email: string; password: string }>;
  login(email: string, password: string, ip?: string): Promise<LightMyRequestResponse>;
  signIn(role: Role): Promise<Session>;
  call(method: string, url: string, options?: { session?: Session; body?: unknown; csrf?: string | null; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  /** A person on the test channel who asked to write to a counsellor: one open flag and a referral. */
  personAskingForCounsellor(user: string): Promise<string>;
  dispose(): Promise<void>;
}

export const PASSWORD = 'a long and quiet river at dawn';
let counter = 0;

export async function createHarness(options: { env?: NodeJS.ProcessEnv; now?: () => Date } = {}): Promise<Harness> {
  const runtime = await createTestRuntime({ env: { CENTRE_HOURS: 'Mon-Sun 00:00-24:00', ...options.env }, ...(options.now ? { now: options.now } : {}) });
  const app = await buildServer(runtime);
  const sent: Sent[] = [];
  const sender: ChannelSender = {
    channel: 'test',
    capabilities: TEST_CAPABILITIES,
    async send(user, messages, delivered) {
      sent.push({ user, texts: messages.map((m) => m.reply.text) });
      for (const [i, m] of messages.entries()) await delivered(m.messageId, [`sent-${sent.length}-${i}`]);
    },
  };
  runtime.registry.register(sender);

  const harness: Harness = {
    runtime,
    app,
    sent,
    async account(role, email) {
      counter += 1;
      const address = email ?? `${role}${counter}@centre.example`;
      const account = await addStaff(runtime.db, { email: address, role, password: PASSWORD });
      return { id: account.id, email: account.email, password: PASSWORD };
    },
    login(email, password, ip = '127.0.0.1') {
      return app.inject({ method: 'POST', url: '/staff/api/login', payload: { email, password }, remoteAddress: ip });
    },
    async signIn(role) {
      const { id, email, password } = await harness.account(role);
      // Each sign-in from its own address, so tests never meet the per-address limit by accident.
      const response = await harness.login(email, password, `10.1.${Math.floor(counter / 250)}.${counter % 250}`);
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'punte_staff' || c.name === '__Host-punte_staff')!;
      return { cookie: `${cookie.name}=${cookie.value}`, csrf: (response.json() as { csrfToken: string }).csrfToken, staffId: id };
    },
    call(method, url, { session, body, csrf, headers } = {}) {
      const all: Record<string, string> = { ...headers };
      if (session) all.cookie = session.cookie;
      const token = csrf === undefined ? session?.csrf : csrf;
      if (token !== null && token !== undefined && method !== 'GET') all['x-csrf-token'] = token;
      return app.inject({ method: method as 'GET', url, headers: all, ...(body !== undefined ? { payload: body as object } : {}) });
    },
    async personAskingForCounsellor(user) {
      const say = async (input: Parameters<TestRuntime['send']>[1]) => {
        const result = await runtime.send(user, input);
        for (const message of result.replies) await runtime.conversations.markDelivered(message.messageId);
        return result;
      };
      await say({ text: '/start', localeHint: 'en' });
      await say('/human');
      await say('Write to a counsellor here');
      const done = await say('I prefer not to say');
      return done.contactId!;
    },
    async dispose() {
      await app.close();
      await runtime.dispose();
    },
  };
  return harness;
}
