import { GatewayIntentBits, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type DiscordAdapter, startDiscordAdapter } from '../../../adapters/discord/index.js';
import { toneColour } from '../../../adapters/discord/palette.js';
import { renderDigest } from '../../../adapters/discord/render-digest.js';
import { renderDigestDetails } from '../../../adapters/discord/render-digest-details.js';
import type { CommandHandler } from '../../../src/command/command-handler.js';
import { APP_ID, type FakeDiscord, type RecordedRequest, startFakeDiscord } from './fake-discord.js';
import { buttonClick, CHANNEL_ID, DM_CHANNEL_ID, GUILD_ID, slashCommand } from './interactions.js';
import { digestLine, digestOf, hugeDigest, sampleDigest } from './sample-digests.js';
import { brokenReport, enforcedReport, refusal } from './sample-messages.js';
import { stubCore } from './stub-core.js';
import { memoryLogger } from './test-logger.js';

const TOKEN = 'fake-bot-token.for-tests.only';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(
  core: CommandHandler,
  now?: () => number,
): Promise<{ fake: FakeDiscord; adapter: DiscordAdapter; logs: () => Array<Record<string, unknown>> }> {
  const fake = await startFakeDiscord();
  cleanups.push(() => fake.close());
  const { logger, lines } = memoryLogger();
  const adapter = await startDiscordAdapter({
    token: TOKEN,
    appId: APP_ID,
    apiUrl: fake.apiUrl,
    core,
    logger,
    ...(now ? { now } : {}),
  });
  cleanups.push(() => adapter.stop());
  return { fake, adapter, logs: lines };
}

/** Dispatches the interaction and returns once the adapter has answered it completely (stop() waits for it). */
async function answered(
  fake: FakeDiscord,
  adapter: DiscordAdapter,
  interaction: { token: string; channel_id?: string },
) {
  fake.dispatch(interaction);
  await fake.waitForRequest(isCallback(interaction.token));
  await adapter.stop();
}

