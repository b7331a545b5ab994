import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../../adapters/discord/index.js';
import { waitFor } from '../bot-process.js';
import { APP_ID, type FakeDiscord, type RecordedRequest, startFakeDiscord } from './fake-discord.js';
import { CHANNEL_ID, slashCommand } from './interactions.js';
import { brokenReport } from './sample-messages.js';
import { stubCore } from './stub-core.js';
import { memoryLogger } from './test-logger.js';

/** Discord forgets an interaction not acknowledged within 3 s: a later callback gets 404 Unknown interaction. */
const INTERACTION_WINDOW_MS = 3000;

interface GlobalLimit {
  /** Callbacks answered 429 before they pass again. */
  callbacks: number;
  retryAfterS: number;
}

interface Front {
  apiUrl: string;
  /** Each interaction callback: when it came (ms after its interaction was dispatched) and what it got. */
  callbacks: Array<{ afterMs: number; status: number }>;
  dispatched(token: string): void;
  close(): Promise<void>;
}

/**
 * REST in front of the fake Discord: interaction callbacks get a global 429 (as Cloudflare or Discord give a bot
 * that spent its global budget) until `limit.callbacks` have been refused, and 404 Unknown interaction once the 3 s
 * window is over, as Discord does; every other request, and the gateway, is the fake's.
 */
async function startRateLimitingFront(fake: FakeDiscord, limit: GlobalLimit): Promise<Front> {
  const upstream = new URL(fake.apiUrl);
  const dispatchedAt = new Map<string, number>();
  const callbacks: Front['callbacks'] = [];
  const json = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const callback = /^\/api\/v10\/interactions\/[^/]+\/([^/]+)\/callback(?:\?.*)?$/.exec(req.url ?? '');
    if (req.method === 'POST' && callback) {
      const afterMs = Date.now() - (dispatchedAt.get(callback[1]!) ?? Date.now());
      if (limit.callbacks > 0) {
        limit.callbacks -= 1;
        callbacks.push({ afterMs, status: 429 });
        return json(
          res,
          429,
          { message: 'You are being rate limited.', retry_after: limit.retryAfterS, global: true },
          { 'retry-after': String(limit.retryAfterS), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
        );
      }
      if (afterMs > INTERACTION_WINDOW_MS) {
        callbacks.push({ afterMs, status: 404 });
        return json(res, 404, { message: 'Unknown interaction', code: 10062 });
      }
      callbacks.push({ afterMs, status: 204 });
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    callbacks,
    dispatched: (token) => void dispatchedAt.set(token, Date.now()),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(limit: GlobalLimit) {
  const fake = await startFakeDiscord();
  cleanups.push(() => fake.close());
  const front = await startRateLimitingFront(fake, limit);
  cleanups.push(() => front.close());
  const { logger, lines } = memoryLogger();
  const adapter = await startDiscordAdapter({
    token: 'fake-bot-token.for-tests.only',
    appId: APP_ID,
    apiUrl: front.apiUrl,
    core: stubCore(() => brokenReport()),
    logger,
  });
  cleanups.push(() => adapter.stop());
  const ask = () => {
    const interaction = slashCommand('example.com');
    front.dispatched(interaction.token);
    fake.dispatch(interaction);
    return interaction;
  };
  return { fake, front, adapter, logs: lines, ask };
}

const isChannelPost = (r: RecordedRequest) => r.method === 'POST' && r.route === `/channels/${CHANNEL_ID}/messages`;
const answers = (fake: FakeDiscord, token: string) =>
  fake.requests.filter(
    (r) =>
      (r.method === 'PATCH' && r.route.includes(`/${token}/messages/`)) ||
      (r.method === 'POST' && r.route === `/webhooks/${APP_ID}/${token}`) ||
      isChannelPost(r),
  );

describe('a global 429 on the interaction deferral', () => {
  it('gives up on the deferral at its deadline and answers once, in the channel, when the limit outlasts the 3 s window', async () => {
    const { fake, front, adapter, logs, ask } = await start({ callbacks: 1, retryAfterS: 4 });
    const interaction = ask();

    const post = await fake.waitForRequest((r) => isChannelPost(r) && r.status === 200, 20_000);
    // discord.js sends the deferral again once the limit is over, too late: Discord refuses it, nothing else follows.
    await waitFor(() => front.callbacks.length === 2, 'the deferral to be sent again', 10);
    await adapter.stop();

    expect(post.body.embeds[0].title).toBe('example.com — Broken');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(answers(fake, interaction.token)).toEqual([post]);
    expect(front.callbacks.map((c) => c.status)).toEqual([429, 404]);
    expect(logs().map((line) => line.msg)).toContain('discord: could not defer the reply');
  }, 30_000);

  it('does not hold the answer for the whole of a long global limit', async () => {
    const { fake, front, adapter, ask } = await start({ callbacks: 1, retryAfterS: 60 });
    const interaction = ask();

    // Far less than the minute the limit lasts: the answer goes out in the channel without waiting for it.
    const post = await fake.waitForRequest((r) => isChannelPost(r) && r.status === 200, 20_000);
    await adapter.stop();

    expect(post.body.embeds[0].title).toBe('example.com — Broken');
    expect(answers(fake, interaction.token)).toEqual([post]);
    expect(front.callbacks.map((c) => c.status)).toEqual([429]);
  }, 30_000);

  it('defers after the wait and answers through the interaction when the limit ends inside the window', async () => {
    const { fake, front, adapter, ask } = await start({ callbacks: 1, retryAfterS: 0.5 });
    const interaction = ask();

    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.route.includes(`/${interaction.token}/`));
    await adapter.stop();

    expect(front.callbacks.map((c) => c.status)).toEqual([429, 204]);
    expect(edit.body.embeds[0].title).toBe('example.com — Broken');
    expect(answers(fake, interaction.token)).toEqual([edit]);
  }, 30_000);
});
