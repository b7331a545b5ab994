import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export const APP_ID = '200000000000000001';
export const BOT_ID = '200000000000000002';

export interface RecordedRequest {
  method: string;
  /** Path below the API base, without the version: "/interactions/1/tok/callback". */
  route: string;
  query: URLSearchParams;
  /** Parsed JSON body, or null when there was none. */
  body: any;
  contentType: string | undefined;
  authorization: string | undefined;
  /** What the fake answered: status and parsed JSON (null for an empty body). */
  status: number;
  reply: any;
}

export interface FakeDiscord {
  /** REST base to give discord.js (`rest.api`); the gateway URL comes from its `GET /gateway/bot`. */
  apiUrl: string;
  requests: RecordedRequest[];
  /** The IDENTIFY payloads the gateway received. */
  identifies: any[];
  /** Make `POST /channels/:id/messages/:id/threads` answer 403 Missing Access. */
  refuseThreads: boolean;
  /** Answer `POST /channels/:id/messages` with 403 Missing Permissions, as for a channel the bot may not post in. */
  refuseChannelMessages: boolean;
  /** Answer this many `POST /channels/:id/messages` with 429 (retry after 0.1 s) before accepting them again. */
  rateLimitChannelMessages: number;
  /** Answer 401 to every request, as Discord does for a bad token. */
  refuseToken: boolean;
  /** Answer 401 Invalid Webhook Token to webhook calls, as Discord does once an interaction token expired. */
  expireInteractions: boolean;
  /** Answer 500 to every webhook call (edits, follow-ups, deletes), retries included. */
  failWebhooks: boolean;
  /** Answer 404 Unknown Message to deletes of the original reply. */
  refuseDeletes: boolean;
  /** Never answer interaction callbacks (a hung deferral). */
  hangCallbacks: boolean;
  /** Open gateway connections. */
  connections(): number;
  /** Sends a gateway dispatch (e.g. GUILD_CREATE, MESSAGE_CREATE) to every connected client. */
  dispatchEvent(type: string, data: object): void;
  /** Serves `bytes` as a CDN attachment; returns its URL. */
  addAttachment(id: string, name: string, bytes: Uint8Array): string;
  /** Sends an INTERACTION_CREATE dispatch to every connected client. */
  dispatch(interaction: { token: string; channel_id?: string }): void;
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/**
 * A local stand-in for Discord: REST under /api/v10 (gateway info, interaction callbacks, webhook edits and
 * follow-ups, threads, channel messages, command registration) and a gateway WebSocket on the same port that
 * speaks just enough of the protocol (HELLO, heartbeat ACK, READY) for a real discord.js Client.
 */
export async function startFakeDiscord(): Promise<FakeDiscord> {
  const requests: RecordedRequest[] = [];
  const identifies: any[] = [];
  const channelByToken = new Map<string, string>();
  const originalByToken = new Map<string, string>();
  const waiters = new Set<() => void>();
  const attachments = new Map<string, Uint8Array>();
  let nextId = 300000000000000000n;
  let sequence = 0;

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  const gateway = new WebSocketServer({ server });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `127.0.0.1:${port}`;

  const fake: FakeDiscord = {
    apiUrl: `http://${origin}/api`,
    requests,
    identifies,
    refuseThreads: false,
    refuseChannelMessages: false,
    rateLimitChannelMessages: 0,
    refuseToken: false,
    expireInteractions: false,
    failWebhooks: false,
    refuseDeletes: false,
    hangCallbacks: false,
    connections: () => gateway.clients.size,
    dispatchEvent(type, data) {
      sequence += 1;
      const frame = JSON.stringify({ op: 0, t: type, s: sequence, d: data });
      for (const socket of gateway.clients) socket.send(frame);
    },
    addAttachment(id, name, bytes) {
      attachments.set(id, bytes);
      return `http://${origin}/attachments/${id}/${encodeURIComponent(name)}`;
    },
    dispatch(interaction) {
      if (interaction.channel_id) channelByToken.set(interaction.token, interaction.channel_id);
      sequence += 1;
      const frame = JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: sequence, d: interaction });
      for (const socket of gateway.clients) socket.send(frame);
    },
    waitForRequest(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = requests.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('fake Discord: the expected request never came'));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const socket of gateway.clients) socket.terminate();
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  gateway.on('connection', (socket) => {
    send(socket, { op: 10, d: { heartbeat_interval: 41_250 } });
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { op: number; d: any };
      if (frame.op === 1) send(socket, { op: 11 });
      if (frame.op === 2) {
        identifies.push(frame.d);
        sequence += 1;
        send(socket, {
          op: 0,
          t: 'READY',
          s: sequence,
          d: {
            v: 10,
            user: { id: BOT_ID, username: 'mtasts', discriminator: '0', global_name: null, avatar: null, bot: true },
            guilds: [],
            session_id: 'fake-session',
            resume_gateway_url: `ws://${origin}`,
            application: { id: APP_ID, flags: 0 },
          },
        });
      }
    });
  });

  function send(socket: WebSocket, frame: object): void {
    socket.send(JSON.stringify({ s: null, t: null, ...frame }));
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', `http://${origin}`);
    const attachment = /^\/attachments\/(\d+)\//.exec(url.pathname);
    if (request.method === 'GET' && attachment) {
      const bytes = attachments.get(attachment[1]!);
      response.writeHead(bytes ? 200 : 404, { 'content-type': 'application/octet-stream' });
      response.end(bytes);
      return;
    }
    const route = url.pathname.replace(/^\/api\/v10/, '');
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      route,
      query: url.searchParams,
      body: raw ? JSON.parse(raw) : null,
      contentType: request.headers['content-type'],
      authorization: request.headers.authorization,
      status: 0,
      reply: null,
    };
    requests.push(recorded);
    answer(recorded, response);
    for (const waiter of [...waiters]) waiter();
  }

  function answer(recorded: RecordedRequest, response: ServerResponse): void {
    const { method, route, body } = recorded;
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      recorded.status = status;
      recorded.reply = value;
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(value));
    };
    const empty = () => {
      // No JSON content-type with an empty body: @discordjs/rest would try to parse it.
      recorded.status = 204;
      response.writeHead(204);
      response.end();
    };
    const id = () => String((nextId += 1n));
    let match: RegExpMatchArray | null;

    if (fake.refuseToken) return json(401, { message: '401: Unauthorized', code: 0 });
    if (method === 'GET' && route === '/gateway/bot') {
      return json(200, {
        url: `ws://${origin}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (fake.expireInteractions && route.startsWith('/webhooks/'))
      return json(401, { message: 'Invalid Webhook Token', code: 50027 });
    if (fake.failWebhooks && route.startsWith('/webhooks/'))
      return json(500, { message: 'Internal Server Error', code: 0 });
    if (method === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(route)) {
      if (fake.hangCallbacks) return;
      return empty();
    }
    if (method === 'POST' && route === '/users/@me/channels')
      return json(200, { id: id(), type: 1, recipients: [{ id: body?.recipient_id }] });
    if ((match = route.match(/^\/webhooks\/[^/]+\/([^/]+)\/messages\/(?:@|%40)original$/))) {
      const channelId = channelByToken.get(match[1]!) ?? '0';
      if (method === 'DELETE')
        return fake.refuseDeletes ? json(404, { message: 'Unknown Message', code: 10008 }) : empty();
      const originalId = originalByToken.get(match[1]!) ?? id();
      originalByToken.set(match[1]!, originalId);
      return json(200, message(originalId, channelId, body ?? {}));
    }
    if (method === 'POST' && (match = route.match(/^\/webhooks\/[^/]+\/([^/]+)$/))) {
      return json(200, message(id(), channelByToken.get(match[1]!) ?? '0', body ?? {}));
    }
    if (method === 'POST' && (match = route.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/))) {
      if (fake.refuseThreads) return json(403, { message: 'Missing Access', code: 50001 });
      return json(201, {
        id: match[2],
        type: 11,
        parent_id: match[1],
        guild_id: '1',
        name: body?.name,
        owner_id: BOT_ID,
      });
    }
    if (method === 'POST' && (match = route.match(/^\/channels\/(\d+)\/messages$/))) {
      if (fake.refuseChannelMessages) return json(403, { message: 'Missing Permissions', code: 50013 });
      if (fake.rateLimitChannelMessages > 0) {
        fake.rateLimitChannelMessages -= 1;
        const limited = {
          'retry-after': '0.1',
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': '0.1',
        };
        return json(429, { message: 'You are being rate limited.', retry_after: 0.1, global: false }, limited);
      }
      return json(200, message(id(), match[1]!, body ?? {}));
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(route)) {
      return json(
        200,
        (body as object[]).map((command) => ({ ...command, id: id(), application_id: APP_ID, version: id() })),
      );
    }
    json(404, { message: '404: Not Found', code: 0 });
  }

  return fake;
}

/** A message object as Discord returns it, echoing what was sent. */
function message(id: string, channelId: string, sent: Record<string, unknown>): object {
  return {
    id,
    channel_id: channelId,
    type: 0,
    author: { id: BOT_ID, username: 'mtasts', discriminator: '0', global_name: null, avatar: null, bot: true },
    content: sent.content ?? '',
    embeds: sent.embeds ?? [],
    components: sent.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    flags: sent.flags ?? 0,
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    application_id: APP_ID,
    webhook_id: APP_ID,
  };
}
