import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkLimits, type SlackPayload, slackPayloadSchema } from '../../../adapters/slack/limits.js';
import type { ReportMessage } from '../../../src/chat/chat-message.js';
import { brokenReport, digestLine, enforcedReport, largeDigest, refusal, sampleDigest } from './sample-messages.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';
import { slashCommandBody } from './slack-requests.js';
import { createStubCore, type StubCore } from './stub-core.js';

let harness: SlackHarness;
afterEach(async () => {
  await harness.close();
});

async function start(reply: StubCore['reply']): Promise<StubCore> {
  const core = createStubCore(reply);
  harness = await startSlackHarness(core);
  return core;
}

function command(text = 'example.com'): Promise<Response> {
  return harness.post(slashCommandBody({ text, responseUrl: harness.fake.responseUrl }));
}

/** Waits for every in-flight reply to finish, so "nothing else was posted" can be asserted. */
async function settle(): Promise<void> {
  await harness.adapter.stop();
}

describe('registerSlashCommand (/mtasts over a real Bolt app in HTTP mode)', () => {
  it('acknowledges with an empty HTTP 200 before the scan finishes (Slack allows 3 s)', async () => {
    const core = await start(() => brokenReport());
    const release = core.hold();
    const started = Date.now();
    const response = await command();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(Date.now() - started).toBeLessThan(3000);
    await vi.waitFor(() => expect(core.requests).toHaveLength(1));
    expect(core.answers).toBe(0);
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
    release();
    await harness.fake.waitForCalls('chat.postMessage', 2);
  });

  it('hands the core the platform, workspace, channel, user and decoded text', async () => {
    const core = await start(() => enforcedReport());
    await command('Example.COM &amp; more');
    await settle();
    expect(core.requests).toEqual([
      { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', text: 'Example.COM & more' },
    ]);
  });

  it('posts the verdict in the channel as Block Kit within limits, without unfurls or link_names', async () => {
    await start(() => brokenReport());
    await command();
    const [root] = await harness.fake.waitForCalls('chat.postMessage', 1);
    const body = root!.body;
    expect(body.channel).toBe('C1');
    expect(body.text).toBe(':large_orange_circle: example.com — Broken');
    expect(slackPayloadSchema.safeParse({ text: body.text, blocks: body.blocks }).success).toBe(true);
    expect(body.blocks).toContainEqual({
      type: 'header',
      text: { type: 'plain_text', text: ':large_orange_circle: example.com — Broken', emoji: true },
    });
    expect(JSON.stringify(body.blocks)).toContain('mx2.elsewhere.net');
    expect(body.unfurl_links).toBe('false');
    expect(body.unfurl_media).toBe('false');
    expect(body).not.toHaveProperty('link_names');
  });

  it('threads the fixes under the channel message (thread_ts = the root ts)', async () => {
    await start(() => brokenReport());
    await command();
    const [root, thread] = await harness.fake.waitForCalls('chat.postMessage', 2);
    expect(root!.body).not.toHaveProperty('thread_ts');
    expect(thread!.body.thread_ts).toBe(root!.reply?.ts);
    expect(thread!.body.channel).toBe('C1');
    const sections = JSON.stringify(thread!.body.blocks);
    expect(sections).toContain('```\\nversion: STSv1\\nmode: enforce');
    expect(sections).toContain('v=STSv1; id=20240102');
  });

  it('posts a healthy result without a thread', async () => {
    await start(() => enforcedReport());
    await command();
    await settle();
    const posts = harness.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.text).toBe(':large_green_circle: example.com — Enforced');
  });

  it.each(['not_in_channel', 'channel_not_found'])(
    'falls back to response_url with the invite hint when chat.postMessage says %s',
    async (error) => {
      await start(() => brokenReport());
      harness.fake.postMessageError = error;
      await command();
      await settle();
      const [result, fixes] = harness.fake.callsTo('respond');
      expect(result!.body.response_type).toBe('in_channel');
      expect(result!.body.text).toBe(':large_orange_circle: example.com — Broken');
      expect(JSON.stringify(result!.body.blocks)).toContain('Invite me with `/invite @mtasts` to get threaded fixes');
      expect(fixes!.body.response_type).toBe('in_channel');
      expect(JSON.stringify(fixes!.body.blocks)).toContain('v=STSv1; id=20240102');
      expect(harness.fake.callsTo('respond')).toHaveLength(2);
    },
  );

  it('answers ephemerally through response_url where an in-channel response is refused', async () => {
    await start(() => brokenReport());
    harness.fake.postMessageError = 'not_in_channel';
    harness.fake.refuseInChannelResponses = true;
    await command();
    await settle();
    const types = harness.fake.callsTo('respond').map((call) => call.body.response_type);
    expect(types).toEqual(['in_channel', 'ephemeral', 'ephemeral']);
  });

  it('sends a refusal (rate limit) ephemeral, never in the channel', async () => {
    await start(() => refusal());
    await command();
    await settle();
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
    const [reply] = harness.fake.callsTo('respond');
    expect(reply!.body.response_type).toBe('ephemeral');
    expect(reply!.body.text).toContain('try again in 7 minutes');
  });

  it('tells a queued user their place in line, privately', async () => {
    await start((_request, hooks) => {
      hooks?.onQueued?.(2);
      return enforcedReport();
    });
    await command();
    await settle();
    const [note] = harness.fake.callsTo('respond');
    expect(note!.body.response_type).toBe('ephemeral');
    expect(note!.body.text).toContain('number 2 in the queue');
  });

  it('answers a failing core with a short private apology, never a stack trace', async () => {
    await start(() => {
      throw new Error('boom at scan (/src/scan.ts:1:1)');
    });
    await command();
    await settle();
    const [reply] = harness.fake.callsTo('respond');
    expect(reply!.body.response_type).toBe('ephemeral');
    expect(reply!.body.text).toContain('Something went wrong with that request. Please try again in a minute.');
    expect(JSON.stringify(reply!.body)).not.toContain('boom');
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it("tells the user privately, naming Slack's error, when the post fails for another reason", async () => {
    await start(() => brokenReport());
    harness.fake.postMessageError = 'is_archived';
    await command();
    await settle();
    const replies = harness.fake.callsTo('respond');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('`is_archived`'),
    });
  });

  it('refuses a request with a bad signature with 401 and posts nothing', async () => {
    const core = await start(() => brokenReport());
    const response = await harness.post(
      slashCommandBody({ text: 'example.com', responseUrl: harness.fake.responseUrl }),
      'wrong-secret',
    );
    expect(response.status).toBe(401);
    await settle();
    expect(core.requests).toHaveLength(0);
    // Bolt checks its token with auth.test at start-up; nothing else may reach Slack.
    expect(harness.fake.calls.filter((call) => call.method !== 'auth.test')).toHaveLength(0);
  });

  it('refuses a correctly signed request older than 5 minutes (replay) with 401', async () => {
    const core = await start(() => brokenReport());
    const body = slashCommandBody({ text: 'example.com', responseUrl: harness.fake.responseUrl });
    const response = await harness.post(body, undefined, Math.floor(Date.now() / 1000) - 10 * 60);
    expect(response.status).toBe(401);
    await settle();
    expect(core.requests).toHaveLength(0);
  });

  it('escapes hostile remote text everywhere, so it can neither mention, link nor close a code block', async () => {
    const hostile = 'x <!channel> <@U123> <http://evil|click> & y';
    const report: ReportMessage = {
      ...brokenReport(),
      headline: `${hostile} — Broken`,
      summary: [`TXT: ${hostile}`],
      mxTable: [
        { host: hostile, priority: 10, matchedBy: hostile, gate: 'STARTTLS TLSv1.3, cert ok, 89 days', gateOk: true },
      ],
      findings: [{ code: 'txt-invalid', severity: 'error', title: hostile, detail: hostile }],
      fixes: [{ title: hostile, text: hostile, code: `v=STSv1\n\`\`\`\n${hostile}\n\`\`\`` }],
    };
    await start(() => report);
    await command();
    const posts = await harness.fake.waitForCalls('chat.postMessage', 2);
    const sent = JSON.stringify(posts.map((call) => ({ text: call.body.text, blocks: call.body.blocks })));
    expect(sent).not.toContain('<');
    expect(sent).not.toContain('>');
    expect(sent).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|click&gt; &amp; y');
    expect(posts[0]!.body.text).toBe(
      ':large_orange_circle: x &lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|click&gt; &amp; y — Broken',
    );
    const codeSections = (posts[1]!.body.blocks as Array<{ text?: { text: string } }>)
      .map((block) => block.text?.text ?? '')
      .filter((text) => text.startsWith('```'));
    expect(codeSections).toHaveLength(1);
    expect(codeSections[0]).toMatch(/^```\n[^`]*\n```$/);
  });
});

describe('registerSlashCommand answering with a digest (`digest now`, `watches`)', () => {
  it('posts the digest in the channel and threads the details under it', async () => {
    const core = await start(() => sampleDigest());
    await command('digest now');
    await settle();
    expect(core.requests[0]).toMatchObject({ text: 'digest now', channelId: 'C1' });
    const [root, thread, ...rest] = harness.fake.callsTo('chat.postMessage');
    expect(rest).toEqual([]);
    expect(root!.body).toMatchObject({
      channel: 'C1',
      text: ':large_orange_circle: MTA-STS digest: 3 domains · 1 enforced · 1 broken · 1 timed out',
    });
    expect(
      checkLimits({ text: root!.body.text as string, blocks: root!.body.blocks as SlackPayload['blocks'] }),
    ).toMatchObject({ ok: true });
    expect(JSON.stringify(root!.body.blocks)).toContain('↳ verdict enforced → broken');
    expect(thread!.body).toMatchObject({
      channel: 'C1',
      thread_ts: root!.reply?.ts,
      text: 'Details of 1 broken domain',
    });
    expect(harness.fake.callsTo('respond')).toHaveLength(0);
  });

  it('answers `watches` (a digest without details) with the list alone, no thread', async () => {
    await start(() =>
      sampleDigest({
        tone: 'good',
        intro: 'Watching 1 domain · digest daily at 09:00 UTC',
        noChanges: true,
        lines: [digestLine()],
        details: [],
      }),
    );
    await command('watches');
    await settle();
    const posts = harness.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.body.blocks)).toContain('Watching 1 domain · digest daily at 09:00 UTC');
  });

  it('posts a long digest as parts, the details threaded under the first part', async () => {
    const digest = largeDigest(150);
    await start(() => digest);
    await command('digest now');
    await settle();
    const posts = harness.fake.callsTo('chat.postMessage');
    const parts = posts.filter((call) => call.body.thread_ts === undefined);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.at(-1)!.body.text).toBe(
      `:large_orange_circle: MTA-STS digest: 150 domains (part ${parts.length}/${parts.length})`,
    );
    expect(posts.slice(parts.length).every((call) => call.body.thread_ts === parts[0]!.reply?.ts)).toBe(true);
  });

  it('falls back to response_url where the bot is not in the channel: the digest with the invite hint, then its details', async () => {
    await start(() => sampleDigest());
    harness.fake.postMessageError = 'not_in_channel';
    await command('digest now');
    await settle();
    const [digest, details, ...rest] = harness.fake.callsTo('respond');
    expect(rest).toEqual([]);
    expect(digest!.body).toMatchObject({
      response_type: 'in_channel',
      text: expect.stringContaining('MTA-STS digest: 3 domains'),
    });
    expect(JSON.stringify(digest!.body.blocks)).toContain('Invite me with `/invite @mtasts` to get threaded fixes');
    expect(details!.body).toMatchObject({ response_type: 'in_channel', text: 'Details of 1 broken domain' });
  });

  it('sends at most five responses through response_url, saying how many messages are left out', async () => {
    const digest = largeDigest(300);
    await start(() => digest);
    harness.fake.postMessageError = 'not_in_channel';
    await command('digest now');
    await settle();
    const responses = harness.fake.callsTo('respond');
    expect(responses).toHaveLength(5);
    for (const response of responses) {
      expect(
        checkLimits({
          text: response.body.text as string,
          blocks: response.body.blocks as SlackPayload['blocks'],
        }),
      ).toMatchObject({ ok: true });
    }
    const blocks = JSON.stringify(responses[0]!.body.blocks);
    expect(blocks).toMatch(
      /Invite me with `\/invite @mtasts` to get threaded fixes \(and the \d+ more messages of this answer\)/,
    );
    expect(responses.map((response) => response.body.text)).toEqual(
      responses.map((_, i) => expect.stringContaining(`(part ${i + 1}/`)),
    );
  });

  it('escapes hostile domain, change and finding text in the digest and its thread', async () => {
    const hostile = 'x <!channel> <@U123> <http://evil|click> & y';
    await start(() =>
      sampleDigest({
        lines: [
          digestLine({
            domain: hostile,
            policyId: hostile,
            changes: [{ kind: 'mx-added', text: `MX added: ${hostile}` }],
          }),
        ],
        details: [
          {
            domain: hostile,
            findings: [{ code: 'txt-invalid', severity: 'error', title: hostile, detail: hostile, fix: hostile }],
          },
        ],
      }),
    );
    await command('digest now');
    const posts = await harness.fake.waitForCalls('chat.postMessage', 2);
    const sent = JSON.stringify(posts.map((call) => ({ text: call.body.text, blocks: call.body.blocks })));
    expect(sent).not.toContain('<');
    expect(sent).not.toContain('>');
    expect(sent).toContain('*x &lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|click&gt; &amp; y*');
    expect(sent).toContain('_Fix:_ x &lt;!channel&gt;');
  });
});
