import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpRoute } from '../../../adapters/http/http-route.js';
import { type HttpServer, startHttpServer } from '../../../adapters/http/server.js';
import { memoryLogger } from '../discord/test-logger.js';

const reply =
  (text: string): HttpRoute['handle'] =>
  async (request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' }).end(`${text} ${request.url}`);
  };

const ROUTES: HttpRoute[] = [
  { method: 'GET', path: '/healthz', handle: reply('health') },
  {
    method: 'POST',
    path: '/tlsrpt/',
    async handle(request, response) {
      let body = '';
      for await (const chunk of request) body += String(chunk);
      response.writeHead(200).end(`report ${request.url} ${body}`);
    },
  },
  {
    method: 'GET',
    path: '/broken',
    handle: async () => {
      throw new Error('route blew up');
    },
  },
];

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(timeouts?: { headersMs: number; requestMs: number }) {
  const log = memoryLogger();
  server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: ROUTES, logger: log.logger, timeouts });
  const base = `http://127.0.0.1:${server.port}`;
  return { base, lines: log.lines };
}

describe('startHttpServer', () => {
  it('serves an exact path and ignores the query string', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/healthz?probe=1`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('health /healthz?probe=1');
  });

  it('gives a prefix route every path below it, but not the bare prefix without its slash', async () => {
    const { base } = await start();
    const below = await fetch(`${base}/tlsrpt/abc123`, { method: 'POST', body: '{}' });
    expect(await below.text()).toBe('report /tlsrpt/abc123 {}');
    expect((await fetch(`${base}/tlsrpt`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('answers 404 for an unknown path and 405 with Allow for a known path with the wrong method', async () => {
    const { base } = await start();
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
    expect((await fetch(`${base}/healthz/extra`)).status).toBe(404);
    const wrong = await fetch(`${base}/healthz`, { method: 'POST', body: 'x' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('turns a throwing route into a 500 and a log line, and keeps serving', async () => {
    const { base, lines } = await start();
    const failed = await fetch(`${base}/broken`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('internal error\n');
    expect(lines()).toContainEqual(expect.objectContaining({ msg: 'http: route failed', path: '/broken' }));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('drops a client that never finishes its headers', async () => {
    await start({ headersMs: 200, requestMs: 400 });
    const socket = connect(server!.port, '127.0.0.1');
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // and never the blank line
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    await new Promise((resolve) => socket.on('close', resolve));
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('drops a client that never finishes its body', async () => {
    await start({ headersMs: 200, requestMs: 400 });
    const socket = connect(server!.port, '127.0.0.1');
    socket.write('POST /tlsrpt/abc HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"partial":');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    await new Promise((resolve) => socket.on('close', resolve));
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('refuses a port already taken', async () => {
    const { base } = await start();
    const port = Number(new URL(base).port);
    await expect(
      startHttpServer({ port, host: '127.0.0.1', routes: [], logger: memoryLogger().logger }),
    ).rejects.toThrow(/EADDRINUSE/);
  });

  it('closes with an idle keep-alive connection open', async () => {
    const { base } = await start();
    await (await fetch(`${base}/healthz`)).text();
    await server!.close();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    server = undefined;
  });
});
