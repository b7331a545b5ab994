import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { createScanQueue } from '../../src/command/scan-queue.js';
import type { TlsRptStore } from '../../src/store/tlsrpt-store.js';
import type { Channel } from '../../src/store/watch-store.js';
import { ingestReport } from '../../src/tlsrpt/ingest-report.js';
import { TLSRPT_MAX_BYTES } from '../../src/tlsrpt/tlsrpt-report.js';
import type { HttpRoute } from './http-route.js';
import { readBody } from './read-body.js';

export const TLSRPT_PATH = '/tlsrpt/';
/** RFC 8460 §5.4; the reader tells gzip from JSON by its magic bytes, whichever of the two is declared. */
const MEDIA_TYPES = new Set(['application/tlsrpt+gzip', 'application/tlsrpt+json']);
/** What mintIngestToken hands out (base64url), with room to spare; anything else is no token. */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
/**
 * Reports read at once. Reading is parsing in the end, which holds the event loop (about 20 ms for 5,000 failure
 * details, a few hundred for 10 MiB); the others wait unread, held back by TCP, so memory stays at a few reports.
 */
const READING_AT_ONCE = 4;

export interface TlsRptRouteOptions {
  store: Pick<TlsRptStore, 'addTlsRptReport' | 'channelOfIngestToken'>;
  now: () => Date;
  logger: Logger;
}

/**
 * `POST /tlsrpt/<token>`: the rua endpoint of RFC 8460 §3 ("rua=https://…/tlsrpt/<token>"). The report is read,
 * summarised and kept for the token's channel; a sender gets 201 (new), 200 (already had it), 4xx with the reason
 * in JSON, or 404 for a token nobody minted (nothing is read then).
 */
export function tlsRptRoute({ store, now, logger }: TlsRptRouteOptions): HttpRoute {
  const reading = createScanQueue(READING_AT_ONCE);
  return {
    method: 'POST',
    path: TLSRPT_PATH,
    async handle(request, response) {
      const token = new URL(request.url ?? '/', 'http://x').pathname.slice(TLSRPT_PATH.length);
      const channel = TOKEN.test(token) ? await store.channelOfIngestToken(token) : null;
      if (channel === null) return refuse(request, response, 404, 'unknown-endpoint', 'No report endpoint here.');
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!MEDIA_TYPES.has(mediaType)) {
        return refuse(
          request,
          response,
          415,
          'unsupported-media-type',
          'Send application/tlsrpt+gzip or application/tlsrpt+json (RFC 8460 §5.4).',
        );
      }
      await reading.run(() => ingest(request, response, channel));
    },
  };

  async function ingest(request: IncomingMessage, response: ServerResponse, channel: Channel): Promise<void> {
    const body = await readBody(request, TLSRPT_MAX_BYTES);
    if (!body.ok) {
      if (body.reason === 'aborted') return;
      return refuse(request, response, 413, 'too-large', `A report is at most ${TLSRPT_MAX_BYTES} bytes.`);
    }
    const outcome = await ingestReport(store, { channel, submitter: 'rua', bytes: body.bytes, now: now() });
    if (!outcome.accepted) {
      const { code, path, message } = outcome.error;
      logger.info({ code, path, platform: channel.platform, channelId: channel.channelId }, 'tlsrpt: report rejected');
      return send(response, code === 'too-large' ? 413 : 400, { error: { code, path, message } });
    }
    const { organization, reportId } = outcome.report;
    logger.info(
      { organization, reportId, stored: outcome.stored, channelId: channel.channelId },
      'tlsrpt: report received',
    );
    send(response, outcome.stored ? 201 : 200, { stored: outcome.stored, warnings: outcome.warnings });
  }
}

/** Answers without reading the body; the connection closes so an unread upload cannot pile up behind it. */
function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  if (!request.complete) response.setHeader('connection', 'close');
  send(response, status, { error: { code, path: null, message } });
}

function send(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
