import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkLimits, type SlackPayload } from '../../../adapters/slack/limits.js';
import { createCommandCore } from '../../../src/command/command-core.js';
import { scan } from '../../../src/scan/scan.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import {
  type DomainSpec,
  type FixtureInternet,
  publishDomain,
  startFixtureInternet,
} from '../../fixture/fixture-internet.js';
import type { RecordedCall } from './fake-slack-api.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';
import { rescanActionBody, slashCommandBody } from './slack-requests.js';

/** A healthy deployment of `domain` in `mode`, with `mx` as its only MX host unless told otherwise. */
function deployment(
  domain: string,
  mode: 'enforce' | 'testing',
  mx = [[10, `mx.${domain}`]] as Array<[number, string]>,
  id = '20240101',
): DomainSpec {
  return {
    txt: `v=STSv1; id=${id};`,
    policy: `version: STSv1\r\nmode: ${mode}\r\nmx: mx.${domain}\r\nmax_age: 604800\r\n`,
    mx,
    tlsrpt: `v=TLSRPTv1; rua=mailto:tls-reports@${domain}`,
  };
}

const payload = (call: RecordedCall | undefined): SlackPayload => ({
  text: call?.body.text as string,
  blocks: call?.body.blocks as SlackPayload['blocks'],
});

let internet: FixtureInternet;
let harness: SlackHarness;
let store: SqliteStore;

beforeAll(async () => {
  internet = await startFixtureInternet();
  await publishDomain(
    internet,
    'broken.test',
    deployment('broken.test', 'enforce', [
      [10, 'mx.broken.test'],
      [20, 'backup.elsewhere.test'],
    ]),
  );
  await publishDomain(internet, 'hostile.test', {
    txt: 'v=STSv1; id=<!channel>&<@U123><http://evil|click>;',
    policy: 'version: STSv1\r\nmode: testing\r\nmx: <!here>\r\nmax_age: 604800\r\n',
    mx: [[10, 'mx.hostile.test']],
  });
  await publishDomain(internet, 'noreports.test', { ...deployment('noreports.test', 'enforce'), tlsrpt: undefined });
  await publishDomain(internet, 'wild.test', {
    ...deployment('wild.test', 'enforce', [
      [10, 'a.mx.wild.test'],
      [20, 'b.mx.wild.test'],
    ]),
    policy: 'version: STSv1\r\nmode: enforce\r\nmx: *.wild.test\r\nmax_age: 604800\r\n',
  });
  await publishDomain(internet, 'controls.test', {
    txt: 'v=STSv1; id=20240101; note=café',
    policy: 'version: STSv1\r\nmode: enforce\r\nmx: mx.controls.test\r\nmax_age: 604800\r\n',
    mx: [[10, 'mx.controls.test']],
    tlsrpt: 'v=TLSRPTv1; rua=mailto:tls@controls.test,https://r.controls.test/\u001b[2J\u009b31m\u0085',
  });
  for (const domain of ['one.test', 'two.test', 'three.test', 'four.test']) {
    await publishDomain(internet, domain, deployment(domain, 'enforce'));
  }
});
afterAll(async () => {
  await internet.close();
});
afterEach(async () => {
  await harness.close();
  store.close();
});

/** Every scan first waits for what `gate()` returns at that moment. */
async function start(options: { managers?: string[] } = {}, gate = () => Promise.resolve()): Promise<void> {
  store = openSqliteStore(':memory:');
  const core = createCommandCore({
    scan: async (domain) => {
      await gate();
      return scan(domain, { ...internet.scanOptions, history: store });
    },
    watches: store,
    limits: { scansPerWindow: 3 },
  });
  harness = await startSlackHarness(core, options);
}

function command(text: string, userId = 'U1', channelId = 'C1'): Promise<Response> {
  return harness.post(slashCommandBody({ text, userId, channelId, responseUrl: harness.fake.responseUrl }));
}

/** Asks for domain and returns the fixes threaded under the answer, with the text of each block. */
async function threadOf(domain: string) {
  await start();
  await command(domain);
  const [root, thread] = await harness.fake.waitForCalls('chat.postMessage', 2);
  const texts = (thread!.body.blocks as Array<{ text?: { text: string } }>).map((b) => b.text?.text);
  return { root: root!, thread: thread!, texts };
}

