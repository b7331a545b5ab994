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
  /** The bearer token the call was made with, if any. */
  token: string | undefined;
}

/** A workspace the fake's oauth.v2.access installs when it receives `code`. */
export interface FakeInstall {
  code: string;
  teamId: string;
  botToken: string;
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
  /** Answer this many chat.postMessage calls with 429 and this Retry-After (seconds). */
  rateLimitPosts: { count: number; retryAfter: number };
  /** Methods ("respond" included) recorded but never answered, as from a hung Slack. */
  hangMethods: string[];
  /** The URL apps.connections.open hands out (Socket Mode). */
  socketUrl: string | null;
  /** OAuth codes oauth.v2.access accepts (checked with the client id and secret below). */
  installs: FakeInstall[];
  clientId: string;
  clientSecret: string;
  /** Makes a file known to files.info and downloadable at its url_private_download (bot token required). */
  addFile(file: { id: string; name: string; bytes: Uint8Array; size?: number }): void;
  /** The Authorization header of each file download, in order. */
  downloads: Array<string | undefined>;
  callsTo(method: string): RecordedCall[];
  /** Resolves once `count` calls to `method` have been recorded. */
  waitForCalls(method: string, count: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

const BOT_IDENTITY = {
  ok: true,
  url: 'https://fake.slack.com/',
  team: 'Fake',
  user: 'mtasts',
  team_id: 'T1',
  user_id: 'UBOT',
  bot_id: 'BBOT',
};

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
    rateLimitPosts: { count: 0, retryAfter: 0 },
    hangMethods: [],
    socketUrl: null,
    installs: [],
    clientId: 'fake-client-id',
    clientSecret: 'fake-client-secret',
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

  const answer = (
    method: string,
    body: Record<string, unknown>,
    token: string | undefined,
  ): { status: number; json?: Record<string, unknown> } => {
    if (method === 'respond') {
      const refused = fake.refuseInChannelResponses && body.response_type === 'in_channel';
      return refused ? { status: 404 } : { status: 200 };
    }
    switch (method) {
      case 'auth.test': {
        const install = fake.installs.find((one) => one.botToken === token);
        return {
          status: 200,
          json: install ? { ...BOT_IDENTITY, team_id: install.teamId, bot_id: `B${install.teamId}` } : BOT_IDENTITY,
        };
      }
      case 'oauth.v2.access':
        return { status: 200, json: oauthAccess(body) };
      case 'chat.postMessage':
        if (fake.postMessageError !== null && fake.postsBeforeError-- <= 0) {
          return { status: 200, json: { ok: false, error: fake.postMessageError } };
        }
        return {
          status: 200,
          json: { ok: true, channel: body.channel, ts: `1700000000.${String(nextTs++).padStart(6, '0')}` },
        };
      case 'chat.postEphemeral':
        return { status: 200, json: { ok: true, message_ts: `1700000000.${String(nextTs++).padStart(6, '0')}` } };
      case 'files.info': {
        const file = files.get(String(body.file));
        if (file === undefined) return { status: 200, json: { ok: false, error: 'file_not_found' } };
        const url_private_download = `${fake.apiUrl.replace(/api\/$/, '')}files/${file.id}/${encodeURIComponent(file.name)}`;
        return {
          status: 200,
          json: {
            ok: true,
            file: { id: file.id, name: file.name, size: file.size ?? file.bytes.length, url_private_download },
          },
        };
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
      const token =
        /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ??
        (typeof body.token === 'string' ? body.token : undefined);
      if (fake.hangMethods.includes(method)) {
        fake.calls.push({ method, body, reply: undefined, at: Date.now(), token });
        for (const waiter of [...waiters]) waiter();
        return;
      }
      if (method === 'chat.postMessage' && fake.rateLimitPosts.count > 0) {
        fake.rateLimitPosts.count -= 1;
        fake.calls.push({ method: 'chat.postMessage (429)', body, reply: undefined, at: Date.now(), token });
        res.writeHead(429, {
          'retry-after': String(fake.rateLimitPosts.retryAfter),
          'content-type': 'application/json',
        });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        for (const waiter of [...waiters]) waiter();
        return;
      }
      const { status, json } = answer(method, body, token);
      fake.calls.push({ method, body, reply: json, at: Date.now(), token });
      res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
      for (const waiter of [...waiters]) waiter();
    });
  });
  // Slack's answer to an install: the app proves itself with its client id and secret.
  const oauthAccess = (body: Record<string, unknown>): Record<string, unknown> => {
    if (body.client_id !== fake.clientId || body.client_secret !== fake.clientSecret)
      return { ok: false, error: 'invalid_client_id' };
    const install = fake.installs.find((one) => one.code === body.code);
    if (install === undefined) return { ok: false, error: 'invalid_code' };
    return {
      ok: true,
      app_id: 'A1',
      authed_user: { id: 'U1' },
      scope: 'commands,chat:write,chat:write.public,files:read,channels:history,groups:history',
      token_type: 'bot',
      access_token: install.botToken,
      bot_user_id: 'UBOT',
      team: { id: install.teamId, name: `Team ${install.teamId}` },
      enterprise: null,
      is_enterprise_install: false,
    };
  };

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
