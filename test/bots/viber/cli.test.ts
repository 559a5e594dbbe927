// `npx punte viber setup` and `npx punte viber status` against the local stand-in: once through the real binary,
// the rest through the command line's main() in process (same code, without a process start each).
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../app/cli.ts';
import { runCli } from '../../helpers/cli.ts';
import { startStandIn, type StandIn } from './stand-in.ts';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const env = () => ({ VIBER_AUTH_TOKEN: 'cli-token', VIBER_API_ROOT: standIn.url, PUBLIC_URL: 'https://punte.example.org/' });
const EVENTS = ['conversation_started', 'subscribed', 'unsubscribed', 'delivered', 'seen', 'failed'];

/** Runs `punte ...args` in process; returns the exit status, standard output and standard error. */
async function punte(args: string[], environment: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(args, { stdin: new PassThrough() as unknown as typeof process.stdin, stdout: stdout as unknown as typeof process.stdout, env: environment });
    return { code, stdout: out, stderr: err };
  } finally {
    spy.mockRestore();
  }
}

describe('punte viber', () => {
  it('setup registers PUBLIC_URL + /webhooks/viber with the handled event types, asking for no names or photos', async () => {
    const result = await runCli(['viber', 'setup'], { env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`webhook set: https://punte.example.org/webhooks/viber (events: ${EVENTS.join(', ')})\n`);
    expect(standIn.requests).toHaveLength(1);
    const [request] = standIn.requests;
    expect(request!.endpoint).toBe('set_webhook');
    expect(request!.headers['x-viber-auth-token']).toBe('cli-token');
    expect(request!.body).toEqual({ url: 'https://punte.example.org/webhooks/viber', event_types: EVENTS, send_name: false, send_photo: false });
  });

  it('setup --json prints the result as its last line', async () => {
    const result = await punte(['viber', 'setup', '--json'], env());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toEqual({ webhook: 'https://punte.example.org/webhooks/viber', eventTypes: EVENTS });
  });

  it('status prints what Viber knows, never the admins, and --json as the last line', async () => {
    const text = await punte(['viber', 'status'], env());
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('bot: Punte (punte)');
    expect(text.stdout).toContain('webhook: https://example.org/webhooks/viber');
    expect(text.stdout).toContain('subscribers: 42');
    const json = await punte(['viber', 'status', '--json'], env());
    expect(json.code).toBe(0);
    const status = JSON.parse(json.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(status).toMatchObject({ name: 'Punte', webhook: 'https://example.org/webhooks/viber', subscribers: 42 });
    for (const output of [text.stdout, json.stdout]) {
      expect(output).not.toContain('ADMIN-ID');
      expect(output).not.toContain('Admin Person');
    }
    expect(standIn.requests.map((r) => r.endpoint)).toEqual(['get_account_info', 'get_account_info']);
  });

  it('explains what is missing or refused in one line, with a non-zero status', async () => {
    const noToken = await punte(['viber', 'status'], { VIBER_API_ROOT: standIn.url });
    expect(noToken).toMatchObject({ code: 1, stdout: '' });
    expect(noToken.stderr).toMatch(/^punte: .*VIBER_AUTH_TOKEN: required for this command\n$/);

    const noUrl = await punte(['viber', 'setup'], { ...env(), PUBLIC_URL: '' });
    expect(noUrl.code).toBe(1);
    expect(noUrl.stderr).toMatch(/PUBLIC_URL: required to set the Viber webhook/);

    const http = await punte(['viber', 'setup'], { ...env(), PUBLIC_URL: 'http://punte.example.org' });
    expect(http.code).toBe(1);
    expect(http.stderr).toMatch(/PUBLIC_URL: Viber only calls https/);

    standIn.answer('get_account_info', { status: 2 });
    const refused = await punte(['viber', 'status'], env());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('punte: Viber refused the auth token (status 2): check VIBER_AUTH_TOKEN\n');

    const usage = await punte(['viber', 'register'], env());
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/viber needs one of: setup, status/);
    expect(standIn.requests).toHaveLength(1);
  });
});
