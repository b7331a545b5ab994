import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { type Channel, DEFAULT_WATCH_LIMITS } from '../../src/store/watch-store.js';
import { type FixtureInternet, publishDomain, startFixtureInternet } from '../fixture/fixture-internet.js';
import { healthy } from '../scan/scan-harness.js';
import { TEST_DATABASE_URL, useFreshSchemas } from '../store/postgres-test-database.js';
import { reportBytes } from '../tlsrpt/report-builder.js';
import { fixtureScanEnv, freePort, waitFor } from './bot-process.js';
import { parsePrometheusText } from './metrics/prometheus-text.js';
import { startFakeSlackApi } from './slack/fake-slack-api.js';
import { signSlackRequest } from './slack/sign-slack-request.js';
import { slashCommandBody } from './slack/slack-requests.js';

const ENTRY = fileURLToPath(new URL('../../dist/adapters/start.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let internet: FixtureInternet;
let dir: string;

beforeAll(async () => {
  internet = await startFixtureInternet();
  dir = mkdtempSync(join(tmpdir(), 'mtasts-start-'));
  writeFileSync(join(dir, 'ca.pem'), internet.ca.certPem);
  await publishDomain(internet, 'good.example', healthy()('good.example'));
});

afterAll(async () => {
  await internet?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * `npm start` as a process, with only the environment given here (no tokens from the machine). Its stdin is a pipe,
 * not a terminal, so MTASTS_CONSOLE=1 opens the console prompt.
 */
function start(
  env: Record<string, string>,
  command: [string, string[]] = [process.execPath, [ENTRY]],
): { child: ChildProcessWithoutNullStreams; output: () => string; exit: Promise<number | null> } {
  const child = spawn(command[0], command[1], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      ...fixtureScanEnv(internet, join(dir, 'ca.pem')),
      MTASTS_DB: join(dir, 'bot.db'),
      LOG_LEVEL: 'silent',
      MTASTS_CONSOLE: '1',
      ...env,
    },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

async function answersOn(url: string): Promise<Response> {
  for (let i = 0; i < 200; i++) {
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`nothing answered on ${url}`);
}

describe('npm start', () => {
  it('refuses a malformed variable with one line naming it and exit code 2', async () => {
    const bot = start({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'not-an-app-token' });
    let err = '';
    bot.child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    expect(await bot.exit).toBe(2);
    expect(err.trimEnd().split('\n')).toEqual(['mtasts: SLACK_APP_TOKEN must start with "xapp-"']);
    expect(bot.output()).toBe('');
  });

  it('refuses to start with one line naming the variables when no platform is configured and stdin is no terminal', async () => {
    const bot = start({ MTASTS_CONSOLE: '' });
    let err = '';
    bot.child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    expect(await bot.exit).toBe(2);
    expect(err.trimEnd().split('\n')).toEqual([
      'mtasts: no chat platform configured: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET, ' +
        'or DISCORD_TOKEN with DISCORD_APP_ID (MTASTS_CONSOLE=1 opens the console prompt without a terminal)',
    ]);
    expect(bot.output()).toBe('');
  });

  it('stops with one line naming MTASTS_DB and the path when the database cannot be opened', async () => {
    // A regular file where the database directory should be: not even root can create the database there.
    writeFileSync(join(dir, 'not-a-dir'), '');
    const path = join(dir, 'not-a-dir', 'mtasts.db');
    const bot = start({ MTASTS_DB: path });
    let err = '';
    bot.child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    expect(await bot.exit).toBe(1);
    const lines = err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mtasts: cannot open the database \S+ \(MTASTS_DB\): /);
    expect(lines[0]).toContain(`${path} (MTASTS_DB)`);
    expect(bot.output()).toBe('');
  });

  it('opens the console adapter when no platform is configured, answers /mtasts and quits cleanly', async () => {
    const bot = start({});
    bot.child.stdin.write('/mtasts good.example\n');
    await waitFor(() => bot.output().includes('Enforced'), 'the scan result');
    expect(bot.output()).toContain('good.example');
    bot.child.stdin.write('quit\n');
    expect(await bot.exit).toBe(0);
  });

  it('stops gracefully on SIGTERM', async () => {
    const bot = start({});
    await waitFor(() => bot.output().length > 0, 'the prompt');
    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
  });

  it('stops gracefully when SIGTERM goes to npm itself, as a container runtime sends it', async () => {
    const bot = start({}, ['npm', ['start', '--silent']]);
    const closed = new Promise<void>((resolve) => bot.child.on('close', () => resolve()));
    await waitFor(() => bot.output().includes('mtasts>'), 'the prompt');
    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    // "close" fires once every holder of the output pipe is gone: the bot process too, not only npm.
    await closed;
  });

  it('exits after the shutdown grace period on SIGTERM while the Slack API hangs, logging what was dropped', async () => {
    const fake = await startFakeSlackApi();
    fake.hangMethods = ['chat.postMessage', 'respond'];
    try {
      const bot = start({
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'test-secret',
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        MTASTS_HTTP_PORT: '0',
        LOG_LEVEL: 'info',
        MTASTS_SHUTDOWN_GRACE_MS: '1000',
      });
      const logLines = () =>
        bot
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line));
      const slackListener = (line: { msg?: string }) => line.msg?.startsWith('Slack adapter listening') === true;
      await waitFor(() => logLines().some(slackListener), 'the Slack listener');
      const { port } = logLines().find(slackListener);
      const body = slashCommandBody({ text: 'good.example', responseUrl: fake.responseUrl });
      await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: signSlackRequest('test-secret', body),
        body,
      });
      await fake.waitForCalls('chat.postMessage', 1);

      bot.child.kill('SIGTERM');

      expect(await bot.exit).toBe(1);
      const over = logLines().find(
        (line) => line.msg === 'shutdown grace period over: exiting without the replies still in flight',
      );
      expect(over).toMatchObject({ dropped: { slack: 1 }, graceMs: 1000 });
    } finally {
      await fake.close();
    }
  }, 25_000);

  it('stops with one line naming what failed when Slack cannot be reached at start, not a stack trace', async () => {
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'test-secret',
      SLACK_API_URL: 'http://127.0.0.1:1/api/',
      PORT: '0',
      MTASTS_HTTP_PORT: '0',
    });
    let err = '';
    bot.child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));

    expect(await bot.exit).toBe(1);
    expect(err.trimEnd().split('\n')).toEqual([
      'mtasts: Slack: could not check SLACK_BOT_TOKEN with auth.test at http://127.0.0.1:1/api/: A request error occurred: fetch failed',
    ]);
  });

  it('keeps a channel’s watches across a restart on the same MTASTS_DB', async () => {
    const env = { MTASTS_DB: join(dir, 'restart.db') };
    const first = start(env);
    first.child.stdin.write('/mtasts watch good.example\n');
    await waitFor(() => first.output().includes('Now watching good.example in this channel'), 'the watch');
    first.child.stdin.write('quit\n');
    expect(await first.exit).toBe(0);

    const second = start(env);
    second.child.stdin.write('/mtasts watches\n');
    await waitFor(() => second.output().includes('verdicts from each domain’s latest scan'), 'the list of watches');
    expect(second.output()).toContain('MTA-STS watches: 1 domain · 1 enforced');
    expect(second.output()).toMatch(/✓ good\.example {2}enforced · id \S+ · sha256 /);
    second.child.stdin.write('quit\n');
    expect(await second.exit).toBe(0);
  });

  it('posts a digest that fell due while stopped to the console, and skips one for a platform that is not running', async () => {
    const db = join(dir, 'due.db');
    const terminal: Channel = { platform: 'console', workspaceId: 'local', channelId: 'console' };
    const discord: Channel = { platform: 'discord', workspaceId: 'G1', channelId: 'C1' };
    // Watched since two days ago: the daily 09:00 UTC slot in between is due at start.
    const since = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const before = openSqliteStore(db);
    for (const channel of [terminal, discord]) await before.watch(channel, 'good.example', DEFAULT_WATCH_LIMITS, since);
    before.close();

    const bot = start({ MTASTS_DB: db, LOG_LEVEL: 'error' });
    let err = '';
    bot.child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    await waitFor(() => bot.output().includes('MTA-STS digest: 1 domain · 1 enforced'), 'the digest');
    await waitFor(
      () => err.includes('discord is not running in this process: digest skipped'),
      'the skipped digest logged',
    );
    expect(bot.output()).toContain('First digest for this channel');
    bot.child.stdin.write('quit\n');
    expect(await bot.exit).toBe(0);

    const after = openSqliteStore(db);
    try {
      expect((await after.lastDigest(terminal))?.snapshots.map((snapshot) => snapshot.domain)).toEqual([
        'good.example',
      ]);
      // Not saved, so its changes wait for a digest that can be posted.
      expect(await after.lastDigest(discord)).toBeNull();
      // Its slot stays claimed: only once the claim is older than the slot lease does a start try it again.
      expect(
        (await after.digestChannels()).find((state) => state.channel.platform === 'discord')?.lastSlot,
      ).not.toBeNull();
    } finally {
      after.close();
    }
  });

  it('serves /healthz, /readyz and /metrics on MTASTS_HTTP_PORT in bot mode, and METRICS_PORT apart when set', async () => {
    const slack = await startFakeSlackApi();
    const [httpPort, metricsPort] = [await freePort(), await freePort()];
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      MTASTS_HTTP_PORT: String(httpPort),
      METRICS_PORT: String(metricsPort),
    });
    try {
      const base = `http://127.0.0.1:${httpPort}`;
      expect(await (await answersOn(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
      let ready = await fetch(`${base}/readyz`);
      // Until Slack has started, readiness names it.
      for (let i = 0; i < 100 && ready.status !== 200; i++) {
        expect(await ready.json()).toEqual({ status: 'not ready', failing: ['slack'] });
        await new Promise((resolve) => setTimeout(resolve, 50));
        ready = await fetch(`${base}/readyz`);
      }
      expect(await ready.json()).toEqual({ status: 'ready' });
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      const samples = parsePrometheusText(await (await answersOn(`http://127.0.0.1:${metricsPort}/metrics`)).text());
      expect(samples.get('mtasts_digests_total{outcome="failed"}')).toBe(0);
      expect(samples.get('mtasts_rate_limit_refusals_total')).toBe(0);
    } finally {
      bot.child.kill('SIGTERM');
      expect(await bot.exit).toBe(0);
      await slack.close();
    }
  });

  /** The rua address minted at the prompt takes a report on the bot's one HTTP server, and `reports` counts it. */
  async function ruaRoundTrip(env: Record<string, string>): Promise<void> {
    const httpPort = await freePort();
    const bot = start({ ...env, MTASTS_HTTP_PORT: String(httpPort), MTASTS_PUBLIC_URL: 'https://mtasts.example.net' });
    try {
      bot.child.stdin.write('/mtasts reports endpoint\n');
      await waitFor(() => /rua=https:\/\/mtasts\.example\.net\/tlsrpt\/[\w-]+/.test(bot.output()), 'the rua address');
      const token = /rua=https:\/\/mtasts\.example\.net\/tlsrpt\/([\w-]+)/.exec(bot.output())![1]!;
      const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const report = reportBytes({
        'date-range': { 'start-datetime': `${day}T00:00:00Z`, 'end-datetime': `${day}T23:59:59Z` },
      });
      const post = () =>
        fetch(`http://127.0.0.1:${httpPort}/tlsrpt/${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/tlsrpt+json' },
          body: report,
        });
      const first = await post();
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ stored: true, warnings: [] });
      expect((await post()).status).toBe(200);
      expect(
        (await fetch(`http://127.0.0.1:${httpPort}/tlsrpt/AAAAAAAAAAAAAAAAAAAAAAAA`, { method: 'POST', body: report }))
          .status,
      ).toBe(404);
      bot.child.stdin.write('/mtasts reports example.com\n');
      await waitFor(
        () => bot.output().includes('TLS-RPT reports for example.com: 1 report from 1 reporter'),
        'the reports answer',
      );
      expect(bot.output()).toContain('Last 7 days: sts 10 succeeded · 1 failed');
      bot.child.stdin.write('quit\n');
      expect(await bot.exit).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }

  it('serves the TLS-RPT rua endpoint on MTASTS_HTTP_PORT, on SQLite', async () => {
    await ruaRoundTrip({ MTASTS_DB: join(dir, 'rua.db') });
  });

  describe.skipIf(TEST_DATABASE_URL === undefined)('on Postgres (MTASTS_TEST_DATABASE_URL)', () => {
    const freshSchema = useFreshSchemas();
    it('serves the TLS-RPT rua endpoint on MTASTS_HTTP_PORT, on Postgres', async () => {
      await ruaRoundTrip({ MTASTS_DATABASE_URL: await freshSchema() });
    });
  });
});
