// Secrets come from the environment. In development (NODE_ENV unset) a missing secret is generated once into
// the data folder, so `npm ci && npm start` just works; in production a missing secret stops start-up.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEncryptionKey, parseEncryptionKey } from './crypto.ts';
import { PunteError } from './errors.ts';

interface SecretSpec {
  readonly name: string;
  readonly generate: () => string;
  readonly validate: (value: string) => void;
}

// Later features add their secrets here (staff session secret, webhook secrets...).
export const SECRET_SPECS: readonly SecretSpec[] = [
  { name: 'DATA_ENCRYPTION_KEY', generate: generateEncryptionKey, validate: (value) => void parseEncryptionKey(value) },
  // Signs staff console cookies and keys the hashes of session tokens and sign-in attempts.
  {
    name: 'STAFF_SESSION_SECRET',
    generate: () => randomBytes(32).toString('base64url'),
    validate: (value) => {
      if (value.length < 32) throw new PunteError('PUNTE_CONFIG_INVALID', 'STAFF_SESSION_SECRET: must be at least 32 characters');
    },
  },
];

export const GENERATED_SECRETS_FILE = 'secrets.json';

export interface Secrets {
  readonly DATA_ENCRYPTION_KEY: string;
  readonly STAFF_SESSION_SECRET: string;
}

function readGenerated(file: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

export function resolveSecrets(options: {
  env: NodeJS.ProcessEnv;
  production: boolean;
  dataDir: string;
  warn: (message: string) => void;
}): Secrets {
  const fromEnv = (name: string) => {
    const value = options.env[name];
    return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
  };
  // A malformed secret is named before missing ones: it is the more specific mistake.
  for (const spec of SECRET_SPECS) {
    const value = fromEnv(spec.name);
    if (value !== undefined) spec.validate(value);
  }
  const missing = SECRET_SPECS.filter((spec) => fromEnv(spec.name) === undefined).map((spec) => spec.name);
  if (missing.length > 0 && options.production) {
    throw new PunteError('PUNTE_SECRETS_MISSING', missing.join(', '));
  }

  const values: Record<string, string> = {};
  const file = join(options.dataDir, GENERATED_SECRETS_FILE);
  let generated = missing.length > 0 ? readGenerated(file) : {};
  const toGenerate = missing.filter((name) => generated[name] === undefined);
  if (toGenerate.length > 0) {
    mkdirSync(options.dataDir, { recursive: true });
    const next = { ...generated };
    for (const name of toGenerate) next[name] = SECRET_SPECS.find((spec) => spec.name === name)!.generate();
    writeGenerated(file, next, generated);
    generated = readGenerated(file);
    options.warn(`generated development secrets ${toGenerate.join(', ')} into ${file}; set them in the environment for production`);
  }
  for (const spec of SECRET_SPECS) {
    const value = fromEnv(spec.name) ?? generated[spec.name];
    if (value === undefined) throw new PunteError('PUNTE_SECRETS_MISSING', spec.name);
    spec.validate(value);
    values[spec.name] = value;
  }
  return values as unknown as Secrets;
}

// Two processes may start at once: the first creates the file exclusively; a later one that only adds keys
// rewrites it with what it read plus its own, keeping values that were already there.
function writeGenerated(file: string, next: Record<string, string>, previous: Record<string, string>): void {
  const body = `${JSON.stringify(next, null, 2)}\n`;
  if (Object.keys(previous).length === 0) {
    try {
      writeFileSync(file, body, { flag: 'wx', mode: 0o600 });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readGenerated(file);
      writeFileSync(file, `${JSON.stringify({ ...next, ...current }, null, 2)}\n`, { mode: 0o600 });
      return;
    }
  }
  writeFileSync(file, body, { mode: 0o600 });
}
