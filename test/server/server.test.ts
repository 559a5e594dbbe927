// The HTTP server: in process with inject, and for real as `npm start` on a fresh database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { buildServer, trustProxy } from '../../app/server.ts';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime.ts';
import { startServerProcess } from '../helpers/server-process.ts';

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
    const server = await startServerProcess({ DATABASE_URL: `file:${join(dir, 'db', 'punte.db')}`, DATA_DIR: dir }, { viaNpmStart: true });
    try {
      const response = await fetch(`${server.address}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
      expect(server.output()).toContain('database migrated');
    } finally {
      await server.stop();
    }
  });
});

describe('TRUST_PROXY', () => {
  it('true trusts one proxy: a client cannot choose its address by writing X-Forwarded-For', async () => {
    const app = Fastify({ trustProxy: trustProxy(true) });
    app.get('/whoami', async (request) => ({ ip: request.ip }));
    const response = await app.inject({ method: 'GET', url: '/whoami', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '1.2.3.4, 203.0.113.9' } });
    // The proxy (10.0.0.2) added the address it saw; the "1.2.3.4" the client wrote is ignored.
    expect(response.json()).toEqual({ ip: '203.0.113.9' });
    const direct = Fastify({ trustProxy: trustProxy(false) });
    direct.get('/whoami', async (request) => ({ ip: request.ip }));
    expect((await direct.inject({ method: 'GET', url: '/whoami', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '1.2.3.4' } })).json()).toEqual({ ip: '10.0.0.2' });
  });
});
