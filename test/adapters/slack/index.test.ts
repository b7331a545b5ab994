import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { startSlackAdapter } from '../../../adapters/slack/index.js';
import { renderDigest } from '../../../adapters/slack/render-digest.js';
import { renderDigestDetails } from '../../../adapters/slack/render-digest-details.js';
import type { NoticeMessage } from '../../../src/chat/chat-message.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { brokenReport, enforcedReport, largeDigest, sampleDigest } from './sample-messages.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';
import { slashCommandBody } from './slack-requests.js';
import { createStubCore } from './stub-core.js';

const silent = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('startSlackAdapter', () => {
  it('refuses to start without a signing secret (HTTP mode) or an app token (Socket Mode)', async () => {
    const start = startSlackAdapter({
      botToken: 'xoxb-test',
      port: 0,
      core: createStubCore(enforcedReport),
      logger: silent,
    });
    await expect(start).rejects.toThrow(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
  });

  it('in HTTP mode listens on the real bound port when given port 0', async () => {
    const harness: SlackHarness = await startSlackHarness(createStubCore(enforcedReport));
    cleanups.push(harness.close);
    expect(harness.adapter.port).toBeGreaterThan(0);
    const response = await fetch(`http://127.0.0.1:${harness.adapter.port}/slack/events`, { method: 'POST', body: '' });
    expect(response.status).toBe(401);
  });

  it('stop() closes the listener but lets an in-flight reply finish', async () => {
    const core = createStubCore(() => brokenReport());
    const harness = await startSlackHarness(core);
    cleanups.push(harness.fake.close);
    const release = core.hold();
    await harness.post(slashCommandBody({ text: 'example.com', responseUrl: harness.fake.responseUrl }));
    await vi.waitFor(() => expect(core.requests).toHaveLength(1));
    const stopped = harness.adapter.stop();
    release();
    await stopped;
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(2);
    await expect(fetch(`http://127.0.0.1:${harness.adapter.port}/slack/events`, { method: 'POST' })).rejects.toThrow();
  });

  it('in Socket Mode connects through apps.connections.open and answers a slash-command envelope', async () => {
    const fake: FakeSlackApi = await startFakeSlackApi();
    cleanups.push(fake.close);
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(wss, 'listening');
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const client of wss.clients) client.terminate();
          wss.close(() => resolve());
        }),
    );
    fake.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
    const acks: unknown[] = [];
    const connected = new Promise<WebSocket>((resolve) => {
      wss.on('connection', (socket) => {
        socket.on('message', (data) => acks.push(JSON.parse(String(data))));
        socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
        resolve(socket);
      });
    });

    const core = createStubCore(() => brokenReport());
    const adapter = await startSlackAdapter({
      botToken: 'xoxb-test',
      appToken: 'xapp-test',
      port: 0,
      apiUrl: fake.apiUrl,
      core,
      logger: silent,
    });
    cleanups.push(adapter.stop);
    expect(adapter.port).toBeUndefined();
    expect(fake.callsTo('apps.connections.open')).toHaveLength(1);

    const socket = await connected;
    const payload = Object.fromEntries(
      new URLSearchParams(slashCommandBody({ text: 'example.com', responseUrl: fake.responseUrl })),
    );
    socket.send(
      JSON.stringify({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload }),
    );

    const [root, thread] = await fake.waitForCalls('chat.postMessage', 2);
    expect(acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
    expect(core.requests[0]).toMatchObject({ platform: 'slack', workspaceId: 'T1', userId: 'U1', text: 'example.com' });
    expect(root!.body.channel).toBe('C1');
    expect(thread!.body.thread_ts).toBe(root!.reply?.ts);
  });
});

