// The console's settings: its secret (generated in development, required in production), the idle timeout, the
// proxy setting that lets the sign-in limit see real client addresses.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { generateEncryptionKey } from '../../core/crypto.ts';
import { resolveSecrets } from '../../core/secrets.ts';

const dir = mkdtempSync(join(tmpdir(), 'punte-staff-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('STAFF_SESSION_SECRET', () => {
  it('production refuses to start without it and names it', () => {
    expect(() => resolveSecrets({ env: { DATA_ENCRYPTION_KEY: generateEncryptionKey() }, production: true, dataDir: dir, warn: () => {} })).toThrow(
      'NODE_ENV=production needs these secrets in the environment: STAFF_SESSION_SECRET',
    );
    expect(() =>
      resolveSecrets({ env: { DATA_ENCRYPTION_KEY: generateEncryptionKey(), STAFF_SESSION_SECRET: 'too short' }, production: true, dataDir: dir, warn: () => {} }),
    ).toThrow('STAFF_SESSION_SECRET: must be at least 32 characters');
  });

  it('development generates one into the data folder, once', () => {
    const warnings: string[] = [];
    const env = { DATA_ENCRYPTION_KEY: generateEncryptionKey() };
    const first = resolveSecrets({ env, production: false, dataDir: dir, warn: (m) => warnings.push(m) });
    expect(first.STAFF_SESSION_SECRET).toMatch(/^[\w-]{43}$/);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toEqual({ STAFF_SESSION_SECRET: first.STAFF_SESSION_SECRET });
    expect(resolveSecrets({ env, production: false, dataDir: dir, warn: (m) => warnings.push(m) }).STAFF_SESSION_SECRET).toBe(first.STAFF_SESSION_SECRET);
    expect(warnings).toEqual([expect.stringContaining('STAFF_SESSION_SECRET')]);
  });
});

describe('configuration', () => {
  it('STAFF_IDLE_MINUTES, PUBLIC_URL and TRUST_PROXY', () => {
    const defaults = loadConfig({});
    expect(defaults.STAFF_IDLE_MINUTES).toBe(30);
    expect(defaults.TRUST_PROXY).toBe(false);
    expect(defaults.PUBLIC_URL).toBeUndefined();
    const set = loadConfig({ STAFF_IDLE_MINUTES: '15', PUBLIC_URL: 'https://punte.example.org/', TRUST_PROXY: '1' });
    expect(set).toMatchObject({ STAFF_IDLE_MINUTES: 15, PUBLIC_URL: 'https://punte.example.org', TRUST_PROXY: 1 });
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.2' }).TRUST_PROXY).toBe('10.0.0.1, 10.0.0.2');
    expect(() => loadConfig({ STAFF_IDLE_MINUTES: '0', PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL: .*STAFF_IDLE_MINUTES: /);
  });
});