const isCallback = (token: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.route.endsWith(`/${token}/callback`);
const isEdit = (token: string) => (r: RecordedRequest) =>
  r.method === 'PATCH' && r.route.includes(`/${token}/messages/`);
const isDelete = (token: string) => (r: RecordedRequest) =>
  r.method === 'DELETE' && r.route.includes(`/${token}/messages/`);
const isFollowUp = (token: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.route === `/webhooks/${APP_ID}/${token}`;
const isThread = (r: RecordedRequest) => r.method === 'POST' && r.route.endsWith('/threads');
const isChannelMessage = (r: RecordedRequest) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.route);
/** Every request that carries a message (content or embeds), whatever the route. */
const carriesMessage = (r: RecordedRequest) =>
  r.body !== null && typeof r.body === 'object' && ('content' in r.body || 'embeds' in r.body);

describe('startDiscordAdapter', () => {
  it('logs in to the gateway from GET /gateway/bot with the Guilds intent only and the bot token', async () => {
    const { fake, adapter } = await start(stubCore(() => enforcedReport()));
    expect(adapter.connected()).toBe(true);

    expect(fake.requests[0]).toMatchObject({ method: 'GET', route: '/gateway/bot', authorization: `Bot ${TOKEN}` });
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0].intents).toBe(GatewayIntentBits.Guilds);
    expect(fake.identifies[0].token).toBe(TOKEN);
  });

  it('defers the reply (type 5, public) before the scan finishes', async () => {
    const core = stubCore(() => enforcedReport());
    const release = core.hold();
    const { fake } = await start(core);
    const interaction = slashCommand('example.com');

    fake.dispatch(interaction);
    const callback = await fake.waitForRequest(isCallback(interaction.token));

    expect(callback.body.type).toBe(5);
    expect(callback.body.data?.flags ?? 0).toBe(0);
    expect(core.answered).toBe(0);
    expect(fake.requests.some(isEdit(interaction.token))).toBe(false);
    release();
    await fake.waitForRequest(isEdit(interaction.token));
  });

  it('hands the core a Discord request: guild as workspace, channel, user and the domain text, not fresh', async () => {
    const core = stubCore(() => enforcedReport());
    const { fake, adapter } = await start(core);

    await answered(fake, adapter, slashCommand('  Example.COM ', { userId: '500000000000000009' }));

    expect(core.requests).toEqual([
      {
        platform: 'discord',
        workspaceId: GUILD_ID,
        channelId: CHANNEL_ID,
        userId: '500000000000000009',
        text: '  Example.COM ',
        fresh: false,
        mayManage: false,
      },
    ]);
  });

  it('edits the deferred reply into an embed coloured by verdict, with the MX table and a Rescan button', async () => {
    const { fake, adapter } = await start(stubCore(() => brokenReport()));
    const interaction = slashCommand('example.com');

    await answered(fake, adapter, interaction);
    const edit = fake.requests.find(isEdit(interaction.token))!;

    const embed = edit.body.embeds[0];
    expect(embed.color).toBe(toneColour('warning'));
    expect(embed.title).toBe('example.com — Broken');
    expect(embed.fields.find((f: { name: string }) => f.name.startsWith('MX hosts'))).toEqual({
      name: 'MX hosts (2)',
      value:
        '✓ mx1.example.com (10): mx1.example.com\n↳ ✓ STARTTLS TLSv1.3, cert ok, 89 days\n✗ mx2.elsewhere.net (20): not covered by the policy\n↳ ✓ STARTTLS TLSv1.3, cert ok, 89 days',
    });
    expect(embed.fields.at(-1).name).toContain('An MX host is not covered by the policy');
    expect(edit.body.content).toBe('');
    expect(edit.body.components[0].components[0]).toMatchObject({
      type: 2,
      label: 'Rescan',
      custom_id: 'mtasts:rescan:example.com',
    });
  });

  it('posts the fixes in a thread started from the reply, as code blocks', async () => {
    const { fake, adapter } = await start(stubCore(() => brokenReport()));
    const interaction = slashCommand('example.com');

    await answered(fake, adapter, interaction);
    const edit = fake.requests.find(isEdit(interaction.token))!;
    const thread = fake.requests.find(isThread)!;
    const inThread = fake.requests.filter(isChannelMessage);

    expect(thread.route).toBe(`/channels/${CHANNEL_ID}/messages/${edit.reply.id}/threads`);
    expect(thread.body).toEqual({ name: 'MTA-STS fixes for example.com', auto_archive_duration: 1440 });
    expect(inThread.map((r) => r.route)).toEqual([`/channels/${thread.reply.id}/messages`]);
    const content: string = inThread[0]!.body.content;
    expect(content).toContain('**Add the MX host to the policy**');
    expect(content).toContain(
      '```\nversion: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: mx2.elsewhere.net\nmax_age: 604800\n```',
    );
    expect(content).toContain('```\nv=STSv1; id=20240102\n```');
    expect(fake.requests.some(isFollowUp(interaction.token))).toBe(false);
  });

  it('posts no thread when the result is healthy', async () => {
    const { fake, adapter } = await start(stubCore(() => enforcedReport()));
    const interaction = slashCommand('example.com');

    await answered(fake, adapter, interaction);

    expect(fake.requests.find(isEdit(interaction.token))!.body.embeds[0].color).toBe(toneColour('good'));
    expect(fake.requests.some(isThread)).toBe(false);
    expect(fake.requests.some(isChannelMessage)).toBe(false);
  });

  it('sends allowed_mentions { parse: [] } on every message, and hostile remote text arrives inert', async () => {
    const hostile = brokenReport({
      headline: '**pwned** @everyone <@123> — Broken',
      summary: ['TXT: v=STSv1; id=1 @here <@&456> [click](https://evil.example) ||spoiler||'],
      mxTable: [
        {
          host: '@everyone.example',
          priority: 10,
          matchedBy: '**bold**',
          gate: 'STARTTLS TLSv1.3, cert ok, 89 days',
          gateOk: true,
        },
      ],
      fixes: [{ title: '@everyone fix', text: '<#789> __u__', code: 'mx: a\n```\n@everyone escaped the block?' }],
    });
    const { fake, adapter } = await start(stubCore(() => hostile));
    const interaction = slashCommand('example.com');

    await answered(fake, adapter, interaction);
    const messages = fake.requests.filter(carriesMessage);
    const embed = fake.requests.find(isEdit(interaction.token))!.body.embeds[0];
    const threadContent: string = fake.requests.find(isChannelMessage)!.body.content;

    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const message of messages) expect(message.body.allowed_mentions).toEqual({ parse: [] });
    // Code blocks render verbatim (no mentions, no markdown) and stay paste-ready; everything else is escaped.
    const outsideCode = JSON.stringify(messages.map((m) => m.body)).replace(/```.*?```/g, '');
    expect(outsideCode).not.toMatch(/@(everyone|here)/);
    expect(outsideCode).not.toMatch(/<[@#]/);
    expect(embed.title).toBe('\\*\\*pwned\\*\\* @\u200beveryone <\u200b@123> — Broken');
    expect(embed.description).toContain('\\[click\\](https://evil.example)');
    expect(embed.description).toContain('\\|\\|spoiler\\|\\|');
    expect(embed.fields.find((f: { name: string }) => f.name.startsWith('MX hosts')).value).toContain(
      '\\*\\*bold\\*\\*',
    );
    // Exactly one fenced block: the remote ``` could not close it early.
    expect(threadContent.match(/```/g)).toHaveLength(2);
    expect(threadContent).toContain('```\nmx: a\n`\u200b`\u200b`\n@everyone escaped the block?\n```');
    expect(threadContent).toContain('**@\u200beveryone fix**');
  });

  it('shows a private notice (a rate-limit refusal) only to the user: deferred reply deleted, ephemeral follow-up', async () => {
    const { fake, adapter } = await start(stubCore(() => refusal()));
    const interaction = slashCommand('example.com');

    await answered(fake, adapter, interaction);
    const deleteAt = fake.requests.findIndex(isDelete(interaction.token));
    const followUpAt = fake.requests.findIndex(isFollowUp(interaction.token));
    const followUp = fake.requests[followUpAt]!;

    expect(deleteAt).toBeGreaterThan(-1);
    // The delete must come first: a first follow-up would otherwise replace the public deferred reply.
    expect(followUpAt).toBeGreaterThan(deleteAt);
    expect(followUp.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(followUp.body.embeds[0].description).toBe('You have used your 3 scans; try again in 7 minutes.');
    expect(followUp.body.allowed_mentions).toEqual({ parse: [] });
    expect(fake.requests.some(isEdit(interaction.token))).toBe(false);
  });

  it('edits a public notice into the reply without deleting it', async () => {
    const notice = {
      kind: 'notice',
      code: 'reports',
      tone: 'neutral',
      text: ['Checked 4 s ago.'],
      private: false,
    } as const;
    const { fake, adapter } = await start(stubCore(() => notice));
    const interaction = slashCommand('example.com');

    await answered(fake, adapter, interaction);

    expect(fake.requests.find(isEdit(interaction.token))!.body.embeds).toEqual([
      { color: toneColour('neutral'), description: 'Checked 4 s ago.' },
    ]);
    expect(fake.requests.some(isDelete(interaction.token))).toBe(false);
  });

  it('posts the fixes as public follow-ups in a DM, where there are no threads', async () => {
    const core = stubCore(() => brokenReport());
    const { fake, adapter } = await start(core);
    const interaction = slashCommand('example.com', { dm: true, userId: '500000000000000007' });

    await answered(fake, adapter, interaction);
    const followUps = fake.requests.filter(isFollowUp(interaction.token));

    expect(core.requests[0]).toMatchObject({
      workspaceId: 'dm',
      channelId: DM_CHANNEL_ID,
      userId: '500000000000000007',
    });
    expect(fake.requests.some(isThread)).toBe(false);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.body.content).toContain('```\nv=STSv1; id=20240102\n```');
    expect(followUps[0]!.body.flags ?? 0).toBe(0);
    expect(followUps[0]!.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('falls back to follow-ups when Discord refuses to start the thread', async () => {
    const { fake, adapter } = await start(stubCore(() => brokenReport()));
    fake.refuseThreads = true;
    const interaction = slashCommand('example.com');

    await answered(fake, adapter, interaction);

    expect(fake.requests.filter(isThread).map((r) => r.status)).toEqual([403]);
    expect(fake.requests.some(isChannelMessage)).toBe(false);
    expect(fake.requests.filter(isFollowUp(interaction.token))[0]!.body.content).toContain('Change the policy id');
  });

  it('does not try a thread where the bot lacks the permission to create one', async () => {
    const { fake, adapter } = await start(stubCore(() => brokenReport()));
    const interaction = slashCommand('example.com', {
      permissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages,
    });

    await answered(fake, adapter, interaction);

    expect(fake.requests.some(isThread)).toBe(false);
    expect(fake.requests.filter(isFollowUp(interaction.token))).toHaveLength(1);
  });

  it('runs a fresh scan for the Rescan button, as the user who clicked, and updates the clicked message', async () => {
    const core = stubCore(() => enforcedReport());
    const { fake, adapter } = await start(core);
    const click = buttonClick('mtasts:rescan:example.com', { userId: '500000000000000005' });

    await answered(fake, adapter, click);

    expect(core.requests).toEqual([
      {
        platform: 'discord',
        workspaceId: GUILD_ID,
        channelId: CHANNEL_ID,
        userId: '500000000000000005',
        text: 'example.com',
        fresh: true,
        mayManage: false,
      },
    ]);
    // DEFERRED_UPDATE_MESSAGE: no new reply; the edit then replaces the message the button is on.
    expect(fake.requests.find(isCallback(click.token))!.body.type).toBe(6);
    const embed = fake.requests.find(isEdit(click.token))!.body.embeds[0];
    expect(embed.title).toBe('example.com — Enforced');
    expect(embed.footer).toEqual({ text: 'Rescanned by user005' });
  });

  it("runs exactly `watch <domain>` for the Watch button, with the clicking member's permission, in a new reply", async () => {
    const core = stubCore(() => enforcedReport());
    const { fake, adapter } = await start(core);
    const click = buttonClick('mtasts:watch:example.com', { userId: '500000000000000005' });

    await answered(fake, adapter, click);

    expect(core.requests).toEqual([
      {
        platform: 'discord',
        workspaceId: GUILD_ID,
        channelId: CHANNEL_ID,
        userId: '500000000000000005',
        text: 'watch example.com',
        fresh: false,
        mayManage: false,
      },
    ]);
    expect(fake.requests.find(isCallback(click.token))!.body.type).toBe(5);
  });

  it('runs nothing for a Watch custom_id that is not exactly a domain', async () => {
    const core = stubCore(() => enforcedReport());
    const { fake, adapter } = await start(core);
    const forged = [
      'mtasts:watch:example.com digest off',
      'mtasts:watch:Example.COM',
      'mtasts:watch:',
      'mtasts:watch:a b',
    ];
    for (const customId of forged) fake.dispatch(buttonClick(customId));
    const ours = slashCommand('example.com');
    await answered(fake, adapter, ours);
    expect(core.requests.map((request) => request.text)).toEqual(['example.com']);
  });

  it('leaves alone buttons and commands that are not its own', async () => {
    const core = stubCore(() => enforcedReport());
    const { fake, adapter } = await start(core);
    const foreignButton = buttonClick('another-bot:thing');
    const foreignCommand = { ...slashCommand('x'), data: { id: '1', name: 'other', type: 1, options: [] } };
    const ours = slashCommand('example.com');

    fake.dispatch(foreignButton);
    fake.dispatch(foreignCommand);
    await answered(fake, adapter, ours);

    expect(core.requests.map((r) => r.text)).toEqual(['example.com']);
    expect(fake.requests.some(isCallback(foreignButton.token))).toBe(false);
    expect(fake.requests.some(isCallback(foreignCommand.token))).toBe(false);
  });

  it('shows the queue position while the scan waits, then replaces it with the result', async () => {
    const core = stubCore(() => enforcedReport());
    const { fake, adapter } = await start({
      handle: async (request, hooks) => {
        hooks?.onQueued?.(2);
        return core.handle(request, hooks);
      },
    });
    const release = core.hold();
    const interaction = slashCommand('example.com');

    fake.dispatch(interaction);
    const queued = await fake.waitForRequest(isEdit(interaction.token));
    release();
    await adapter.stop();
    const edits = fake.requests.filter(isEdit(interaction.token));

    expect(queued.body.content).toBe('Waiting for a free scan slot (position 2 in line)…');
    expect(queued.body.allowed_mentions).toEqual({ parse: [] });
    expect(edits).toHaveLength(2);
    expect(edits[1]!.body).toMatchObject({ content: '', embeds: [{ title: 'example.com — Enforced' }] });
  });

  it('skips queue-position edits beyond 5 per second, so a burst of queued commands leaves REST for the answers', async () => {
    const core = stubCore(() => enforcedReport());
    const { fake, adapter } = await start(
      {
        handle: async (request, hooks) => {
          hooks?.onQueued?.(Number(request.text.slice(1)));
          return core.handle(request, hooks);
        },
      },
      () => 1_700_000_000_000,
    );
    const release = core.hold();
    const interactions = Array.from({ length: 12 }, (_, i) => slashCommand(`q${i + 1}`));

    for (const interaction of interactions) fake.dispatch(interaction);
    for (const interaction of interactions) await fake.waitForRequest(isCallback(interaction.token));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await adapter.stop();

    const queueEdits = fake.requests.filter(
      (r) => r.method === 'PATCH' && String(r.body?.content).startsWith('Waiting for a free scan slot'),
    );
    expect(queueEdits).toHaveLength(5);
    for (const interaction of interactions) {
      expect(fake.requests.filter(isEdit(interaction.token)).at(-1)!.body.embeds[0].title).toBe(
        'example.com — Enforced',
      );
    }
  });

  it('answers with a short private notice, never a stack trace, when the core fails', async () => {
    const { fake, adapter, logs } = await start({
      handle: async () => {
        throw new Error('boom at line 42');
      },
    });
    const interaction = slashCommand('example.com');

    await answered(fake, adapter, interaction);
    const followUp = fake.requests.find(isFollowUp(interaction.token))!;

    expect(followUp.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(followUp.body.embeds[0].description).toBe(
      'Something went wrong with that request. Please try again in a minute.',
    );
    expect(JSON.stringify(followUp.body)).not.toContain('boom');
    expect(logs().some((line) => line.msg === 'discord: the command core failed')).toBe(true);
  });

  it('stop() lets an in-flight reply finish before it closes the gateway connection', async () => {
    const core = stubCore(() => enforcedReport());
    const release = core.hold();
    const { fake, adapter } = await start(core);
    const interaction = slashCommand('example.com');
    fake.dispatch(interaction);
    await fake.waitForRequest(isCallback(interaction.token));

    let stopped = false;
    const stopping = adapter.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect(fake.requests.some(isEdit(interaction.token))).toBe(true);
    await expect.poll(() => fake.connections()).toBe(0);
    expect(adapter.connected()).toBe(false);
  });

  it('answers a command that arrives while stopping with a private "restarting" notice, and sends it before closing', async () => {
    const core = stubCore(() => enforcedReport());
    const release = core.hold();
    const { fake, adapter } = await start(core);
    const first = slashCommand('example.com');
    fake.dispatch(first);
    await fake.waitForRequest(isCallback(first.token));

    const stopping = adapter.stop();
    const late = slashCommand('example.org');
    fake.dispatch(late);
    const callback = await fake.waitForRequest(isCallback(late.token));
    release();
    await stopping;

    expect(callback.body).toMatchObject({
      type: 4,
      data: {
        embeds: [{ description: 'mtasts is restarting; please try again in a minute.' }],
        flags: MessageFlags.Ephemeral,
        allowed_mentions: { parse: [] },
      },
    });
    expect(core.requests.map((request) => request.text)).toEqual(['example.com']);
    expect(fake.requests.some(isEdit(first.token))).toBe(true);
  });

  it('warns at start-up when DISCORD_APP_ID is not the application of the token', async () => {
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const { logger, lines } = memoryLogger();
    const adapter = await startDiscordAdapter({
      token: TOKEN,
      appId: '1',
      apiUrl: fake.apiUrl,
      core: stubCore(() => enforcedReport()),
      logger,
    });
    cleanups.push(() => adapter.stop());

    expect(lines().find((line) => line.msg === 'discord: DISCORD_APP_ID does not match the token')).toMatchObject({
      level: 40,
      appId: '1',
      tokenAppId: APP_ID,
    });
  });

  it('never sends the token anywhere but the Authorization header, nor logs it', async () => {
    const { fake, adapter, logs } = await start(stubCore(() => brokenReport()));
    await answered(fake, adapter, slashCommand('example.com'));

    expect(JSON.stringify(fake.requests.map(({ authorization, ...rest }) => rest))).not.toContain(TOKEN);
    expect(JSON.stringify(logs())).not.toContain(TOKEN);
  });

  it('logs a failed delivery (an expired interaction) without the interaction token', async () => {
    const { fake, adapter, logs } = await start(stubCore(() => brokenReport()));
    fake.expireInteractions = true;
    const interaction = slashCommand('example.com');

    await answered(fake, adapter, interaction);
    const failure = logs().find((line) => line.msg === 'discord: could not deliver the answer');

    expect(failure?.err).toMatchObject({ code: 50027, status: 401, method: 'PATCH', message: 'Invalid Webhook Token' });
    expect(JSON.stringify(logs())).not.toContain(interaction.token);
  });

  it.each([
    ['the interaction token expired (401/50027)', (fake: FakeDiscord) => (fake.expireInteractions = true)],
    ['the webhook answers 500 on every try', (fake: FakeDiscord) => (fake.failWebhooks = true)],
    ['the deferral hangs', (fake: FakeDiscord) => (fake.hangCallbacks = true)],
  ])(
    'posts the answer in the channel when %s',
    async (_, fault) => {
      const { fake, adapter } = await start(stubCore(() => brokenReport()));
      fault(fake);
      const interaction = slashCommand('example.com');

      fake.dispatch(interaction);
      const post = await fake.waitForRequest((r) => isChannelMessage(r) && r.status === 200, 20_000);
      await adapter.stop();

      expect(post.route).toBe(`/channels/${CHANNEL_ID}/messages`);
      expect(post.body.embeds[0].title).toBe('example.com — Broken');
      expect(post.body.allowed_mentions).toEqual({ parse: [] });
    },
    30_000,
  );

  it('sends a private answer as a direct message when the interaction token expired', async () => {
    const { fake, adapter } = await start(stubCore(() => refusal()));
    fake.expireInteractions = true;
    const interaction = slashCommand('example.com', { userId: '500000000000000007' });

    fake.dispatch(interaction);
    const dm = await fake.waitForRequest((r) => r.method === 'POST' && r.route === '/users/@me/channels');
    const sent = await fake.waitForRequest(
      (r) => isChannelMessage(r) && r.route === `/channels/${dm.reply.id}/messages`,
    );
    await adapter.stop();

    expect(dm.body).toEqual({ recipient_id: '500000000000000007' });
    expect(sent.body.embeds[0].description).toBe('You have used your 3 scans; try again in 7 minutes.');
    expect(fake.requests.some((r) => r.route === `/channels/${CHANNEL_ID}/messages`)).toBe(false);
  });

  it('still sends a private answer when deleting the placeholder fails', async () => {
    const { fake, adapter } = await start(stubCore(() => refusal()));
    fake.refuseDeletes = true;
    const interaction = slashCommand('example.com');

    await answered(fake, adapter, interaction);
    const followUp = await fake.waitForRequest(isFollowUp(interaction.token));

    expect(fake.requests.find(isDelete(interaction.token))!.status).toBe(404);
    expect(followUp.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(followUp.body.embeds[0].description).toBe('You have used your 3 scans; try again in 7 minutes.');
  });

  it('rejects, with the client closed, when Discord refuses the token', async () => {
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    fake.refuseToken = true;
    const { logger } = memoryLogger();

    await expect(
      startDiscordAdapter({
        token: TOKEN,
        appId: APP_ID,
        apiUrl: fake.apiUrl,
        core: stubCore(() => enforcedReport()),
        logger,
      }),
    ).rejects.toThrow(/token/i);
    expect(fake.connections()).toBe(0);
  });
});

describe('startDiscordAdapter: digests', () => {
  const isToChannel = (r: RecordedRequest) => r.method === 'POST' && r.route === `/channels/${CHANNEL_ID}/messages`;

  it('answers a digest (digest now) by editing the deferred reply into the first part, the rest as follow-ups, details in a thread', async () => {
    const digest = hugeDigest(300);
    const { fake, adapter } = await start(stubCore(() => digest));
    const interaction = slashCommand('digest now');

    await answered(fake, adapter, interaction);
    const parts = renderDigest(digest);
    const edit = fake.requests.find(isEdit(interaction.token))!;
    const followUps = fake.requests.filter(isFollowUp(interaction.token));
    const thread = fake.requests.find(isThread)!;
    const inThread = fake.requests.filter(
      (r) => r.method === 'POST' && r.route === `/channels/${thread.reply.id}/messages`,
    );

    expect(parts.length).toBeGreaterThan(2);
    expect(edit.body).toMatchObject({ content: '', ...parts[0], allowed_mentions: { parse: [] } });
    expect(followUps.map((r) => r.body.embeds)).toEqual(parts.slice(1).map((part) => part.embeds));
    expect(followUps.every((r) => (r.body.flags ?? 0) === 0)).toBe(true);
    expect(thread.route).toBe(`/channels/${CHANNEL_ID}/messages/${edit.reply.id}/threads`);
    expect(inThread.map((r) => r.body.content)).toEqual(renderDigestDetails(digest));
    for (const request of fake.requests.filter(carriesMessage))
      expect(request.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a one-part digest (watches) with the edited reply only when no domain is broken', async () => {
    const watches = { ...sampleDigest(), details: [], intro: 'Watching 5 domains · digest daily at 09:00 UTC' };
    const { fake, adapter } = await start(stubCore(() => watches));
    const interaction = slashCommand('watches');

    await answered(fake, adapter, interaction);

    expect(fake.requests.find(isEdit(interaction.token))!.body.embeds[0].description).toMatch(
      /^Watching 5 domains · digest daily at 09:00 UTC\n/,
    );
    expect(fake.requests.some(isFollowUp(interaction.token))).toBe(false);
    expect(fake.requests.some(isThread)).toBe(false);
  });

  it('posts the details of a digest as follow-ups in a DM, where there are no threads', async () => {
    const { fake, adapter } = await start(stubCore(() => sampleDigest()));
    const interaction = slashCommand('digest now', { dm: true });

    await answered(fake, adapter, interaction);
    const followUps = fake.requests.filter(isFollowUp(interaction.token));

    expect(fake.requests.some(isThread)).toBe(false);
    expect(followUps.map((r) => r.body.content)).toEqual(renderDigestDetails(sampleDigest()));
  });

  it('post() sends a scheduled digest to the channel with no interaction, then the details in a thread under it', async () => {
    const { fake, adapter } = await start(stubCore(() => enforcedReport()));

    await adapter.post({ platform: 'discord', workspaceId: 'G1', channelId: CHANNEL_ID }, sampleDigest());
    const [message] = fake.requests.filter(isToChannel);
    const thread = fake.requests.find(isThread)!;
    const inThread = fake.requests.find((r) => r.route === `/channels/${thread.reply.id}/messages`)!;

    expect(message!.authorization).toBe(`Bot ${TOKEN}`);
    expect(message!.body).toEqual({ ...renderDigest(sampleDigest())[0], allowed_mentions: { parse: [] } });
    expect(thread.route).toBe(`/channels/${CHANNEL_ID}/messages/${message!.reply.id}/threads`);
    expect(thread.body.name).toBe('MTA-STS digest: 1 broken domain');
    expect(inThread.body.content).toContain('**Fix:** Add "mx: mx2.elsewhere.net" to the policy');
    expect(inThread.body.allowed_mentions).toEqual({ parse: [] });
    expect(fake.requests.some((r) => r.route.startsWith('/webhooks/') || r.route.startsWith('/interactions/'))).toBe(
      false,
    );
  });

  it('post() delivers hostile digest text inert, with no mentions on any message', async () => {
    const hostile = digestOf(
      [
        digestLine('x.example', {
          policyId: '@everyone',
          changes: [{ kind: 'mx-added', text: 'MX added: <@123> **b**' }],
        }),
      ],
      {
        intro: '@here <@&9>',
        details: [
          {
            domain: '<#1>.example',
            findings: [{ code: 'txt-invalid', severity: 'error', title: '@everyone', detail: '**d**', fix: '<@1>' }],
          },
        ],
      },
    );
    const { fake, adapter } = await start(stubCore(() => enforcedReport()));

    await adapter.post({ platform: 'discord', workspaceId: 'G1', channelId: CHANNEL_ID }, hostile);
    const messages = fake.requests.filter(carriesMessage);
    const text = JSON.stringify(messages.map((m) => m.body));

    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message.body.allowed_mentions).toEqual({ parse: [] });
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/<[@#]/);
    expect(text).toContain('\\\\*\\\\*b\\\\*\\\\*');
  });

  it('post() rejects when Discord refuses the message, so the digest is not taken as sent', async () => {
    const { fake, adapter } = await start(stubCore(() => enforcedReport()));
    fake.refuseChannelMessages = true;

    await expect(
      adapter.post({ platform: 'discord', workspaceId: 'G1', channelId: CHANNEL_ID }, sampleDigest()),
    ).rejects.toThrow(/Missing Permissions/);
    await expect(
      adapter.post({ platform: 'discord', workspaceId: 'G1', channelId: 'not-a-channel' }, sampleDigest()),
    ).rejects.toThrow(/not a Discord channel id/);
    expect(fake.requests.filter(isChannelMessage)).toHaveLength(1);
  });

  it('stop() lets a post in flight finish; post() after stopping rejects', async () => {
    const { fake, adapter } = await start(stubCore(() => enforcedReport()));
    fake.rateLimitChannelMessages = 1;
    const digest = { ...hugeDigest(100), details: [] };

    const posting = adapter.post({ platform: 'discord', workspaceId: 'G1', channelId: CHANNEL_ID }, digest);
    await fake.waitForRequest((r) => isToChannel(r) && r.status === 429);
    await adapter.stop();
    const postedBeforeStopped = fake.requests.filter((r) => isToChannel(r) && r.status === 200).length;

    expect(postedBeforeStopped).toBe(renderDigest(digest).length);
    // The id of the first message: what the scheduler records for the slot.
    await expect(posting).resolves.toMatch(/^\d{17,20}$/);
    await expect(
      adapter.post({ platform: 'discord', workspaceId: 'G1', channelId: CHANNEL_ID }, digest),
    ).rejects.toThrow(/stopping/);
  });
});
