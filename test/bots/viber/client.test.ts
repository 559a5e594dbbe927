// The Viber REST client against the local stand-in: headers, exact tokens, status codes mapped to clear errors,
// bounded retries with back-off.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createViberApi, ViberApiError } from '../../../bots/viber/client.ts';
import { startStandIn, type StandIn } from './stand-in.ts';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const api = (maxAttempts = 3) => createViberApi({ apiRoot: standIn.url, authToken: 'secret-token', maxAttempts, retryDelayMs: 5 });

async function failure(promise: Promise<unknown>): Promise<ViberApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ViberApiError);
  return error as ViberApiError;
}

describe('Viber client', () => {
  it('posts JSON with the auth token header and returns the message token digit for digit', async () => {
    const token = await api().sendMessage({ receiver: 'u1', type: 'text', text: 'hi' });
    expect(token).toBe(standIn.tokens.at(-1));
    expect(BigInt(token!)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    const [request] = standIn.requests;
    expect(request!.endpoint).toBe('send_message');
    expect(request!.headers['x-viber-auth-token']).toBe('secret-token');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({ receiver: 'u1', type: 'text', text: 'hi' });
  });

  it('retries a rate limit with back-off and then succeeds', async () => {
    standIn.answer('send_message', { status: 12 }, { status: 12 });
    const token = await api().sendMessage({ receiver: 'u1' });
    expect(token).toBe(standIn.tokens.at(-1));
    expect(standIn.requests).toHaveLength(3);
  });

  it('gives up after a bounded number of tries', async () => {
    standIn.answer('send_message', { status: 12 }, { status: 12 }, { status: 12 }, { status: 12 });
    const error = await failure(api(3).sendMessage({ receiver: 'u1' }));
    expect(error).toMatchObject({ problem: 'rateLimited', status: 12, statusName: 'tooManyRequests' });
    expect(error.message).toMatch(/rate limit.*gave up after 3 tries/);
    expect(standIn.requests).toHaveLength(3);
  });

  it('retries HTTP 5xx and 429', async () => {
    standIn.answer('send_message', { http: 503 }, { http: 429 });
    await expect(api().sendMessage({ receiver: 'u1' })).resolves.toBeDefined();
    expect(standIn.requests).toHaveLength(3);
  });

  it.each([
    [2, 'badToken', /check VIBER_AUTH_TOKEN/],
    [6, 'notSubscribed', /not subscribed/],
    [5, 'notSubscribed', /not subscribed/],
    [10, 'noWebhook', /viber setup/],
    [3, 'refused', /status 3: badData/],
    [13, 'refused', /VIBER_MIN_API_VERSION/],
    [99, 'refused', /status 99: generalError/],
  ])('maps status %i to %s without retrying', async (status, problem, message) => {
    standIn.answer('send_message', { status });
    const error = await failure(api().sendMessage({ receiver: 'u1' }));
    expect(error.problem).toBe(problem);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('programmed failure'); // Viber's own words may echo a request
    expect(standIn.requests).toHaveLength(1);
  });

  it('refuses an answer without status', async () => {
    standIn.answer('get_account_info', { raw: '<html>proxy</html>' });
    const error = await failure(api().getAccountInfo());
    expect(error.message).toMatch(/no status/);
  });

  it('reports an unreachable API without hanging', async () => {
    const unreachable = createViberApi({ apiRoot: 'http://127.0.0.1:9/pa', authToken: 't', maxAttempts: 2, retryDelayMs: 1 });
    const error = await failure(unreachable.getAccountInfo());
    expect(error.problem).toBe('unavailable');
    expect(error.message).toMatch(/could not be reached.*gave up after 2 tries/);
  });

  it('asks set_webhook for no names or photos', async () => {
    await api().setWebhook('https://example.org/webhooks/viber', ['conversation_started']);
    expect(standIn.requests[0]!.body).toEqual({ url: 'https://example.org/webhooks/viber', event_types: ['conversation_started'], send_name: false, send_photo: false });
  });
});
