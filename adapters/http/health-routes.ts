import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { HttpRoute } from './http-route.js';

/** One thing the bot needs before it can serve: the store, a chat platform's connection. */
export interface ReadinessCheck {
  name: string;
  /** Resolves when ready; rejects (or takes longer than the deadline) when not. */
  check(): Promise<void>;
}

/** A hung store must not hang the probe: a check slower than this counts as not ready. */
const CHECK_DEADLINE_MS = 2_000;

/** `GET /healthz`: the process is up. `GET /readyz`: every check passes, else 503 naming those that did not. */
export function healthRoutes(checks: ReadinessCheck[], logger: Logger): HttpRoute[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      async handle(_request, response) {
        json(response, 200, { status: 'ok' });
      },
    },
    {
      method: 'GET',
      path: '/readyz',
      async handle(_request, response) {
        const results = await Promise.all(checks.map((one) => passes(one, logger)));
        const failing = checks.filter((_, i) => !results[i]).map((one) => one.name);
        json(
          response,
          failing.length === 0 ? 200 : 503,
          failing.length === 0 ? { status: 'ready' } : { status: 'not ready', failing },
        );
      },
    },
  ];
}

async function passes({ name, check }: ReadinessCheck, logger: Logger): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_DEADLINE_MS} ms`)), CHECK_DEADLINE_MS);
  });
  try {
    await Promise.race([check(), deadline]);
    return true;
  } catch (error) {
    logger.warn({ err: error, check: name }, 'readiness check failed');
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function json(response: ServerResponse, status: number, body: object): void {
  response
    .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(`${JSON.stringify(body)}\n`);
}
