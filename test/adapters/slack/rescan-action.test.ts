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
  it('runs a fresh scan and updates the message in place, marked with who rescanned, the fixes in its thread', async () => {
    const core = createStubCore(() => brokenReport());
    harness = await startSlackHarness(core);
    const response = await harness.post(
      rescanActionBody({ domain: 'example.com', responseUrl: harness.fake.responseUrl }),
    );
    expect(response.status).toBe(200);
    const [thread] = await harness.fake.waitForCalls('chat.postMessage', 1);
    await harness.adapter.stop();
    expect(core.requests).toEqual([
      { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', text: 'example.com', fresh: true },
    ]);
    const [replaced] = harness.fake.callsTo('respond');
    expect(replaced!.body.replace_original).toBe(true);
    expect(replaced!.body.text).toBe(':large_orange_circle: example.com — Broken');
    const blocks = replaced!.body.blocks as Array<{ type: string; elements?: Array<{ text: string }> }>;
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Rescanned by <@U1>', verbatim: true }],
    });
    // The original message (1700000000.000001) keeps its thread: the new fixes join it, no new top-level post.
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(thread!.body.channel).toBe('C1');
    expect(thread!.body.thread_ts).toBe('1700000000.000001');
    expect(thread!.body.text).toBe('How to fix example.com');
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
