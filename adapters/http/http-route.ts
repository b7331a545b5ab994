import type { IncomingMessage, ServerResponse } from 'node:http';

/** One endpoint of the bot's own HTTP server (health, readiness, metrics, TLS-RPT reports). */
export interface HttpRoute {
  method: 'GET' | 'POST';
  /** An exact path, or a prefix ending in '/' that takes every path below it (e.g. '/tlsrpt/'). */
  path: string;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}
