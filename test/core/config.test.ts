import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { generateEncryptionKey } from '../../core/crypto.ts';
import { resolveSecrets } from '../../core/secrets.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'punte-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('core/config', () => {
  it('has working defaults, and treats empty strings as missing', () => {
    const config = loadConfig({ PORT: '', HOST: '  ' });
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('file:./data/punte.db');
    expect(config.SESSION_TIMEOUT_MINUTES).toBe(30);
    expect(config.DEFAULT_LOCALE).toBe('ro');
    expect(config.production).toBe(false);
  });

  it('lists every bad key at once', () => {
    expect(() => loadConfig({ PORT: 'abc', DEFAULT_LOCALE: 'fr', DATABASE_URL: 'postgres://x' })).toThrow(
      /^configuration is invalid: PORT: .*; DATABASE_URL: must be a SQLite file URL such as file:\.\/data\/punte\.db; DEFAULT_LOCALE: /,
    );
  });
});

describe('core/secrets', () => {
  it('production refuses to start without the real secrets and names them', () => {
    expect(() => resolveSecrets({ env: {}, production: true, dataDir: tempDir(), warn: () => {} })).toThrow(
      'NODE_ENV=production needs these secrets in the environment: DATA_ENCRYPTION_KEY',
    );
  });

  it('production rejects a malformed key', () => {
    expect(() =>
      resolveSecrets({ env: { DATA_ENCRYPTION_KEY: 'nope' }, production: true, dataDir: tempDir(), warn: () => {} }),
    ).toThrow(/DATA_ENCRYPTION_KEY must be 64 hexadecimal/);
  });

  it('development generates a key once into the data folder, with a warning, and reuses it', () => {
    const dir = tempDir();
    const warnings: string[] = [];
    const first = resolveSecrets({ env: {}, production: false, dataDir: join(dir, 'data'), warn: (m) => warnings.push(m) });
    expect(first.DATA_ENCRYPTION_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('DATA_ENCRYPTION_KEY');
    const file = join(dir, 'data', 'secrets.json');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
    const second = resolveSecrets({ env: {}, production: false, dataDir: join(dir, 'data'), warn: (m) => warnings.push(m) });
    expect(second.DATA_ENCRYPTION_KEY).toBe(first.DATA_ENCRYPTION_KEY);
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).DATA_ENCRYPTION_KEY).toBe(first.DATA_ENCRYPTION_KEY);
  });

  it('a key in the environment wins and nothing is written', () => {
    const dir = tempDir();
    const key = generateEncryptionKey();
    const env = { DATA_ENCRYPTION_KEY: key, STAFF_SESSION_SECRET: 'x'.repeat(32) };
    const secrets = resolveSecrets({ env, production: false, dataDir: dir, warn: () => {} });
    expect(secrets.DATA_ENCRYPTION_KEY).toBe(key);
    expect(existsSync(join(dir, 'secrets.json'))).toBe(false);
  });
});
