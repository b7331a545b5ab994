import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HTTPReceiver, isValidSlackRequest } from '@slack/bolt';
import type { Logger } from 'pino';

/** Slack's own window: Bolt refuses requests older than this; the guard refuses ones as far in the future. */
const WINDOW_S = 5 * 60;
/** Bolt's own body limit. */
const BODY_LIMIT = 4 * 1024 * 1024;
/** Far beyond what one bot receives in five minutes; memory stays bounded under any flood. */
const MAX_REMEMBERED = 20_000;

export interface ReplayGuardOptions {
  signingSecret: string;
  logger: Logger;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

/**
 * Puts a replay guard in front of Bolt's request handling: a timestamp more than 5 minutes in the future is refused
 * (401) as Bolt refuses a stale one; a validly signed request whose signature was already seen inside the window,
 * or one Slack marks as its own retry (X-Slack-Retry-Num), is acknowledged (200) without being handled again.
 * Only verified signatures are remembered, so forged requests cannot crowd genuine ones out of the bounded memory.
 */
export function guardReplays(
  receiver: HTTPReceiver,
  { signingSecret, logger, now = Date.now }: ReplayGuardOptions,
): void {
  const handle = receiver.requestListener;
  /** Signature → the second after which Bolt refuses the request as stale anyway. Insertion order is age order. */
  const seen = new Map<string, number>();

  const remember = (signature: string, timestamp: number): boolean => {
    const nowS = Math.floor(now() / 1000);
    for (const [key, until] of seen) {
      if (until >= nowS && seen.size < MAX_REMEMBERED) break;
      seen.delete(key);
    }
    if (seen.has(signature)) return false;
    seen.set(signature, timestamp + WINDOW_S);
    return true;
  };

  receiver.requestListener = (req, res) => {
    void guard(req, res).catch((err: unknown) => {
      logger.error({ err }, 'Slack request guard failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  };

  async function guard(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    const signature = req.headers['x-slack-signature'];
    if (req.method !== 'POST' || typeof signature !== 'string' || !Number.isFinite(timestamp)) return handle(req, res);
    if (timestamp > Math.floor(now() / 1000) + WINDOW_S) {
      logger.warn({ timestamp }, 'Slack request refused: its timestamp is more than 5 minutes in the future');
      res.writeHead(401).end();
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      res.writeHead(413).end();
      return;
    }
    // Bolt reads a body already buffered here instead of the consumed stream.
    Object.assign(req, { rawBody: body });
    const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp };
    if (!isValidSlackRequest({ signingSecret, body: body.toString(), headers, nowMilliseconds: now() }))
      return handle(req, res);
    const retry = req.headers['x-slack-retry-num'];
    if (retry !== undefined || !remember(signature, timestamp)) {
      logger.warn(
        { retry },
        retry === undefined
          ? 'Slack request replayed: answered once already'
          : 'Slack retry ignored: answered once already',
      );
      res.writeHead(200, { 'x-slack-no-retry': '1' }).end();
      return;
    }
    handle(req, res);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
