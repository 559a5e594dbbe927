// Shared by the test/db tests: temporary folders, migration fixtures and TypeScript child processes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PRISMA_DIR = path.join(ROOT, 'prisma');
export const SCHEMA = path.join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS = path.join(PRISMA_DIR, 'migrations');

const require = createRequire(import.meta.url);
// tsx's loader, by absolute URL so children can run .ts files from any working directory.
const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;

const created: string[] = [];

/** A fresh folder under the OS temp folder; removed by cleanupTempDirs(). */
export function makeTempDir(prefix = 'punte-db-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `<migrationsDir>/<name>/migration.sql` and returns its path. */
export function writeMigration(migrationsDir: string, name: string, sql: string): string {
  const file = path.join(migrationsDir, name, 'migration.sql');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, sql);
  return file;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `node --import tsx script args` and returns the child; `done` settles when it exits. */
export function startTs(script: string, args: string[], options: { cwd?: string } = {}) {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, script, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done, output: () => stdout };
}

export function runTs(script: string, args: string[], options: { cwd?: string } = {}): Promise<RunResult> {
  return startTs(script, args, options).done;
}
