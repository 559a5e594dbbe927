// Signing in and out: cookies, wrong passwords, unknown accounts, the per-address limit, the slow-down of an
// account under attack (never a lock-out), idle sessions, disabled accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountDelayMs } from '../../staff/auth/login.ts';
import { createHarness, PASSWORD, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness.dispose());

describe('sign-in', () => {
  it('a right password: 200, the CSRF token, and an httpOnly SameSite=Strict cookie without Domain (not Secure over http)', async () => {
    const { email } = await harness.account('caseworker');
    const response = await harness.login(email.toUpperCase(), PASSWORD, '10.9.0.1');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ email, role: 'caseworker', idleMinutes: 30 });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^punte_staff=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(header).not.toMatch(/Domain|Secure|Expires|Max-Age/i);
    const me = await harness.call('GET', '/staff/api/me', { headers: { cookie: header.split(';')[0]! } });
    expect(me.json()).toMatchObject({ email, role: 'caseworker', csrfToken: body.csrfToken });
  });

  it('a wrong password and an unknown account both get the same 401; the failure against a real account is audited', async () => {
    const { email } = await harness.account('viewer');
    let address = 0;
    const time = async (login: string) => {
      address += 1;
      const response = await harness.login(login, 'not the right password at all', `10.9.1.${address}`);
      return { response };
    };
    // Three of each (below the per-account slow-down); the fastest of each resists noise from a busy machine.
    const wrong = [await time(email), await time(email), await time(email)];
    const unknown = [await time('nobody1@centre.example'), await time('nobody2@centre.example'), await time('nobody3@centre.example')];
    for (const attempt of [...wrong, ...unknown]) {
      expect(attempt.response.statusCode).toBe(401);
      expect(attempt.response.json()).toEqual({ error: 'wrong e-mail or password' });
      expect(attempt.response.headers['set-cookie']).toBeUndefined();
    }
    // Both verify an argon2id hash (unknown e-mails against a dummy one), so neither answers faster; timing is
    // not asserted here (no timed assertions in the suite).
    const staff = await harness.runtime.db.staffUser.findUniqueOrThrow({ where: { email } });
    expect(await harness.runtime.db.auditLog.count({ where: { action: 'login.failed', targetId: staff.id } })).toBe(3);
    expect(await harness.runtime.db.auditLog.count({ where: { action: 'login.failed' } })).toBe(3);
  });

  it('takes JSON only', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/staff/api/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.c&password=x',
    });
    expect(response.statusCode).toBe(415);
    const malformed = await harness.app.inject({ method: 'POST', url: '/staff/api/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(malformed.statusCode).toBe(400);
  });

  it('429 after 5 failed sign-ins in 15 minutes from one address (unknown accounts count too), other addresses unaffected', async () => {
    const { email } = await harness.account('caseworker');
    const ip = '10.20.30.40';
    for (let i = 0; i < 5; i += 1) {
      const response = await harness.login(i % 2 ? email : `stranger${i}@centre.example`, 'wrong password, wrong', ip);
      expect(response.statusCode).toBe(401);
    }
    const limited = await harness.login(email, PASSWORD, ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    expect(limited.headers['set-cookie']).toBeUndefined();
    expect((await harness.login(email, PASSWORD, '10.20.30.41')).statusCode).toBe(200);
  });

  it('the limit holds when the attempts arrive all at once', async () => {
    const { email } = await harness.account('caseworker');
    const ip = '10.20.30.50';
    const answers = await Promise.all(Array.from({ length: 9 }, () => harness.login(email, 'wrong password, wrong', ip)));
    const codes = answers.map((response) => response.statusCode).sort();
    expect(codes.filter((code) => code === 401)).toHaveLength(5);
    expect(codes.filter((code) => code === 429)).toHaveLength(4);
  });

  it('an account under attack from many addresses is slowed down, never locked out', async () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(accountDelayMs)).toEqual([0, 0, 0, 500, 1000, 2000, 4000, 10_000]);
    const waits: number[] = [];
    const slow = await createHarness({ env: {} });
    try {
      // The sign-in service the route uses, with a sleep that records instead of waiting.
      const { email } = await slow.account('admin');
      const { LoginService } = await import('../../staff/auth/login.ts');
      const { deriveStaffKeys } = await import('../../staff/auth/keys.ts');
      const login = new LoginService({
        db: slow.runtime.db,
        keys: deriveStaffKeys(slow.runtime.secrets.STAFF_SESSION_SECRET),
        now: () => new Date(),
        sleep: async (ms) => void waits.push(ms),
      });
      for (let i = 0; i < 6; i += 1) {
        expect((await login.attempt({ email, password: 'guess number whatever', ip: `192.0.2.${i}` })).status).toBe('invalid');
      }
      expect(waits).toEqual([500, 1000, 2000]);
      const right = await login.attempt({ email, password: PASSWORD, ip: '192.0.2.99' });
      expect(right.status).toBe('ok');
      expect(waits.at(-1)).toBe(4000);
    } finally {
      await slow.dispose();
    }
  });
});