describe('SlackAdapter.post (a channel message with no command behind it)', () => {
  async function harness(options?: { postIntervalMs: number }): Promise<SlackHarness> {
    const started = await startSlackHarness(createStubCore(enforcedReport), options);
    cleanups.push(started.close);
    return started;
  }

  it('posts a scheduled digest to the channel and threads the details under it (thread_ts = its ts)', async () => {
    const { adapter, fake } = await harness();
    const ts = await adapter.post({ platform: 'slack', workspaceId: 'T1', channelId: 'C7' }, sampleDigest());
    const [root, thread, ...rest] = fake.callsTo('chat.postMessage');
    expect(ts).toBe('1700000000.000001');
    expect(rest).toEqual([]);
    expect(root!.body).toMatchObject({
      channel: 'C7',
      text: ':large_orange_circle: MTA-STS digest: 3 domains · 1 enforced · 1 broken · 1 timed out',
    });
    expect(root!.body).not.toHaveProperty('thread_ts');
    expect(JSON.stringify(root!.body.blocks)).toContain('*broken.example* · broken');
    expect(thread!.body).toMatchObject({
      channel: 'C7',
      thread_ts: '1700000000.000001',
      text: 'Details of 1 broken domain',
    });
    expect(JSON.stringify(thread!.body.blocks)).toContain('_Fix:_ Add \\"mx: mx2.elsewhere.net\\" to the policy');
  });

  it('posts a digest too long for one message as parts, every detail reply under the first part', async () => {
    const { adapter, fake } = await harness();
    const digest = largeDigest(120);
    await adapter.post({ platform: 'slack', workspaceId: 'T1', channelId: 'C7' }, digest);
    const posts = fake.callsTo('chat.postMessage');
    const parts = posts.filter((call) => call.body.thread_ts === undefined);
    const replies = posts.filter((call) => call.body.thread_ts !== undefined);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((call) => call.body.text)).toEqual(
      parts.map((_, i) => `:large_orange_circle: MTA-STS digest: 120 domains (part ${i + 1}/${parts.length})`),
    );
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((call) => call.body.thread_ts === parts[0]!.reply?.ts)).toBe(true);
    expect(posts.indexOf(replies[0]!)).toBe(parts.length);
  });

  it('posts a report with its fixes threaded under it', async () => {
    const { adapter, fake } = await harness();
    await adapter.post({ platform: 'slack', workspaceId: 'T1', channelId: 'C7' }, brokenReport());
    const [root, thread] = fake.callsTo('chat.postMessage');
    expect(root!.body.text).toBe(':large_orange_circle: example.com — Broken');
    expect(thread!.body).toMatchObject({ thread_ts: root!.reply?.ts, text: 'How to fix example.com' });
  });

  it("rejects with Slack's error when the channel cannot be posted to, with no response_url to fall back on", async () => {
    const { adapter, fake } = await harness();
    fake.postMessageError = 'not_in_channel';
    await expect(
      adapter.post({ platform: 'slack', workspaceId: 'T1', channelId: 'C7' }, sampleDigest()),
    ).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    expect(fake.callsTo('respond')).toHaveLength(0);
  });

  it('paces posts to one channel: a short burst, then one per interval; other channels are not held up', async () => {
    const { adapter, fake } = await harness({ postIntervalMs: 150 });
    const notice = (text: string): NoticeMessage => ({
      kind: 'notice',
      code: 'reports',
      tone: 'neutral',
      text: [text],
      private: false,
    });
    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        adapter.post({ platform: 'slack', workspaceId: 'T1', channelId: 'C7' }, notice(`n${i}`)),
      ),
      adapter.post({ platform: 'slack', workspaceId: 'T1', channelId: 'C8' }, notice('other')),
    ]);
    const times = (channel: string) =>
      fake
        .callsTo('chat.postMessage')
        .filter((call) => call.body.channel === channel)
        .map((call) => call.at - started);
    const paced = times('C7');
    expect(paced).toHaveLength(6);
    // Each post after the burst of three waits its interval (a little slack for timer rounding).
    for (let i = 3; i < 6; i++) expect(paced[i]!).toBeGreaterThanOrEqual((i - 2) * 150 - 20);
    expect(times('C8')[0]!).toBeLessThan(paced[5]!);
  });

  it('stop() lets a post in progress finish before it resolves', async () => {
    const { adapter, fake } = await harness({ postIntervalMs: 50 });
    const digest = largeDigest(60);
    const expected = renderDigest(digest).length + renderDigestDetails(digest).length;
    const posting = adapter.post({ platform: 'slack', workspaceId: 'T1', channelId: 'C7' }, digest);
    await fake.waitForCalls('chat.postMessage', 1);
    await adapter.stop();
    const posts = fake.callsTo('chat.postMessage');
    expect(expected).toBeGreaterThan(3);
    expect(posts).toHaveLength(expected);
    expect(posts.at(-1)!.body.thread_ts).toBe(posts[0]!.reply?.ts);
    await posting;
  });
});
