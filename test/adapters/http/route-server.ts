import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRoute } from '../../../adapters/http/http-route.js';

export interface RouteServer {
  url: string;
  close(): Promise<void>;
}

/** A plain node:http server on 127.0.0.1 that hands each request to the route whose method and path match. */
export async function startRouteServer(routes: HttpRoute[]): Promise<RouteServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const route = routes.find((r) => r.method === request.method && (r.path.endsWith('/') ? path.startsWith(r.path) : path === r.path));
    if (route === undefined) {
      response.writeHead(404).end();
      return;
    }
    route.handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
