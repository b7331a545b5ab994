import { afterEach, describe, expect, it } from 'vitest';
import { brokenReport } from './sample-messages.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';
import { rescanActionBody } from './slack-requests.js';
import { createStubCore } from './stub-core.js';

let harness: SlackHarness;
afterEach(async () => {
  await harness.close();
});

const watchBody = (domain: string, userId?: string) =>
  rescanActionBody({
    domain,
    responseUrl: harness.fake.responseUrl,
    actionId: 'mtasts_watch',
    ...(userId && { userId }),
  });

describe('registerWatchAction (the "Watch" button over a real Bolt app in HTTP mode)', () => {
  it('runs exactly `watch <domain>` for the channel and posts the answer there', async () => {
    const core = createStubCore(() =>
      brokenReport({ action: 'Now watching example.com in this channel', watch: false }),
    );
    harness = await startSlackHarness(core);
    expect((await harness.post(watchBody('example.com'))).status).toBe(200);
    const [root] = await harness.fake.waitForCalls('chat.postMessage', 1);
    expect(core.requests).toEqual([
      { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', text: 'watch example.com' },
    ]);
    expect(root!.body.text).toBe(
      'Now watching example.com in this channel\n:large_orange_circle: example.com — Broken',
    );
  });

  it('runs nothing for a forged value that is not exactly a domain, and says so privately', async () => {
    const core = createStubCore(() => brokenReport());
    harness = await startSlackHarness(core);
    for (const forged of ['unwatch example.com', 'example.com digest off', 'Example.COM', 'https://example.com/', ''])
      await harness.post(watchBody(forged));
    await harness.adapter.stop();
    expect(core.requests).toEqual([]);
    const replies = harness.fake.callsTo('respond');
    expect(replies).toHaveLength(5);
    for (const reply of replies) {
      expect(reply.body.response_type).toBe('ephemeral');
      expect(reply.body.text).toBe('That button does not name a domain to watch.');
    }
  });

  it('carries the same permission as typing it: a user not among the managers is marked as not allowed', async () => {
    const core = createStubCore(() => brokenReport());
    harness = await startSlackHarness(core, { managers: ['U9'] });
    await harness.post(watchBody('example.com', 'U2'));
    await harness.adapter.stop();
    expect(core.requests).toEqual([
      {
        platform: 'slack',
        workspaceId: 'T1',
        channelId: 'C1',
        userId: 'U2',
        text: 'watch example.com',
        mayManage: false,
      },
    ]);
  });
});
