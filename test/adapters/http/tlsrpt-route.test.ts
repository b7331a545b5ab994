import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tlsRptRoute } from '../../../adapters/http/tlsrpt-route.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import { REPORT_CHANNEL } from '../../store/tlsrpt-fixtures.js';
import { reportJson } from '../../tlsrpt/report-json.js';
import { startRouteServer, type RouteServer } from './route-server.js';

const TOKEN = 'tok_AAAAAAAAAAAAAAAAAAAAAAAA';
const NOW = new Date('2026-11-30T10:00:00.000Z');
const EVER = { endAfter: '2000-01-01T00:00:00.000Z' };
let store: SqliteStore;
let server: RouteServer;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.mintIngestToken(REPORT_CHANNEL, TOKEN, NOW.toISOString());
  server = await startRouteServer([tlsRptRoute({ store, now: () => NOW, logger: pino({ level: 'silent' }) })]);
});
afterEach(async () => {
  await server.close();
  store.close();
});

const post = (token: string, body: string | Uint8Array, contentType = 'application/tlsrpt+json', headers: Record<string, string> = {}) =>
  fetch(`${server.url}/tlsrpt/${token}`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

describe('POST /tlsrpt/<token>', () => {
  it('answers 404 to a token nobody minted, and to a path that is no token, storing nothing', async () => {
    for (const token of ['tok_BBBBBBBBBBBBBBBBBBBBBBBB', '..%2F..%2Fetc', '', 'short']) {
      const response = await post(token, reportJson());
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'unknown-endpoint', path: null, message: 'No report endpoint here.' } });
    }
    expect(await store.tlsRptReports(REPORT_CHANNEL, 'example.com', EVER)).toEqual([]);
  });

  it('answers 415 to a media type other than the two of RFC 8460 §5.4', async () => {
    for (const type of ['application/json', 'text/plain', 'application/gzip']) {
      const response = await post(TOKEN, reportJson(), type);
      expect(response.status).toBe(415);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unsupported-media-type');
    }
  });

  it('answers 413 to a body over 10 MiB, declared or streamed, without keeping it', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    const declared = await post(TOKEN, big);
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe('too-large');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 11; i += 1) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.url}/tlsrpt/${TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/tlsrpt+json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});
