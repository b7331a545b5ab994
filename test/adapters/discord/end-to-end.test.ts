import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordAdapter, startDiscordAdapter } from '../../../adapters/discord/index.js';
import { checkLimits } from '../../../adapters/discord/limits.js';
import { toneColour } from '../../../adapters/discord/palette.js';
import { createCommandCore } from '../../../src/command/command-core.js';
import { scan } from '../../../src/scan/scan.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import {
  type DomainSpec,
  type FixtureInternet,
  publishDomain,
  startFixtureInternet,
} from '../../fixture/fixture-internet.js';
import { APP_ID, type FakeDiscord, type RecordedRequest, startFakeDiscord } from './fake-discord.js';
import { buttonClick, CHANNEL_ID, GUILD_ID, slashCommand } from './interactions.js';

const MANAGER_ROLE = '900000000000000001';

import { memoryLogger } from './test-logger.js';

function deployment(domain: string, mx: Array<[number, string]> = [[10, `mx.${domain}`]]): DomainSpec {
  return {
    txt: 'v=STSv1; id=20240101;',
    policy: `version: STSv1\r\nmode: enforce\r\nmx: mx.${domain}\r\nmax_age: 604800\r\n`,
    mx,
    tlsrpt: `v=TLSRPTv1; rua=mailto:tls-reports@${domain}`,
  };
}

let internet: FixtureInternet;
let fake: FakeDiscord | undefined;
let adapter: DiscordAdapter | undefined;
let store: SqliteStore | undefined;

beforeAll(async () => {
  internet = await startFixtureInternet();
  await publishDomain(
    internet,
    'broken.test',
    deployment('broken.test', [
      [10, 'mx.broken.test'],
      [20, 'backup.elsewhere.test'],
    ]),
  );
  await publishDomain(internet, 'hostile.test', {
    txt: 'v=STSv1; id=20240101;',
    policy: 'version: STSv1\r\nmode: testing\r\nmx: @everyone**bold**<@123>\r\nmax_age: 604800\r\n',
    mx: [[10, 'mx.hostile.test']],
    tlsrpt: 'v=TLSRPTv1; rua=mailto:@here**x**<@&9>@hostile.test',
  });
  await publishDomain(internet, 'noreports.test', { ...deployment('noreports.test'), tlsrpt: undefined });
  await publishDomain(internet, 'wild.test', {
    ...deployment('wild.test', [
      [10, 'a.mx.wild.test'],
      [20, 'b.mx.wild.test'],
    ]),
    policy: 'version: STSv1\r\nmode: enforce\r\nmx: *.wild.test\r\nmax_age: 604800\r\n',
  });
  for (const domain of ['one.test', 'two.test', 'three.test', 'four.test'])
    await publishDomain(internet, domain, deployment(domain));
});
afterAll(async () => {
  await internet.close();
});
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
  store?.close();
  adapter = undefined;
  fake = undefined;
  store = undefined;
});

/** The adapter with the real core and the real scan against the fixture internet; `gate` holds every scan back. */
async function start(
  gate: Promise<void> = Promise.resolve(),
  options: { managerRoleId?: string } = {},
): Promise<FakeDiscord> {
  fake = await startFakeDiscord();
  const history = openSqliteStore(':memory:');
  store = history;
  const core = createCommandCore({
    scan: async (domain) => {
      await gate;
      return scan(domain, { ...internet.scanOptions, history });
    },
    watches: history,
    limits: { scansPerWindow: 3 },
  });
  adapter = await startDiscordAdapter({
    token: 'fake-token',
    appId: APP_ID,
    apiUrl: fake.apiUrl,
    core,
    logger: memoryLogger().logger,
    ...options,
  });
  return fake;
}

/** Sends the interaction and returns the requests it caused, once the one that ends the answer has come. */
async function answer(interaction: { token: string }, isLast: (token: string) => (r: RecordedRequest) => boolean) {
  const before = fake!.requests.length;
  fake!.dispatch(interaction);
  await fake!.waitForRequest(isLast(interaction.token));
  return fake!.requests.slice(before);
}

