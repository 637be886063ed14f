import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { testConfig } from './config.js';
import { openTestDatabase } from '../test/helpers.js';
import type { Database } from './db/client.js';

const dist = mkdtempSync(path.join(os.tmpdir(), 'tiaodu-web-'));
let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>调度</title><div id="root"></div>');
  writeFileSync(path.join(dist, 'app.js'), 'console.log(1)');
  database = await openTestDatabase();
  app = await buildApp({ db: database.db, config: testConfig({ webDist: dist }) });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves the index page and static files', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<div id="root">');
    expect((await app.inject({ method: 'GET', url: '/app.js' })).body).toBe('console.log(1)');
  });
  it('answers client-side routes with the index page', async () => {
    const deep = await app.inject({ method: 'GET', url: '/projects/12?stage=construction' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toContain('text/html');
    expect(deep.body).toContain('<div id="root">');
  });
  it('keeps unknown API paths as JSON errors (401 before login: no probing of the API)', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    expect((await app.inject({ method: 'POST', url: '/projects/12' })).statusCode).toBe(404);
  });
});
