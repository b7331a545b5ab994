import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { HttpRoute } from './http-route.js';

export interface HttpServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default: every interface. */
  host?: string;
  routes: HttpRoute[];
  logger: Logger;
  /** How long a client may take to send its headers, and its whole request; tests shorten them. */
  timeouts?: { headersMs: number; requestMs: number };
}

export interface HttpServer {
  port: number;
  /** Stops listening, lets requests in progress finish (for a few seconds at most), then closes every connection. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000 };
/** What close() grants requests in progress before it cuts their connections. */
const CLOSE_GRACE_MS = 5_000;

/** The bot's own HTTP server (health, readiness, metrics, TLS-RPT reports), apart from Slack's Bolt port. */
export async function startHttpServer({
  port,
  host,
  routes,
  logger,
  timeouts = DEFAULT_TIMEOUTS,
}: HttpServerOptions): Promise<HttpServer> {
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      // Node looks for overdue requests this often; never less often than the shortest timeout.
      connectionsCheckingInterval: Math.min(timeouts.headersMs, 30_000),
    },
    (request, response) => void serve(request, response, routes, logger),
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    logger.debug({ err: error }, 'http: bad or slow client');
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    socket.destroy();
  });
  server.listen(port, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => Promise.reject(error as Error)),
  ]);
  const bound = (server.address() as AddressInfo).port;
  logger.info({ port: bound }, 'http: listening');

  let closing: Promise<void> | undefined;
  return {
    port: bound,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  routes: HttpRoute[],
  logger: Logger,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const matching = routes.filter((route) =>
    route.path.endsWith('/') ? path.startsWith(route.path) : path === route.path,
  );
  const route = matching.find((candidate) => candidate.method === request.method);
  if (route === undefined) {
    request.resume();
    if (matching.length === 0) return plain(response, 404, 'not found\n');
    response.setHeader('allow', [...new Set(matching.map((candidate) => candidate.method))].join(', '));
    return plain(response, 405, 'method not allowed\n');
  }
  try {
    await route.handle(request, response);
  } catch (error) {
    logger.error({ err: error, method: request.method, path: route.path }, 'http: route failed');
    if (!response.headersSent) plain(response, 500, 'internal error\n');
    else response.destroy();
  }
}

function plain(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
}
