import { afterEach, describe, expect, it } from 'vitest';
import { brokenReport, refusal } from './sample-messages.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';
import { rescanActionBody } from './slack-requests.js';
import { createStubCore } from './stub-core.js';

let harness: SlackHarness;
afterEach(async () => {
  await harness.close();
});

describe('registerRescanAction (the "Rescan" button over a real Bolt app in HTTP mode)', () => {
  it('runs a fresh scan of the button’s domain and posts the new result in the channel', async () => {
    const core = createStubCore(() => brokenReport());
    harness = await startSlackHarness(core);
    const response = await harness.post(
      rescanActionBody({ domain: 'example.com', responseUrl: harness.fake.responseUrl }),
    );
    expect(response.status).toBe(200);
    const [root, thread] = await harness.fake.waitForCalls('chat.postMessage', 2);
    expect(core.requests).toEqual([
      { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', text: 'example.com', fresh: true },
    ]);
    expect(root!.body.channel).toBe('C1');
    expect(root!.body.text).toBe(':large_orange_circle: example.com — Broken');
    expect(thread!.body.thread_ts).toBe(root!.reply?.ts);
  });

  it('sends a refused rescan (rate limit) only to the user who pressed it', async () => {
    const core = createStubCore(() => refusal());
    harness = await startSlackHarness(core);
    await harness.post(
      rescanActionBody({ domain: 'example.com', responseUrl: harness.fake.responseUrl, userId: 'U2' }),
    );
    await harness.adapter.stop();
    expect(core.requests[0]?.userId).toBe('U2');
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
    const [reply] = harness.fake.callsTo('respond');
    expect(reply!.body.response_type).toBe('ephemeral');
    expect(reply!.body.text).toContain('try again in 7 minutes');
  });

  it('ignores a button press with a bad signature (401, no scan)', async () => {
    const core = createStubCore(() => brokenReport());
    harness = await startSlackHarness(core);
    const body = rescanActionBody({ domain: 'example.com', responseUrl: harness.fake.responseUrl });
    const response = await harness.post(body, 'wrong-secret');
    expect(response.status).toBe(401);
    await harness.adapter.stop();
    expect(core.requests).toHaveLength(0);
  });
});
