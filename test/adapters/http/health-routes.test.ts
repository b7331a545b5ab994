import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { healthRoutes, type ReadinessCheck } from '../../../adapters/http/health-routes.js';
import { type HttpServer, startHttpServer } from '../../../adapters/http/server.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import { memoryLogger } from '../discord/test-logger.js';

let server: HttpServer | undefined;
let store: SqliteStore | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  server = store = dir = undefined;
});

async function serve(checks: ReadinessCheck[]) {
  const { logger, lines } = memoryLogger();
  server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: healthRoutes(checks, logger), logger });
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${server!.port}${path}`);
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return { get, lines };
}

function fileStore() {
  dir = mkdtempSync(join(tmpdir(), 'mtasts-ready-'));
  const path = join(dir, 'bot.db');
  store = openSqliteStore(path);
  return { path, store };
}

describe('healthRoutes', () => {
  it('says the process is up on /healthz whatever the checks say', async () => {
    const { get } = await serve([{ name: 'store', check: () => Promise.reject(new Error('down')) }]);
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('turns /readyz to 503 naming the store while another connection holds the database locked, and back when released', async () => {
    const { path, store } = fileStore();
    const { get, lines } = await serve([{ name: 'store', check: () => store.ping() }]);
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });

    const other = new Database(path);
    other.prepare('BEGIN EXCLUSIVE').run();
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'not ready', failing: ['store'] } });
    expect(lines()).toContainEqual(expect.objectContaining({ msg: 'readiness check failed', check: 'store' }));

    other.prepare('COMMIT').run();
    other.close();
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('is not ready once the store is closed', async () => {
    const { store: closing } = fileStore();
    const { get } = await serve([{ name: 'store', check: () => closing.ping() }]);
    closing.close();
    store = undefined;
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'not ready', failing: ['store'] } });
  });

  it('is not ready on a database migrated by a newer schema than this build knows', async () => {
    const { path, store } = fileStore();
    const { get } = await serve([{ name: 'store', check: () => store.ping() }]);
    const other = new Database(path);
    other.pragma('user_version = 999');
    other.close();
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'not ready', failing: ['store'] } });
  });

  it('names every failing check, including one that never answers', async () => {
    const { get } = await serve([
      { name: 'store', check: () => Promise.resolve() },
      { name: 'slack', check: () => Promise.reject(new Error('not connected')) },
      { name: 'discord', check: () => new Promise(() => {}) },
    ]);
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'not ready', failing: ['slack', 'discord'] } });
  });
});
