import { afterEach, describe, expect, it } from 'vitest';
import { enforcedReport } from './sample-messages.js';
import { signSlackRequest } from './sign-slack-request.js';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from './slack-harness.js';
import { rescanActionBody, slashCommandBody } from './slack-requests.js';
import { createStubCore, type StubCore } from './stub-core.js';

let harness: SlackHarness;
let core: StubCore;
afterEach(async () => {
  await harness.close();
});

async function start(): Promise<void> {
  core = createStubCore(enforcedReport);
  harness = await startSlackHarness(core);
}

const nowS = () => Math.floor(Date.now() / 1000);

/** Settles once the adapter has answered every request it took (stop waits for them). */
async function answered(): Promise<void> {
  await harness.adapter.stop();
}

describe('the Slack HTTP receiver against replays (real Bolt, signed requests)', () => {
  it('answers the same signed slash command sent twice inside the 5-minute window once', async () => {
    await start();
    const body = slashCommandBody({ text: 'example.com', responseUrl: harness.fake.responseUrl });
    const timestamp = nowS() - 10;

    const first = await harness.post(body, SIGNING_SECRET, timestamp);
    const replay = await harness.post(body, SIGNING_SECRET, timestamp);
    await answered();

    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(core.requests).toHaveLength(1);
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers the same signed Rescan click sent twice once', async () => {
    await start();
    const body = rescanActionBody({ domain: 'example.com', responseUrl: harness.fake.responseUrl });
    const timestamp = nowS();

    await harness.post(body, SIGNING_SECRET, timestamp);
    await harness.post(body, SIGNING_SECRET, timestamp);
    await answered();

    expect(core.requests).toHaveLength(1);
  });

  it('refuses a timestamp more than 5 minutes in the future like a stale one, with 401 and no answer', async () => {
    await start();
    const body = slashCommandBody({ text: 'example.com', responseUrl: harness.fake.responseUrl });

    const future = await harness.post(body, SIGNING_SECRET, nowS() + 6 * 60);
    const stale = await harness.post(body, SIGNING_SECRET, nowS() - 6 * 60);
    const nearFuture = await harness.post(body, SIGNING_SECRET, nowS() + 60);
    await answered();

    expect(future.status).toBe(401);
    expect(stale.status).toBe(401);
    expect(nearFuture.status).toBe(200);
    expect(core.requests).toHaveLength(1);
  });

  it('never starts a second scan for a Slack retry (X-Slack-Retry-Num), whatever its signature', async () => {
    await start();
    const body = slashCommandBody({ text: 'example.com', responseUrl: harness.fake.responseUrl });
    await harness.post(body);

    const retry = await fetch(`http://127.0.0.1:${harness.adapter.port}/slack/events`, {
      method: 'POST',
      headers: {
        ...signSlackRequest(SIGNING_SECRET, body, nowS() + 1),
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      },
      body,
    });
    await answered();

    expect(retry.status).toBe(200);
    expect(core.requests).toHaveLength(1);
  });

  it('still refuses a bad signature with 401, and remembers nothing for it', async () => {
    await start();
    const body = slashCommandBody({ text: 'example.com', responseUrl: harness.fake.responseUrl });
    const timestamp = nowS();

    const forged = await harness.post(body, 'not-the-secret', timestamp);
    const genuine = await harness.post(body, SIGNING_SECRET, timestamp);
    await answered();

    expect(forged.status).toBe(401);
    expect(genuine.status).toBe(200);
    expect(core.requests).toHaveLength(1);
  });
});
