import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DiscordAdapter, startDiscordAdapter } from '../../../adapters/discord/index.js';
import { createCommandCore } from '../../../src/command/command-core.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import { reportBytes } from '../../tlsrpt/report-builder.js';
import { APP_ID, BOT_ID, type FakeDiscord, startFakeDiscord } from './fake-discord.js';
import { CHANNEL_ID, GUILD_ID } from './interactions.js';
import { memoryLogger } from './test-logger.js';

const NOW = Date.parse('2026-12-01T10:00:00.000Z');
const USER = { id: '500000000000000001', username: 'ops', discriminator: '0', global_name: null, avatar: null };
let fake: FakeDiscord;
let adapter: DiscordAdapter;
let store: SqliteStore;

beforeEach(async () => {
  fake = await startFakeDiscord();
  store = openSqliteStore(':memory:');
  const core = createCommandCore({
    scan: async () => {
      throw new Error('no scans here');
    },
    watches: store,
    reports: { store, publicUrl: null },
    now: () => NOW,
  });
  adapter = await startDiscordAdapter({
    token: 'fake-token',
    appId: APP_ID,
    apiUrl: fake.apiUrl,
    core,
    uploads: core,
    logger: memoryLogger().logger,
  });
  // What Discord sends for each guild once the Guilds intent is granted: the channels the bot can see.
  fake.dispatchEvent('GUILD_CREATE', {
    id: GUILD_ID,
    name: 'Fake guild',
    owner_id: USER.id,
    unavailable: false,
    member_count: 2,
    joined_at: new Date(0).toISOString(),
    channels: [{ id: CHANNEL_ID, type: 0, name: 'ops', guild_id: GUILD_ID, position: 0, permission_overwrites: [] }],
    roles: [],
    members: [],
    emojis: [],
    stickers: [],
    threads: [],
    presences: [],
    voice_states: [],
    features: [],
  });
});
afterEach(async () => {
  await adapter.stop();
  await fake.close();
  store.close();
});

let nextMessage = 600000000000000000n;
function postWithAttachment(files: Array<{ name: string; bytes: Uint8Array; size?: number }>): string {
  const id = String((nextMessage += 1n));
  const attachments = files.map((file, i) => {
    const attachmentId = String(nextMessage * 10n + BigInt(i));
    const url = fake.addAttachment(attachmentId, file.name, file.bytes);
    return {
      id: attachmentId,
      filename: file.name,
      size: file.size ?? file.bytes.length,
      url,
      proxy_url: url,
      content_type: 'application/octet-stream',
    };
  });
  fake.dispatchEvent('MESSAGE_CREATE', {
    id,
    channel_id: CHANNEL_ID,
    guild_id: GUILD_ID,
    author: USER,
    content: `<@${BOT_ID}>`,
    attachments,
    embeds: [],
    components: [],
    mentions: [{ id: BOT_ID, username: 'mtasts', discriminator: '0', global_name: null, avatar: null, bot: true }],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    type: 0,
    flags: 0,
    timestamp: new Date(NOW).toISOString(),
    edited_timestamp: null,
  });
  return id;
}

describe('report files attached in Discord (real discord.js, fake Discord)', () => {
  it('reads an attached .json.gz, stores it for the channel and answers in a thread started from the message', async () => {
    const id = postWithAttachment([
      { name: 'notes.txt', bytes: Buffer.from('hi') },
      { name: 'report.json.gz', bytes: gzipSync(reportBytes()) },
    ]);
    const thread = await fake.waitForRequest(
      (r) => r.method === 'POST' && r.route === `/channels/${CHANNEL_ID}/messages/${id}/threads`,
    );
    expect(thread.body).toMatchObject({ name: 'TLS-RPT: report.json.gz' });
    const posted = await fake.waitForRequest((r) => r.method === 'POST' && r.route === `/channels/${id}/messages`);
    expect(posted.body.content).toBe(
      'report.json.gz: report r-1 from Sender Inc., 2026-11-30 to 2026-11-30, stored for this channel.\nexample.com sts: 10 succeeded · 1 failed (certificate-expired 1; most at mx.example.com)',
    );
    expect(posted.body.allowed_mentions).toEqual({ parse: [] });
    const channel = { platform: 'discord' as const, workspaceId: GUILD_ID, channelId: CHANNEL_ID };
    const [kept] = await store.tlsRptReports(channel, 'example.com', { endAfter: '2000-01-01T00:00:00.000Z' });
    expect(kept).toMatchObject({ submitter: `discord:${USER.id}`, reportId: 'r-1' });
    // Guilds (1) and GuildMessages (512): no privileged intent, so the bot sees attachments of messages that mention it.
    expect(fake.identifies[0].intents).toBe(513);
  });

  it('answers a rejected attachment with the code and path in words', async () => {
    const id = postWithAttachment([{ name: 'bad.json', bytes: reportBytes({ policies: {} }) }]);
    const posted = await fake.waitForRequest((r) => r.method === 'POST' && r.route === `/channels/${id}/messages`);
    expect(posted.body.content).toMatch(
      /^bad\.json was not stored: a value has the wrong JSON type, so its numbers cannot be trusted \(invalid-type at policies\)\. \S/,
    );
  });
});
