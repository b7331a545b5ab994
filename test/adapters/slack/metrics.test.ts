import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackAdapter, startSlackAdapter } from '../../../adapters/slack/index.js';
import type { Platform } from '../../../src/metrics/metrics.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { sampleDigest } from './sample-messages.js';
import { SIGNING_SECRET } from './slack-harness.js';
import { createStubCore } from './stub-core.js';

let fake: FakeSlackApi | undefined;
let adapter: SlackAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
});

describe('Slack adapter metrics', () => {
  it('counts a digest post Slack refused as a platform API error', async () => {
    fake = await startFakeSlackApi();
    const errors: Platform[] = [];
    adapter = await startSlackAdapter({
      botToken: 'xoxb-test',
      signingSecret: SIGNING_SECRET,
      port: 0,
      apiUrl: fake.apiUrl,
      core: createStubCore(() => ({ kind: 'notice', code: 'help', tone: 'neutral', private: true, text: ['unused'] })),
      logger: pino({ level: 'silent' }),
      postIntervalMs: 0,
      metrics: { platformApiError: (platform) => errors.push(platform), platformApiRetry: () => {} },
    });
    await adapter.post({ platform: 'slack', workspaceId: 'T1', channelId: 'C7' }, sampleDigest());
    expect(errors).toEqual([]);
    fake.postMessageError = 'channel_not_found';
    await expect(
      adapter.post({ platform: 'slack', workspaceId: 'T1', channelId: 'C7' }, sampleDigest()),
    ).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    expect(errors).toEqual(['slack']);
  });
});