describe('the Slack adapter with the real command core and scan, against the fixture internet', () => {
  it('answers /mtasts for a broken domain in the channel and threads the fixes under it', async () => {
    await start();
    expect((await command('broken.test')).status).toBe(200);
    const [root, thread] = await harness.fake.waitForCalls('chat.postMessage', 2);
    expect(root!.body.text).toBe(':large_orange_circle: broken.test — Broken');
    expect(checkLimits(payload(root))).toMatchObject({ ok: true });
    const channelText = JSON.stringify(root!.body.blocks);
    expect(channelText).toContain('backup.elsewhere.test  ✗ not covered by the policy');
    expect(channelText).toContain(':x: *MX not covered by policy*');
    expect(channelText).toContain('mailto:***@broken.test');
    expect(thread!.body.thread_ts).toBe(root!.reply?.ts);
    expect(checkLimits(payload(thread))).toMatchObject({ ok: true });
    // Live in enforce: the policy to paste keeps enforce, and says so above the block.
    const texts = (thread!.body.blocks as Array<{ text?: { text: string } }>).map((b) => b.text?.text);
    const policyAt = texts.indexOf(
      '*Policy at `https://mta-sts.broken.test/.well-known/mta-sts.txt`*\nIt keeps the live mode, enforce. Serve this as text/plain over HTTPS with a certificate valid for mta-sts.broken.test.',
    );
    expect(texts[policyAt + 1]).toBe(
      '```\nversion: STSv1\nmode: enforce\nmx: mx.broken.test\nmx: backup.elsewhere.test\nmax_age: 604800\n```',
    );
    // Its valid TLS-RPT record is not offered again, and nothing to paste is redacted.
    expect(texts.some((t) => t?.startsWith('*TLS-RPT record at'))).toBe(false);
    expect(JSON.stringify(thread!.body.blocks)).not.toContain('***');
  });

  it('offers TLS-RPT only where it is missing, with a visible placeholder mailbox and never ***', async () => {
    const { thread, texts } = await threadOf('noreports.test');
    expect(texts).toContain(
      '*Enforce mode without TLS-RPT*\nIn enforce mode failed deliveries are silent without reports: publish `_smtp._tls.noreports.test TXT "v=TLSRPTv1; rua=mailto:tls-reports@noreports.test"`. ' +
        'To have the mtasts bot read and summarise the reports, add the https: address its `reports endpoint` command gives in your channel to `rua` (comma-separated).',
    );
    const tlsrptAt = texts.indexOf(
      '*TLS-RPT record at `_smtp._tls.noreports.test`*\nPublish this record to get daily reports of TLS failures (RFC 8460), with the mailbox that should receive them in place of `tls-reports@noreports.test`.',
    );
    expect(texts[tlsrptAt + 1]).toBe(
      '```\nName:  _smtp._tls.noreports.test\nType:  TXT\nValue: v=TLSRPTv1; rua=mailto:tls-reports@noreports.test\n\n; zone file:\n_smtp._tls.noreports.test. IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@noreports.test"\n```',
    );
    expect(JSON.stringify(thread.body.blocks)).not.toContain('***');
  });

  it('says a domain that does not exist is not found, and threads only its fix, no records to publish', async () => {
    const { root, thread, texts } = await threadOf('typo.test');
    expect(root.body.text).toBe(':large_orange_circle: typo.test — Domain not found');
    expect(texts).toEqual([
      '*How to fix typo.test*',
      "*Domain does not exist*\nDNS answers that `typo.test` does not exist (NXDOMAIN), so there is nothing to configure: check the spelling (a typo is the likely cause), or wait until a new domain's registration is visible in DNS.",
    ]);
    expect(checkLimits(payload(thread))).toMatchObject({ ok: true });
  });

  it('threads a suggested policy that carries the wildcard the finding asks to add', async () => {
    const { texts } = await threadOf('wild.test');
    expect(texts).toContain(
      '*MX wildcard missing*\nAdd `mx: *.mx.wild.test` to the policy, then rotate the TXT id. `*.wild.test` does not cover `a.mx.wild.test`: a wildcard matches exactly one label.',
    );
    const policyAt = texts.findIndex((t) => t?.startsWith('*Policy at `https://mta-sts.wild.test/'));
    expect(texts[policyAt + 1]).toBe('```\nversion: STSv1\nmode: enforce\nmx: *.mx.wild.test\nmax_age: 604800\n```');
  });

  it('delivers hostile DNS and policy text escaped: no mention, link or broadcast survives', async () => {
    await start();
    await command('hostile.test');
    const posts = await harness.fake.waitForCalls('chat.postMessage', 2);
    const sent = JSON.stringify(posts.map((call) => payload(call)));
    expect(sent).not.toContain('<');
    expect(sent).not.toContain('>');
    expect(sent).toContain('&lt;!channel&gt;&amp;&lt;@U123&gt;&lt;http://evil|click&gt;');
    expect(sent).toContain('&lt;!here&gt;');
  });

  it('cuts a burst from one user at the limit with a private retry time; cached answers and other users are unaffected', async () => {
    await start();
    await command('one.test');
    await harness.fake.waitForCalls('chat.postMessage', 1);
    await command('two.test');
    await harness.fake.waitForCalls('chat.postMessage', 2);
    await command('three.test');
    await harness.fake.waitForCalls('chat.postMessage', 3);

    await command('four.test');
    const [refused] = await harness.fake.waitForCalls('respond', 1);
    expect(refused!.body.response_type).toBe('ephemeral');
    expect(refused!.body.text).toMatch(/Try again in \d/);

    // In another channel: in this one a repeat points to the earlier answer.
    await command('one.test', 'U1', 'C2');
    const cached = (await harness.fake.waitForCalls('chat.postMessage', 4))[3];
    expect(cached!.body.text).toBe(':large_green_circle: one.test — Enforced');
    expect(JSON.stringify(cached!.body.blocks)).toContain('Cached');

    await command('four.test', 'U2');
    const other = (await harness.fake.waitForCalls('chat.postMessage', 5))[4];
    expect(other!.body.text).toBe(':large_green_circle: four.test — Enforced');

    await harness.adapter.stop();
    expect(harness.fake.callsTo('respond')).toHaveLength(1);
    expect(harness.fake.callsTo('chat.postMessage').map((call) => call.body.text)).not.toContain(refused!.body.text);
  });

  it('the Rescan button skips the cache and shows the domain as it is now', async () => {
    await start();
    await publishDomain(internet, 'flip.test', deployment('flip.test', 'testing'));
    await command('flip.test');
    const [first] = await harness.fake.waitForCalls('chat.postMessage', 1);
    expect(first!.body.text).toBe(':large_blue_circle: flip.test — Testing (reports only, not enforced)');

    // A new policy body with a new id, as RFC 8461 §3.1 asks (the scan history would flag a reused one).
    await publishDomain(internet, 'flip.test', deployment('flip.test', 'enforce', undefined, '20240102'));
    await command('flip.test', 'U1', 'C2');
    const repeat = (await harness.fake.waitForCalls('chat.postMessage', 2))[1];
    expect(repeat!.body.text).toBe(first!.body.text);

    await harness.post(rescanActionBody({ domain: 'flip.test', responseUrl: harness.fake.responseUrl }));
    // The message the button was on is replaced in place, not posted again.
    const [rescanned] = await harness.fake.waitForCalls('respond', 1);
    expect(rescanned!.body.replace_original).toBe(true);
    expect(rescanned!.body.text).toBe(':large_green_circle: flip.test — Enforced');
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it("watches two domains, then posts `digest now` in the channel with the broken one's details threaded under it", async () => {
    await start();
    await command('watch broken.test');
    await harness.fake.waitForCalls('chat.postMessage', 2); // the scan result and its fixes
    await command('watch one.test');
    await harness.fake.waitForCalls('chat.postMessage', 3);

    await command('digest now');
    const [digest, details] = (await harness.fake.waitForCalls('chat.postMessage', 5)).slice(3);
    expect(digest!.body.thread_ts).toBeUndefined();
    expect(digest!.body.text).toBe(':large_orange_circle: MTA-STS digest: 2 domains · 1 enforced · 1 broken');
    expect(checkLimits(payload(digest))).toMatchObject({ ok: true });
    const lines = JSON.stringify(digest!.body.blocks);
    expect(lines).toContain(':large_orange_circle: *broken.test* · broken · mode enforce · MX 1/2');
    expect(lines).toContain(':large_green_circle: 1 enforced: one.test');
    expect(lines.indexOf('*broken.test*')).toBeLessThan(lines.indexOf('one.test'));

    expect(details!.body.thread_ts).toBe(digest!.reply?.ts);
    expect(details!.body.text).toBe('Details of 1 broken domain');
    expect(checkLimits(payload(details))).toMatchObject({ ok: true });
    const thread = JSON.stringify(details!.body.blocks);
    expect(thread).toContain('*broken.test*');
    expect(thread).toContain('_Fix:_ ');
    expect(thread).not.toContain('one.test');

    await command('watches');
    const [list] = (await harness.fake.waitForCalls('chat.postMessage', 6)).slice(5);
    expect(JSON.stringify(list!.body.blocks)).toContain('*one.test* · enforced');
    await harness.adapter.stop();
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(6);
  });

  it('a forged Rescan value runs no command: the schedule stays, the user is told privately', async () => {
    await start();
    await harness.post(rescanActionBody({ domain: 'digest 03:00 UTC', responseUrl: harness.fake.responseUrl }));

    const [refusal] = await harness.fake.waitForCalls('respond', 1);
    expect(refusal!.body.response_type).toBe('ephemeral');
    expect(refusal!.body.text).toContain('That button does not name a domain to rescan');
    expect(await store.schedule({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' })).toBeNull();
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('with MTASTS_SLACK_MANAGERS set, only those users change watches and the digest schedule; anyone still scans', async () => {
    await start({ managers: ['U0MANAGER'] });
    const channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } as const;

    await command('watch one.test', 'U2');
    await command('digest 03:00 UTC', 'U2');
    const refusals = await harness.fake.waitForCalls('respond', 2);
    for (const refusal of refusals) expect(refusal.body.text).toContain('Only people allowed to manage this channel');
    expect(await store.watches(channel)).toEqual([]);
    expect(await store.schedule(channel)).toBeNull();

    await command('watch one.test', 'U0MANAGER');
    await harness.fake.waitForCalls('chat.postMessage', 1);
    expect(await store.watches(channel)).toEqual(['one.test']);
    await command('two.test', 'U2');
    const [, scanned] = await harness.fake.waitForCalls('chat.postMessage', 2);
    expect(scanned!.body.text).toBe(':large_green_circle: two.test — Enforced');
  });

  it('shows ESC and C1 characters from a TXT record as visible escapes and UTF-8 TXT text as published', async () => {
    await start();
    await command('controls.test');

    const [answer] = await harness.fake.waitForCalls('chat.postMessage', 1);
    const text = JSON.stringify(answer!.body);
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(text).toContain(
      '*TLS-RPT*\\n`v=TLSRPTv1; rua=mailto:***@controls.test,https://r.controls.test/\\\\u001b[2J\\\\u009b31m\\\\u0085`',
    );
    expect(text).toContain('note=café');
  });

  it('posts one answer per domain and channel: repeats and concurrent Rescan presses are told privately', async () => {
    let held = Promise.resolve();
    await start({}, () => held);
    await command('broken.test');
    await harness.fake.waitForCalls('chat.postMessage', 2); // the answer and its fixes
    for (let i = 0; i < 3; i++) await command('broken.test', i === 2 ? 'U2' : 'U1');
    const repeats = await harness.fake.waitForCalls('respond', 3);
    for (const repeat of repeats) {
      expect(repeat.body.response_type).toBe('ephemeral');
      expect(repeat.body.text).toMatch(/broken\.test was answered in this channel .* ago: see that answer/);
    }

    let release = () => {};
    held = new Promise((resolve) => (release = resolve));
    const presses = Array.from({ length: 5 }, () =>
      rescanActionBody({ domain: 'broken.test', responseUrl: harness.fake.responseUrl }),
    );
    for (const body of presses) await harness.post(body);
    await harness.fake.waitForCalls('respond', 7);
    release();
    await harness.adapter.stop();

    // One rescan replaces the answer in place and threads its fixes; the other four are told privately.
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(3);
    const responses = harness.fake.callsTo('respond').slice(3);
    expect(responses.filter((r) => r.body.replace_original === true)).toHaveLength(1);
    const told = responses.filter((r) => r.body.replace_original !== true);
    expect(told).toHaveLength(4);
    for (const notice of told)
      expect(notice.body.text).toContain('broken.test is being checked in this channel right now');
  });

  it('accepts a domain typed with a path, which Slack sends as a link, like the same URL with its scheme', async () => {
    await start();
    await command('<http://one.test/x|one.test/x>');
    await command('https://two.test/x');

    const [first, second] = await harness.fake.waitForCalls('chat.postMessage', 2);
    expect([first!.body.text, second!.body.text].sort()).toEqual([
      ':large_green_circle: one.test — Enforced',
      ':large_green_circle: two.test — Enforced',
    ]);
    expect(harness.fake.callsTo('respond')).toHaveLength(0);
  });
});