const isCallback = (token: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.route.endsWith(`/${token}/callback`);
const isEdit = (token: string) => (r: RecordedRequest) =>
  r.method === 'PATCH' && r.route.includes(`/${token}/messages/`);
const isFollowUp = (token: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.route === `/webhooks/${APP_ID}/${token}`;
/** A member with Discord's permission to change the channel, which watches and digest schedules need by default. */
const manager = { memberPermissions: PermissionFlagsBits.ManageChannels };
const isThread = (r: RecordedRequest) => r.method === 'POST' && r.route.endsWith('/threads');
const carriesMessage = (r: RecordedRequest) =>
  r.body !== null && typeof r.body === 'object' && ('content' in r.body || 'embeds' in r.body);

/** Asks for domain and returns the fix messages threaded under the answer, joined. */
async function threadedFixes(domain: string): Promise<string> {
  const discord = await start();
  const interaction = slashCommand(domain);
  discord.dispatch(interaction);
  const edit = await discord.waitForRequest(isEdit(interaction.token));
  await discord.waitForRequest((r) => r.method === 'POST' && r.route === `/channels/${edit.reply.id}/messages`);
  await adapter!.stop();
  return discord.requests
    .filter((r) => r.route === `/channels/${edit.reply.id}/messages`)
    .map((r) => r.body.content as string)
    .join('\n');
}

describe('the Discord adapter with the real command core and scan, against the fixture internet', () => {
  it('defers at once, then edits in the verdict embed and threads the fixes under it', async () => {
    let release = () => {};
    const discord = await start(new Promise((resolve) => (release = resolve)));
    const interaction = slashCommand('broken.test');

    discord.dispatch(interaction);
    const deferral = await discord.waitForRequest(isCallback(interaction.token));
    expect(deferral.body.type).toBe(5);
    expect(discord.requests.some(isEdit(interaction.token))).toBe(false);
    release();
    const edit = await discord.waitForRequest(isEdit(interaction.token));
    const threadMessage = await discord.waitForRequest(
      (r) => r.method === 'POST' && r.route === `/channels/${edit.reply.id}/messages`,
    );
    await adapter!.stop();

    const embed = edit.body.embeds[0];
    expect(checkLimits(edit.body)).toMatchObject({ ok: true });
    expect(embed.color).toBe(toneColour('warning'));
    expect(embed.title).toBe('broken.test — Broken');
    expect(embed.fields.find((f: { name: string }) => f.name.startsWith('MX hosts'))).toEqual({
      name: 'MX hosts (2)',
      value:
        '✓ mx.broken.test (10): mx.broken.test\n↳ ✓ STARTTLS TLSv1.3, cert ok, 89 days, DANE none\n✗ backup.elsewhere.test (20): not covered by the policy\n↳ ✓ STARTTLS TLSv1.3, cert ok, 89 days, DANE none',
    });
    expect(embed.fields).toContainEqual({ name: 'TLS-RPT', value: '`mailto:***@broken.test`', inline: true });
    expect(edit.body.components[0].components[0].custom_id).toBe('mtasts:rescan:broken.test');
    expect(discord.requests.find((r) => r.route.endsWith('/threads'))!.route).toBe(
      `/channels/${CHANNEL_ID}/messages/${edit.reply.id}/threads`,
    );
    const fixes = discord.requests
      .filter((r) => r.route === `/channels/${edit.reply.id}/messages`)
      .map((r) => r.body.content as string);
    // Live in enforce: the policy to paste keeps enforce, and says so above the block.
    expect(fixes.join('\n')).toContain(
      '**Policy at `https://mta-sts.broken.test/.well-known/mta-sts.txt`**\nIt keeps the live mode, enforce. Serve this as text/plain over HTTPS with a certificate valid for mta-sts.broken.test.\n```\nversion: STSv1\nmode: enforce\nmx: mx.broken.test\nmx: backup.elsewhere.test\nmax_age: 604800\n```',
    );
    // Its valid TLS-RPT record is not offered again, and nothing to paste is redacted.
    expect(fixes.join('\n')).not.toContain('TLS-RPT record at');
    expect(fixes.join('\n')).not.toContain('***');
    expect(threadMessage.body.allowed_mentions).toEqual({ parse: [] });
    for (const request of discord.requests.filter(carriesMessage))
      expect(request.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('offers TLS-RPT only where it is missing, with a visible placeholder mailbox and never ***', async () => {
    const fixes = await threadedFixes('noreports.test');
    expect(fixes).toContain(
      '**TLS-RPT record at `_smtp._tls.noreports.test`**\nPublish this record to get daily reports of TLS failures (RFC 8460), with the mailbox that should receive them in place of `tls-reports@noreports.test`.\n```\nName:  _smtp._tls.noreports.test\nType:  TXT\nValue: v=TLSRPTv1; rua=mailto:tls-reports@noreports.test\n\n; zone file:\n_smtp._tls.noreports.test. IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@noreports.test"\n```',
    );
    expect(fixes).not.toContain('***');
  });

  it('threads a suggested policy that carries the wildcard the finding asks to add', async () => {
    const fixes = await threadedFixes('wild.test');
    expect(fixes).toContain(
      '**MX wildcard missing**\nAdd `mx: *.mx.wild.test` to the policy, then rotate the TXT id. `*.wild.test` does not cover `a.mx.wild.test`: a wildcard matches exactly one label.',
    );
    expect(fixes).toContain('```\nversion: STSv1\nmode: enforce\nmx: *.mx.wild.test\nmax_age: 604800\n```');
  });

  it('delivers hostile policy and TLS-RPT text escaped: no mention or markdown survives outside code blocks', async () => {
    const discord = await start();
    discord.dispatch(slashCommand('hostile.test'));
    await discord.waitForRequest((r) => r.route.endsWith('/callback'));
    await adapter!.stop();
    const messages = discord.requests.filter(carriesMessage);
    const json = JSON.stringify(messages.map((m) => m.body)).replace(/```.*?```/g, '');
    // Discord shows inline code verbatim and parses no mention in it; a finding's detail quotes the record there.
    const spans = json.match(/`[^`]*`/g) ?? [];
    const text = json.replace(/`[^`]*`/g, '');
    expect(spans.join(' ')).toContain('rua=mailto:***@\u200bhere**x**<@&9>@hostile.test');
    expect(spans.join(' ')).not.toMatch(/@(everyone|here)/);

    expect(messages.length).toBeGreaterThan(0);
    expect(text).toContain('@\u200beveryone\\\\*\\\\*bold\\\\*\\\\*<\u200b@123>');
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/<[@#]/);
    expect(text).not.toContain('**bold');
    for (const message of messages) expect(message.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('cuts a burst from one user at the limit with a private retry time; another user and cached answers are unaffected', async () => {
    await start();
    for (const domain of ['one.test', 'two.test', 'three.test']) {
      const sent = await answer(slashCommand(domain, { userId: '500000000000000001' }), isEdit);
      expect(sent.find((r) => r.method === 'PATCH')!.body.embeds[0].title).toBe(`${domain} — Enforced`);
    }

    const refusal = slashCommand('four.test', { userId: '500000000000000001' });
    const refused = await answer(refusal, isFollowUp);
    const followUp = refused.find(isFollowUp(refusal.token))!;
    expect(refused.some((r) => r.method === 'DELETE')).toBe(true);
    expect(followUp.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(followUp.body.embeds[0].description).toMatch(/Try again in \d/);

    // In another channel (a DM): in the same one a repeat points to the earlier answer.
    const cached = await answer(slashCommand('one.test', { userId: '500000000000000001', dm: true }), isEdit);
    expect(cached.find((r) => r.method === 'PATCH')!.body.embeds[0].description).toMatch(/Cached .* ago/);

    const otherUser = await answer(slashCommand('four.test', { userId: '500000000000000002' }), isEdit);
    expect(otherUser.find((r) => r.method === 'PATCH')!.body.embeds[0].title).toBe('four.test — Enforced');
  });

  it('the Rescan button runs a new scan instead of answering from the cache', async () => {
    await start();
    await answer(slashCommand('one.test'), isEdit);
    const fetchesBefore = internet.https.requests.length;

    const sent = await answer(buttonClick('mtasts:rescan:one.test'), isEdit);

    expect(internet.https.requests.length).toBeGreaterThan(fetchesBefore);
    const embed = sent.find((r) => r.method === 'PATCH')!.body.embeds[0];
    expect(embed.title).toBe('one.test — Enforced');
    expect(embed.description ?? '').not.toMatch(/Cached/);
  });

  it("watch, then digest now: the digest is edited into the reply, the broken domain's details threaded under it", async () => {
    const discord = await start();
    await answer(slashCommand('watch broken.test', manager), isEdit);
    await answer(slashCommand('watch one.test', manager), isEdit);

    const sent = await answer(slashCommand('digest now'), isEdit);
    const edit = sent.find((r) => r.method === 'PATCH')!;
    const embed = edit.body.embeds[0];
    const thread = await discord.waitForRequest(
      (r) => r.route === `/channels/${CHANNEL_ID}/messages/${edit.reply.id}/threads`,
    );
    const details = await discord.waitForRequest(
      (r) => r.method === 'POST' && r.route === `/channels/${thread.reply.id}/messages`,
    );
    await adapter!.stop();

    expect(checkLimits(edit.body)).toMatchObject({ ok: true });
    expect(embed.color).toBe(toneColour('warning'));
    expect(embed.title).toMatch(/^MTA-STS digest: 2 domains/);
    expect(embed.description!.split('\n').slice(1)).toEqual([
      '🟠 **broken.test** — broken · mode enforce · MX 1/2',
      '🟢 1 enforced: one.test',
    ]);
    expect(thread.body.name).toBe('MTA-STS digest: 1 broken domain');
    expect(details.body.content).toMatch(/^__\*\*broken\.test\*\*__\n/);
    expect(details.body.content).toContain('backup.elsewhere.test');
    for (const request of discord.requests.filter(carriesMessage))
      expect(request.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("watches lists the channel's domains from their last scans, in the digest shape, without scanning", async () => {
    const discord = await start();
    await answer(slashCommand('watch one.test', manager), isEdit);
    const fetchesBefore = internet.https.requests.length;

    const sent = await answer(slashCommand('watches'), isEdit);
    const embed = sent.find((r) => r.method === 'PATCH')!.body.embeds[0];

    expect(internet.https.requests.length).toBe(fetchesBefore);
    expect(embed.title).toMatch(/^MTA-STS watches: 1 domain/);
    expect(embed.description).toMatch(/^Watching 1 domain · digest daily at 09:00 UTC/);
    expect(embed.description).toMatch(/^🟢 \*\*one\.test\*\* — enforced/m);
    expect(discord.requests.some((r) => r.route.endsWith('/threads'))).toBe(false);
  });

  it('a forged Rescan button id runs no command: the schedule stays, the user is told privately', async () => {
    await start();
    const forged = buttonClick('mtasts:rescan:digest 03:00 UTC', manager);

    const sent = await answer(forged, isFollowUp);

    const followUp = sent.find(isFollowUp(forged.token))!;
    expect(followUp.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(followUp.body.embeds[0].description).toContain('That button does not name a domain to rescan');
    expect(await store!.schedule({ platform: 'discord', workspaceId: GUILD_ID, channelId: CHANNEL_ID })).toBeNull();
  });

  it('a forged Watch button id runs no command: nothing is watched, the user is told privately', async () => {
    await start();
    const forged = buttonClick('mtasts:watch:one.test digest 03:00 UTC', manager);

    const sent = await answer(forged, isCallback);

    const reply = sent.find(isCallback(forged.token))!;
    expect(reply.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(reply.body.data.embeds[0].description).toBe(
      'That button does not name a domain to watch; nothing was changed.',
    );
    const channel = { platform: 'discord', workspaceId: GUILD_ID, channelId: CHANNEL_ID } as const;
    expect(await store!.watches(channel)).toEqual([]);
    expect(await store!.schedule(channel)).toBeNull();
  });

  it('lets only members with Manage Channels, or the configured role, change watches and the digest schedule', async () => {
    await start(Promise.resolve(), { managerRoleId: MANAGER_ROLE });
    const channel = { platform: 'discord', workspaceId: GUILD_ID, channelId: CHANNEL_ID } as const;

    for (const text of ['watch one.test', 'digest 03:00 UTC']) {
      const refused = slashCommand(text, { memberPermissions: PermissionFlagsBits.SendMessages });
      const sent = await answer(refused, isFollowUp);
      expect(sent.find(isFollowUp(refused.token))!.body.embeds[0].description).toMatch(
        /^Only people allowed to manage this channel/,
      );
    }
    expect(await store!.watches(channel)).toEqual([]);
    expect(await store!.schedule(channel)).toBeNull();

    await answer(slashCommand('watch one.test', manager), isEdit);
    await answer(slashCommand('watch two.test', { roles: [MANAGER_ROLE] }), isEdit);
    expect(await store!.watches(channel)).toEqual(['one.test', 'two.test']);
  });

  it('posts one embed and one thread per domain and channel: concurrent Rescans and repeats are told privately', async () => {
    let release = () => {};
    const discord = await start(new Promise((resolve) => (release = resolve)));
    const clicks = Array.from({ length: 5 }, () => buttonClick('mtasts:rescan:broken.test'));
    for (const click of clicks) discord.dispatch(click);
    for (const click of clicks.slice(1)) await discord.waitForRequest(isFollowUp(click.token));
    release();
    // The fixes join the clicked message's own thread (a thread shares its starter message's id).
    await discord.waitForRequest((r) => r.method === 'POST' && r.route === '/channels/800000000000000001/messages');
    const repeats = [
      slashCommand('broken.test'),
      slashCommand('broken.test'),
      slashCommand('broken.test', { userId: '500000000000000002' }),
    ];
    for (const repeat of repeats) await answer(repeat, isFollowUp);
    await adapter!.stop();

    const embeds = discord.requests.filter(
      (r) => r.method === 'PATCH' && r.body.embeds?.[0]?.title === 'broken.test — Broken',
    );
    expect(embeds).toHaveLength(1);
    expect(discord.requests.filter(isThread)).toHaveLength(0);
    for (const click of clicks.slice(1)) {
      const notice = discord.requests.find(isFollowUp(click.token))!;
      expect(notice.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(notice.body.embeds[0].description).toBe(
        'broken.test is being checked in this channel right now; the answer will appear here shortly.',
      );
    }
    for (const repeat of repeats) {
      const notice = discord.requests.find(isFollowUp(repeat.token))!;
      expect(notice.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(notice.body.embeds[0].description).toMatch(
        /^broken\.test was answered in this channel .* ago: see that answer\./,
      );
    }
  });
});
