import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call or response_url POST as the fake received it, body decoded (form or JSON). */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  /** What the fake answered (the JSON body), e.g. the `ts` handed out for a posted message. */
  reply: Record<string, unknown> | undefined;
  /** Date.now() when the fake received it. */
  at: number;
}

export interface FakeSlackApi {
  /** Web API base to give Bolt as slackApiUrl, ends in "/api/". */
  apiUrl: string;
  /** A response_url target; every POST to it is recorded under method "respond". */
  responseUrl: string;
  calls: RecordedCall[];
  /** Make chat.postMessage fail with this Slack error (e.g. "not_in_channel"). */
  postMessageError: string | null;
  /** How many chat.postMessage calls still succeed before postMessageError applies; 0 = from the first. */
  postsBeforeError: number;
  /** Make response_url answer 404 to in_channel responses, as for a conversation that does not allow them. */
  refuseInChannelResponses: boolean;
  /** The URL apps.connections.open hands out (Socket Mode). */
  socketUrl: string | null;
  /** Makes a file known to files.info and downloadable at its url_private_download (bot token required). */
  addFile(file: { id: string; name: string; bytes: Uint8Array; size?: number }): void;
  /** The Authorization header of each file download, in order. */
  downloads: Array<string | undefined>;
  callsTo(method: string): RecordedCall[];
  /** Resolves once `count` calls to `method` have been recorded. */
  waitForCalls(method: string, count: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

const BOT_IDENTITY = { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'mtasts', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' };

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const waiters = new Set<() => void>();
  const files = new Map<string, { id: string; name: string; bytes: Uint8Array; size?: number }>();
  let nextTs = 1;
  const fake: FakeSlackApi = {
    apiUrl: '',
    responseUrl: '',
    calls: [],
    postMessageError: null,
    postsBeforeError: 0,
    refuseInChannelResponses: false,
    socketUrl: null,
    addFile: (file) => void files.set(file.id, file),
    downloads: [],
    callsTo: (method) => fake.calls.filter((call) => call.method === method),
    waitForCalls: (method, count) =>
      new Promise((resolve) => {
        const check = () => {
          const found = fake.callsTo(method);
          if (found.length < count) return;
          waiters.delete(check);
          resolve(found);
        };
        waiters.add(check);
        check();
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const answer = (method: string, body: Record<string, unknown>): { status: number; json?: Record<string, unknown> } => {
    if (method === 'respond') {
      const refused = fake.refuseInChannelResponses && body.response_type === 'in_channel';
      return refused ? { status: 404 } : { status: 200 };
    }
    switch (method) {
      case 'auth.test':
        return { status: 200, json: BOT_IDENTITY };
      case 'chat.postMessage':
        if (fake.postMessageError !== null && fake.postsBeforeError-- <= 0) {
          return { status: 200, json: { ok: false, error: fake.postMessageError } };
        }
        return { status: 200, json: { ok: true, channel: body.channel, ts: `1700000000.${String(nextTs++).padStart(6, '0')}` } };
      case 'files.info': {
        const file = files.get(String(body.file));
        if (file === undefined) return { status: 200, json: { ok: false, error: 'file_not_found' } };
        const url_private_download = `${fake.apiUrl.replace(/api\/$/, '')}files/${file.id}/${encodeURIComponent(file.name)}`;
        return { status: 200, json: { ok: true, file: { id: file.id, name: file.name, size: file.size ?? file.bytes.length, url_private_download } } };
      }
      case 'apps.connections.open':
        return { status: 200, json: { ok: true, url: fake.socketUrl } };
      default:
        return { status: 200, json: { ok: false, error: 'unknown_method' } };
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const download = req.method === 'GET' ? /^\/files\/([^/]+)\//.exec(req.url ?? '') : null;
    if (download) {
      fake.downloads.push(req.headers.authorization);
      const file = files.get(download[1]!);
      const allowed = file !== undefined && req.headers.authorization === 'Bearer xoxb-test';
      res.writeHead(allowed ? 200 : 404, { 'content-type': 'application/octet-stream' });
      res.end(allowed ? file.bytes : undefined);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const method = url.pathname.startsWith('/respond/') ? 'respond' : url.pathname.replace(/^\/api\//, '');
      const body = decodeBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'] ?? '');
      const { status, json } = answer(method, body);
      fake.calls.push({ method, body, reply: json, at: Date.now() });
      res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
      for (const waiter of [...waiters]) waiter();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  fake.apiUrl = `http://127.0.0.1:${port}/api/`;
  fake.responseUrl = `http://127.0.0.1:${port}/respond/1`;
  return fake;
}

function decodeBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = key === 'blocks' || key === 'attachments' ? JSON.parse(value) : value;
  }
  return body;
}