describe('sessions', () => {
  it('logout needs the CSRF token, ends the session and clears the cookie', async () => {
    const session = await harness.signIn('viewer');
    expect((await harness.call('POST', '/staff/api/logout', { session, csrf: null })).statusCode).toBe(403);
    const out = await harness.call('POST', '/staff/api/logout', { session });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/^punte_staff=; .*Expires=Thu, 01 Jan 1970/);
    expect((await harness.call('GET', '/staff/api/me', { session })).statusCode).toBe(401);
  });

  it('an idle session ends after STAFF_IDLE_MINUTES; background refreshes do not keep it alive', async () => {
    const session = await harness.signIn('caseworker');
    const db = harness.runtime.db;
    const rewind = async (minutes: number) => {
      const at = new Date(Date.now() - minutes * 60_000);
      await db.staffSession.updateMany({ where: { staffId: session.staffId }, data: { lastSeenAt: at } });
      return at;
    };
    const before = await rewind(20);
    expect((await harness.call('GET', '/staff/api/flags', { session, headers: { 'x-staff-background': '1' } })).statusCode).toBe(200);
    const row = await db.staffSession.findFirstOrThrow({ where: { staffId: session.staffId } });
    expect(row.lastSeenAt).toEqual(before);
    // A person's action does count.
    expect((await harness.call('GET', '/staff/api/flags', { session })).statusCode).toBe(200);
    expect((await db.staffSession.findFirstOrThrow({ where: { staffId: session.staffId } })).lastSeenAt.getTime()).toBeGreaterThan(before.getTime());
    await rewind(31);
    expect((await harness.call('GET', '/staff/api/flags', { session })).statusCode).toBe(401);
    expect(await db.staffSession.count({ where: { staffId: session.staffId } })).toBe(0);
  });

  it('a tampered or unsigned cookie is no session', async () => {
    const session = await harness.signIn('admin');
    const [name, value] = session.cookie.split('=') as [string, string];
    const token = decodeURIComponent(value).split('.')[0]!;
    expect((await harness.call('GET', '/staff/api/me', { headers: { cookie: `${name}=${token}` } })).statusCode).toBe(401);
    expect((await harness.call('GET', '/staff/api/me', { headers: { cookie: `${name}=${value.slice(0, -2)}xx` } })).statusCode).toBe(401);
  });

  it('disabling an account ends its sessions at once, and it cannot sign in again until re-enabled', async () => {
    const admin = await harness.signIn('admin');
    const { id, email } = await harness.account('caseworker');
    const login = await harness.login(email, PASSWORD, '10.77.0.1');
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await harness.call('POST', `/staff/api/accounts/${id}/disable`, { session: admin })).statusCode).toBe(200);
    expect((await harness.call('GET', '/staff/api/me', { headers: { cookie } })).statusCode).toBe(401);
    expect((await harness.login(email, PASSWORD, '10.77.0.2')).statusCode).toBe(401);
    expect((await harness.call('POST', `/staff/api/accounts/${id}/enable`, { session: admin })).statusCode).toBe(200);
    expect((await harness.login(email, PASSWORD, '10.77.0.3')).statusCode).toBe(200);
  });
});

describe('changing one\'s password', () => {
  it('needs the current password and a good new one, then ends every session of the account', async () => {
    const { email } = await harness.account('caseworker');
    const signIn = async (ip: string) => {
      const response = await harness.login(email, PASSWORD, ip);
      return { cookie: String(response.headers['set-cookie']).split(';')[0]!, csrf: (response.json() as { csrfToken: string }).csrfToken, staffId: '' };
    };
    const laptop = await signIn('10.88.0.1');
    const phone = await signIn('10.88.0.2');
    const change = (body: object) => harness.call('POST', '/staff/api/password', { session: phone, body });
    expect((await change({ currentPassword: 'not my password', newPassword: 'a brand new passphrase' })).json()).toEqual({ error: 'the current password is wrong' });
    expect((await change({ currentPassword: PASSWORD, newPassword: 'qwerty123456' })).statusCode).toBe(400);
    expect((await change({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })).statusCode).toBe(200);
    for (const session of [laptop, phone]) expect((await harness.call('GET', '/staff/api/me', { session })).statusCode).toBe(401);
    expect((await harness.login(email, PASSWORD, '10.88.0.3')).statusCode).toBe(401);
    expect((await harness.login(email, 'a brand new passphrase', '10.88.0.4')).statusCode).toBe(200);
  });
});

describe('over https', () => {
  it('the cookie is Secure and host-only (__Host- prefix) when PUBLIC_URL is https', async () => {
    const secure = await createHarness({ env: { PUBLIC_URL: 'https://punte.example.org' } });
    try {
      const { email } = await secure.account('viewer');
      const response = await secure.login(email, PASSWORD);
      expect(String(response.headers['set-cookie'])).toMatch(/^__Host-punte_staff=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await secure.dispose();
    }
  });
});
