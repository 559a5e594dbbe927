// The HTTP server: in process with inject, and for real as `npm start` on a fresh database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../app/server.ts';
import { ROOT } from '../helpers/cli.ts';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime.ts';

describe('server in process', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  beforeAll(async () => {
    runtime = await createTestRuntime();
    app = await buildServer(runtime);
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('answers /healthz once ready', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers an unknown route with 404 and no stack trace', async () => {
    const response = await app.inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('at ');
  });
});

describe('npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'punte-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a fresh database and answers /healthz', async () => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', DATABASE_URL: `file:${join(dir, 'db', 'punte.db')}`, DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    try {
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
      });
      const response = await fetch(`${address}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
      expect(output).toContain('database migrated');
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
  });
});
