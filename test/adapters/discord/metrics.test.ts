import { afterEach, describe, expect, it } from 'vitest';
import { type DiscordAdapter, startDiscordAdapter } from '../../../adapters/discord/index.js';
import type { Platform } from '../../../src/metrics/metrics.js';
import { APP_ID, type FakeDiscord, startFakeDiscord } from './fake-discord.js';
import { CHANNEL_ID } from './interactions.js';
import { sampleDigest } from './sample-digests.js';
import { enforcedReport } from './sample-messages.js';
import { stubCore } from './stub-core.js';
import { memoryLogger } from './test-logger.js';

let fake: FakeDiscord | undefined;
let adapter: DiscordAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
});

describe('Discord adapter metrics', () => {
  it('counts a post Discord rate-limited and the client retried, and a post Discord refused', async () => {
    fake = await startFakeDiscord();
    const errors: Platform[] = [];
    const retries: Platform[] = [];
    adapter = await startDiscordAdapter({
      token: 'fake-bot-token.for-tests.only',
      appId: APP_ID,
      apiUrl: fake.apiUrl,
      core: stubCore(() => enforcedReport()),
      logger: memoryLogger().logger,
      metrics: {
        platformApiError: (platform) => errors.push(platform),
        platformApiRetry: (platform) => retries.push(platform),
      },
    });
    fake.rateLimitChannelMessages = 1;
    await adapter.post({ platform: 'discord', workspaceId: 'G1', channelId: CHANNEL_ID }, sampleDigest());
    expect(retries).toEqual(['discord']);
    expect(errors).toEqual([]);

    fake.refuseChannelMessages = true;
    await expect(
      adapter.post({ platform: 'discord', workspaceId: 'G1', channelId: CHANNEL_ID }, sampleDigest()),
    ).rejects.toThrow(/Missing Permissions/);
    expect(errors).toEqual(['discord']);
  });
});
