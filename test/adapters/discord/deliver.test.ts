import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelTarget } from '../../../adapters/discord/channel-target.js';
import { deliver } from '../../../adapters/discord/deliver.js';
import { renderDigest } from '../../../adapters/discord/render-digest.js';
import { renderDigestDetails } from '../../../adapters/discord/render-digest-details.js';
import { type FakeDiscord, type RecordedRequest, startFakeDiscord } from './fake-discord.js';
import { CHANNEL_ID } from './interactions.js';
import { hugeDigest, sampleDigest } from './sample-digests.js';
import { brokenReport, enforcedReport } from './sample-messages.js';
import { memoryLogger } from './test-logger.js';

let fake: FakeDiscord;
let rest: REST;

beforeEach(async () => {
  fake = await startFakeDiscord();
  rest = new REST({ api: fake.apiUrl }).setToken('fake-bot-token.for-tests.only');
});
afterEach(async () => {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
  await fake.close();
});

const toChannel = (r: RecordedRequest) => r.method === 'POST' && r.route === `/channels/${CHANNEL_ID}/messages`;
const isThread = (r: RecordedRequest) => r.method === 'POST' && r.route.endsWith('/threads');
const posted = (match: (r: RecordedRequest) => boolean) => fake.requests.filter((r) => match(r) && r.status === 200);

describe('deliver to a channel', () => {
  it('posts a digest as its parts in order, then the broken domains’ details in a thread started from the first part', async () => {
    const digest = hugeDigest(500);

    await deliver(channelTarget(rest, CHANNEL_ID), digest, memoryLogger().logger);
    const parts = posted(toChannel);
    const thread = fake.requests.find(isThread)!;
    const inThread = posted((r) => r.route === `/channels/${thread.reply.id}/messages`);

    expect(parts.map((r) => ({ embeds: r.body.embeds, components: r.body.components }))).toEqual(renderDigest(digest));
    expect(thread.route).toBe(`/channels/${CHANNEL_ID}/messages/${parts[0]!.reply.id}/threads`);
    expect(thread.body).toEqual({
      name: `MTA-STS digest: ${digest.details.length} broken domains`,
      auto_archive_duration: 1440,
    });
    expect(inThread.map((r) => r.body.content)).toEqual(renderDigestDetails(digest));
    expect(fake.requests.indexOf(thread)).toBeGreaterThan(fake.requests.indexOf(parts.at(-1)!));
    for (const request of [...parts, ...inThread]) expect(request.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('posts no thread for a digest without broken domains', async () => {
    await deliver(channelTarget(rest, CHANNEL_ID), { ...sampleDigest(), details: [] }, memoryLogger().logger);

    expect(posted(toChannel)).toHaveLength(1);
    expect(fake.requests.some(isThread)).toBe(false);
  });

  it('posts the details in the channel, after the digest, when Discord refuses the thread', async () => {
    fake.refuseThreads = true;

    await deliver(channelTarget(rest, CHANNEL_ID), sampleDigest(), memoryLogger().logger);
    const messages = posted(toChannel);

    expect(fake.requests.filter(isThread).map((r) => r.status)).toEqual([403]);
    expect(messages).toHaveLength(2);
    expect(messages[0]!.body.embeds[0].title).toMatch(/^MTA-STS digest: 5 domains/);
    expect(messages[1]!.body).toEqual({
      content: renderDigestDetails(sampleDigest())[0],
      allowed_mentions: { parse: [] },
    });
  });

  it('waits out a 429 from Discord and still posts every part once, in order', async () => {
    const digest = { ...hugeDigest(100), details: [] };
    fake.rateLimitChannelMessages = 2;

    await deliver(channelTarget(rest, CHANNEL_ID), digest, memoryLogger().logger);
    const attempts = fake.requests.filter(toChannel);

    expect(attempts.map((r) => r.status).slice(0, 3)).toEqual([429, 429, 200]);
    expect(posted(toChannel).map((r) => r.body.embeds)).toEqual(renderDigest(digest).map((reply) => reply.embeds));
  });

  it('rejects when Discord refuses the message, and posts nothing further', async () => {
    fake.refuseChannelMessages = true;

    await expect(deliver(channelTarget(rest, CHANNEL_ID), hugeDigest(100), memoryLogger().logger)).rejects.toThrow(
      /Missing Permissions/,
    );
    expect(fake.requests.filter(toChannel)).toHaveLength(1);
    expect(fake.requests.some(isThread)).toBe(false);
  });

  it('posts a report with its Rescan button, then its fixes in a thread', async () => {
    await deliver(channelTarget(rest, CHANNEL_ID), brokenReport(), memoryLogger().logger);
    const [report] = posted(toChannel);
    const thread = fake.requests.find(isThread)!;

    expect(report!.body.embeds[0].title).toBe('example.com — Broken');
    expect(report!.body.components[0].components[0].custom_id).toBe('mtasts:rescan:example.com');
    expect(thread.body.name).toBe('MTA-STS fixes for example.com');
    expect(posted((r) => r.route === `/channels/${thread.reply.id}/messages`)[0]!.body.content).toContain(
      '```\nv=STSv1; id=20240102\n```',
    );
  });

  it('posts a healthy report alone', async () => {
    await deliver(channelTarget(rest, CHANNEL_ID), enforcedReport(), memoryLogger().logger);

    expect(fake.requests.map((r) => r.route)).toEqual([`/channels/${CHANNEL_ID}/messages`]);
  });
});

describe('channelTarget', () => {
  it('refuses a channel id that is not a Discord id, before any request', () => {
    expect(() => channelTarget(rest, '../../guilds/1')).toThrow(/not a Discord channel id/);
    expect(() => channelTarget(rest, '')).toThrow(/not a Discord channel id/);
    expect(fake.requests).toEqual([]);
  });
});
