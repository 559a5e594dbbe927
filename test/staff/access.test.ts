// Every API route: 401 without a valid session, 403 for a role that may not, and 403 for a state-changing call
// without the session's CSRF token. The expected roles are written out here from the issue, not read from the
// code's permission table, so a change to that table has to change this one too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../staff/auth/roles.ts';
import { createHarness, type Harness, type Session } from './harness.ts';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const ALL: Role[] = ['admin', 'caseworker', 'viewer'];
const CASEWORK: Role[] = ['admin', 'caseworker'];
const ADMIN: Role[] = ['admin'];

interface Route {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly url: string;
  readonly body?: unknown;
  readonly roles: Role[];
}

const ROUTES: Route[] = [
  { method: 'GET', url: '/staff/api/me', roles: ALL },
  { method: 'POST', url: '/staff/api/password', body: { currentPassword: 'not it', newPassword: 'whatever it is now' }, roles: ALL },
  { method: 'GET', url: '/staff/api/flags?status=open', roles: ALL },
  { method: 'POST', url: `/staff/api/flags/${NO_ID}/assign`, body: {}, roles: CASEWORK },
  { method: 'POST', url: `/staff/api/flags/${NO_ID}/close`, body: { outcome: 'supported' }, roles: CASEWORK },
  { method: 'GET', url: `/staff/api/conversations/${NO_ID}`, roles: CASEWORK },
  { method: 'GET', url: `/staff/api/conversations/${NO_ID}/messages`, roles: CASEWORK },
  { method: 'POST', url: `/staff/api/conversations/${NO_ID}/reply`, body: { text: 'Hello' }, roles: CASEWORK },
  { method: 'POST', url: `/staff/api/conversations/${NO_ID}/take`, body: {}, roles: CASEWORK },
  { method: 'POST', url: `/staff/api/conversations/${NO_ID}/release`, body: {}, roles: CASEWORK },
  { method: 'POST', url: `/staff/api/conversations/${NO_ID}/notes`, body: { text: 'A note' }, roles: CASEWORK },
  { method: 'GET', url: '/staff/api/canned', roles: CASEWORK },
  { method: 'GET', url: '/staff/api/referrals', roles: ALL },
  { method: 'PATCH', url: `/staff/api/referrals/${NO_ID}`, body: { status: 'done' }, roles: CASEWORK },
  { method: 'GET', url: '/staff/api/stats', roles: ALL },
  { method: 'GET', url: '/staff/api/stats.csv', roles: ALL },
  { method: 'GET', url: '/staff/api/audit', roles: ADMIN },
  { method: 'GET', url: '/staff/api/accounts', roles: ADMIN },
  { method: 'POST', url: '/staff/api/accounts', body: { email: 'x', role: 'viewer', password: 'short' }, roles: ADMIN },
  { method: 'POST', url: `/staff/api/accounts/${NO_ID}/disable`, body: {}, roles: ADMIN },
  { method: 'POST', url: `/staff/api/accounts/${NO_ID}/enable`, body: {}, roles: ADMIN },
];

let harness: Harness;
const sessions = {} as Record<Role, Session>;
beforeAll(async () => {
  harness = await createHarness();
  for (const role of ALL) sessions[role] = await harness.signIn(role);
});
afterAll(() => harness.dispose());

const name = (route: Route) => `${route.method} ${route.url.replace(NO_ID, ':id')}`;

describe.each(ROUTES.map((route) => [name(route), route] as const))('%s', (_name, route) => {
  it('401 without a session, and with a made-up cookie', async () => {
    expect((await harness.call(route.method, route.url, { body: route.body })).statusCode).toBe(401);
    expect((await harness.call(route.method, route.url, { body: route.body, headers: { cookie: 'punte_staff=forged.token' } })).statusCode).toBe(401);
  });

  it.each(ALL)('as %s', async (role) => {
    const response = await harness.call(route.method, route.url, { session: sessions[role], body: route.body });
    if (route.roles.includes(role)) expect([401, 403]).not.toContain(response.statusCode);
    else {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: 'your role may not do this' });
    }
  });

  if (route.method !== 'GET') {
    it('403 without the CSRF token, with a wrong one, and with another session\'s', async () => {
      const session = sessions.admin;
      for (const csrf of [null, 'wrong-token', sessions.caseworker.csrf]) {
        const response = await harness.call(route.method, route.url, { session, body: route.body, csrf });
        expect(response.statusCode).toBe(403);
        expect(response.json()).toEqual({ error: 'missing or wrong CSRF token' });
      }
    });
  }
});

describe('logout', () => {
  it('401 without a session, 403 without the CSRF token', async () => {
    expect((await harness.call('POST', '/staff/api/logout', {})).statusCode).toBe(401);
    expect((await harness.call('POST', '/staff/api/logout', { session: sessions.viewer, csrf: null })).statusCode).toBe(403);
  });
});

describe('pages', () => {
  it('send people without a session to the sign-in page', async () => {
    for (const url of ['/staff/queue', '/staff/dashboard', `/staff/conversations/${NO_ID}`, '/staff/accounts']) {
      const response = await harness.call('GET', url);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/staff/login');
    }
    const login = await harness.call('GET', '/staff/login');
    expect(login.statusCode).toBe(200);
    expect(login.headers['content-type']).toMatch(/^text\/html/);
  });

  it.each([
    ['viewer', '/staff/queue', 200],
    ['viewer', '/staff/dashboard', 200],
    ['viewer', '/staff/referrals', 200],
    ['viewer', '/staff/password', 200],
    ['viewer', `/staff/conversations/${NO_ID}`, 403],
    ['viewer', '/staff/accounts', 403],
    ['caseworker', `/staff/conversations/${NO_ID}`, 200],
    ['caseworker', '/staff/audit', 403],
    ['admin', '/staff/accounts', 200],
    ['admin', '/staff/audit', 200],
  ] as const)('%s opens %s: %i', async (role, url, status) => {
    expect((await harness.call('GET', url, { session: sessions[role] })).statusCode).toBe(status);
  });

  it('carry a strict Content-Security-Policy and no inline script or style', async () => {
    const page = await harness.call('GET', '/staff/queue', { session: sessions.admin });
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    // The one inline element is the console's words as a JSON data block, which is not code (the CSP allows it).
    const dataBlock = /<script type="application\/json" id="ui-strings">([^<]*)<\/script>/;
    expect(JSON.parse(page.body.match(dataBlock)?.[1] ?? 'null')).toMatchObject({ 'page.queue': expect.any(String) });
    expect(page.body.replace(dataBlock, '')).not.toMatch(/<script>|<script [^>]*>[^<]|style=|<style/);
    const asset = await harness.call('GET', '/staff/assets/queue.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await harness.call('GET', '/staff/assets/..%2Fplugin.ts')).statusCode).toBe(404);
  });

  it('never write people\'s text as markup: the pages build the DOM with text nodes only', async () => {
    for (const file of ['app.js', 'queue.js', 'conversation.js', 'referrals.js', 'dashboard.js', 'charts.js', 'accounts.js', 'audit.js', 'login.js', 'password.js']) {
      const body = (await harness.call('GET', `/staff/assets/${file}`)).body;
      expect(body, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    }
  });
});
