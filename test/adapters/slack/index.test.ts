import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { startSlackAdapter } from '../../../adapters/slack/index.js';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { slashCommandBody } from './slack-requests.js';
import { createStubCore } from './stub-core.js';
import { brokenReport, enforcedReport } from './sample-messages.js';

const silent = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('startSlackAdapter', () => {
  it('refuses to start without a signing secret (HTTP mode) or an app token (Socket Mode)', async () => {
    const start = startSlackAdapter({ botToken: 'xoxb-test', port: 0, core: createStubCore(enforcedReport), logger: silent });
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
    const payload = Object.fromEntries(new URLSearchParams(slashCommandBody({ text: 'example.com', responseUrl: fake.responseUrl })));
    socket.send(JSON.stringify({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload }));

    const [root, thread] = await fake.waitForCalls('chat.postMessage', 2);
    expect(acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
    expect(core.requests[0]).toMatchObject({ platform: 'slack', workspaceId: 'T1', userId: 'U1', text: 'example.com' });
    expect(root!.body.channel).toBe('C1');
    expect(thread!.body.thread_ts).toBe(root!.reply?.ts);
  });
});
