import { afterEach, describe, expect, it } from 'vitest';
import { enforcedReport } from './sample-messages.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';
import { slashCommandBody } from './slack-requests.js';
import { createStubCore } from './stub-core.js';

let harness: SlackHarness;
afterEach(async () => {
  await harness.close();
});

describe('the Slack adapter when Slack answers 429 (real Bolt and Web API client)', () => {
  it('tells the user at once when to try again when Retry-After is beyond the bound, instead of holding the answer', async () => {
    harness = await startSlackHarness(createStubCore(enforcedReport));
    harness.fake.rateLimitPosts = { count: 10, retryAfter: 60 };

    await harness.post(slashCommandBody({ text: 'example.com', responseUrl: harness.fake.responseUrl }));
    const [told] = await harness.fake.waitForCalls('respond', 1);
    await harness.adapter.stop();

    expect(told!.body.response_type).toBe('ephemeral');
    expect(told!.body.text).toBe('Slack is limiting how fast this app may post here. Please try again in 1 min.');
    // One try, no retry: Retry-After is honoured only up to the bound.
    expect(harness.fake.callsTo('chat.postMessage (429)')).toHaveLength(1);
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('waits out a short Retry-After and posts the answer', async () => {
    harness = await startSlackHarness(createStubCore(enforcedReport));
    harness.fake.rateLimitPosts = { count: 1, retryAfter: 1 };

    await harness.post(slashCommandBody({ text: 'example.com', responseUrl: harness.fake.responseUrl }));
    const [posted] = await harness.fake.waitForCalls('chat.postMessage', 1);
    await harness.adapter.stop();

    expect(posted!.body.text).toBe(':large_green_circle: example.com — Enforced');
    expect(harness.fake.callsTo('chat.postMessage (429)')).toHaveLength(1);
    expect(harness.fake.callsTo('respond')).toHaveLength(0);
  });
});
