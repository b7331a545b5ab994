import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../../../adapters/http/server.js';
import { tlsRptRoute } from '../../../adapters/http/tlsrpt-route.js';
import type { ChatMessage } from '../../../src/chat/chat-message.js';
import { createCommandCore } from '../../../src/command/command-core.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import { plainText } from '../../chat/plain-text.js';
import { REPORT_CHANNEL } from '../../store/tlsrpt-fixtures.js';
import { reportBytes } from '../../tlsrpt/report-builder.js';

const TOKEN = 'tok_AAAAAAAAAAAAAAAAAAAAAAAA';
const NOW = new Date('2026-12-01T10:00:00.000Z');
const EVER = { endAfter: '2000-01-01T00:00:00.000Z' };
let store: SqliteStore;
let server: HttpServer;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.mintIngestToken(REPORT_CHANNEL, TOKEN, NOW.toISOString());
  // The bot's own HTTP server, as npm start serves the route.
  const logger = pino({ level: 'silent' });
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    routes: [tlsRptRoute({ store, now: () => NOW, logger })],
    logger,
  });
});
afterEach(async () => {
  await server.close();
  await store.close();
});

const post = (
  token: string,
  body: string | Uint8Array,
  contentType = 'application/tlsrpt+json',
  headers: Record<string, string> = {},
) =>
  fetch(`http://127.0.0.1:${server.port}/tlsrpt/${token}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body,
  });

describe('POST /tlsrpt/<token>', () => {
  it('answers 404 to a token nobody minted, and to a path that is no token, storing nothing', async () => {
    for (const token of ['tok_BBBBBBBBBBBBBBBBBBBBBBBB', '..%2F..%2Fetc', '', 'short']) {
      const response = await post(token, reportBytes());
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'unknown-endpoint', path: null, message: 'No report endpoint here.' },
      });
    }
    expect(await store.tlsRptReports(REPORT_CHANNEL, 'example.com', EVER)).toEqual([]);
  });

  it('answers 415 to a media type other than the two of RFC 8460 §5.4', async () => {
    for (const type of ['application/json', 'text/plain', 'application/gzip']) {
      const response = await post(TOKEN, reportBytes(), type);
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
    const streamed = await fetch(`http://127.0.0.1:${server.port}/tlsrpt/${TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/tlsrpt+json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('keeps a report once: 201 when new, 200 for the same organisation and report-id again, JSON or gzip', async () => {
    const first = await post(TOKEN, reportBytes(), 'application/tlsrpt+json');
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ stored: true, warnings: [] });
    const again = await post(TOKEN, gzipSync(reportBytes()), 'application/tlsrpt+gzip; charset=binary');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ stored: false, warnings: [] });
    expect(await post(TOKEN, gzipSync(reportBytes({ 'report-id': 'r-2' })), 'application/tlsrpt+gzip')).toHaveProperty(
      'status',
      201,
    );
    const kept = await store.tlsRptReports(REPORT_CHANNEL, 'example.com', EVER);
    expect(kept.map((r) => [r.submitter, r.organization, r.reportId, r.start, r.end, r.receivedAt])).toEqual([
      ['rua', 'Sender Inc.', 'r-1', '2026-11-30T00:00:00.000Z', '2026-11-30T23:59:59.000Z', NOW.toISOString()],
      ['rua', 'Sender Inc.', 'r-2', '2026-11-30T00:00:00.000Z', '2026-11-30T23:59:59.000Z', NOW.toISOString()],
    ]);
  });

  it("answers 400 with the reader's code and path to a bad report, 413 to a gzip that inflates past 10 MiB", async () => {
    const wrong = await post(
      TOKEN,
      reportBytes({ 'date-range': { 'start-datetime': 'yesterday', 'end-datetime': '2026-11-30T23:59:59Z' } }),
    );
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { code: string; path: string } }).error).toMatchObject({
      code: 'invalid-datetime',
      path: 'date-range.start-datetime',
    });
    const notJson = await post(TOKEN, '{"policies": [', 'application/tlsrpt+json');
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('invalid-json');
    const bomb = await post(TOKEN, gzipSync(Buffer.alloc(11 * 1024 * 1024, 0x20)), 'application/tlsrpt+gzip');
    expect(bomb.status).toBe(413);
    expect(await store.tlsRptReports(REPORT_CHANNEL, 'example.com', EVER)).toEqual([]);
  });

  it('under hundreds of concurrent POSTs from three channels, with duplicates and malformed ones, loses and double-counts nothing while commands are answered', async () => {
    const channels = ['C1', 'C2', 'C3'].map((channelId) => ({ ...REPORT_CHANNEL, channelId }));
    const tokens = [TOKEN, 'tok_CCCCCCCCCCCCCCCCCCCCCCCC', 'tok_DDDDDDDDDDDDDDDDDDDDDDDD'];
    await store.mintIngestToken(channels[1]!, tokens[1]!, NOW.toISOString());
    await store.mintIngestToken(channels[2]!, tokens[2]!, NOW.toISOString());
    // Per channel, 100 posts: every tenth malformed, every tenth a second copy of the report just before it.
    const posts = Array.from({ length: 300 }, (_, i) => {
      const j = Math.floor(i / 3);
      const body =
        j % 10 === 0 ? Buffer.from('{"policies": [') : reportBytes({ 'report-id': `r-${j % 10 === 9 ? j - 1 : j}` });
      return { channel: i % 3, body: i % 2 === 0 ? gzipSync(body) : body };
    });
    const core = createCommandCore({
      scan: async () => {
        throw new Error('no scans here');
      },
      watches: store,
      reports: { store, publicUrl: null },
      now: () => NOW.getTime(),
    });
    const answers: Promise<ChatMessage>[] = [];
    const statuses = await Promise.all(
      posts.map(async ({ channel, body }, i) => {
        if (i % 15 === 0) answers.push(core.handle({ ...REPORT_CHANNEL, userId: 'U1', text: 'reports example.com' }));
        const response = await post(
          tokens[channel]!,
          body,
          i % 2 === 0 ? 'application/tlsrpt+gzip' : 'application/tlsrpt+json',
        );
        await response.arrayBuffer();
        return { channel, status: response.status };
      }),
    );
    for (const channel of [0, 1, 2]) {
      const mine = statuses.filter((s) => s.channel === channel).map((s) => s.status);
      expect([201, 200, 400].map((status) => mine.filter((s) => s === status).length)).toEqual([80, 10, 10]);
    }
    const texts = (await Promise.all(answers)).map((answer) =>
      answer.kind === 'notice' ? plainText(answer.text).split('\n')[0] : answer.kind,
    );
    expect(texts).toHaveLength(20);
    for (const text of texts)
      expect(text).toMatch(
        /^(TLS-RPT reports for example\.com: \d+ reports? from 1 reporter in the last 30 days|No TLS-RPT reports for example\.com in this channel in the last 30 days\. .*)$/,
      );
    for (const channel of channels) {
      const answer = await core.handle({ ...channel, userId: 'U1', text: 'reports example.com' });
      expect(answer.kind === 'notice' && plainText(answer.text).split('\n').slice(0, 3)).toEqual([
        'TLS-RPT reports for example.com: 80 reports from 1 reporter in the last 30 days',
        'Last 7 days: sts 800 succeeded · 80 failed',
        'Last 30 days: sts 800 succeeded · 80 failed',
      ]);
    }
  });
});
