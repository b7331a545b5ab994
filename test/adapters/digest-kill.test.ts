import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadEnvConfig } from '../../src/config/env-config.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { type Channel, DEFAULT_WATCH_LIMITS } from '../../src/store/watch-store.js';
import { type FixtureInternet, publishDomain, startFixtureInternet } from '../fixture/fixture-internet.js';
import { healthy } from '../scan/scan-harness.js';
import { fixtureScanEnv, freePort, waitFor } from './bot-process.js';
import { type FakeSlackApi, startFakeSlackApi } from './slack/fake-slack-api.js';

const ENTRY = fileURLToPath(new URL('../../dist/adapters/start.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHANNEL: Channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C9' };
/** Short, so the restarted bot takes the dead one's slot over at once instead of five minutes later. */
const LEASE_MS = 1000;

interface Bot {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<number | null>;
}

interface SlotRow {
  slot: string;
  claimed_at: string;
  posted_at: string | null;
}

describe('a bot killed with SIGKILL after claiming a digest slot, before the post lands', { timeout: 90_000 }, () => {
  let internet: FixtureInternet;
  let hung: FakeSlackApi;
  let working: FakeSlackApi;
  let dir: string;
  let dbPath: string;
  const bots: Bot[] = [];

  beforeAll(async () => {
    internet = await startFixtureInternet();
    await publishDomain(internet, 'good.example', healthy()('good.example'));
    [hung, working] = await Promise.all([startFakeSlackApi(), startFakeSlackApi()]);
    hung.hangMethods = ['chat.postMessage'];
    dir = mkdtempSync(join(tmpdir(), 'mtasts-digest-kill-'));
    writeFileSync(join(dir, 'ca.pem'), internet.ca.certPem);
    dbPath = join(dir, 'mtasts.db');
    // Watched since two days ago: the daily slot in between is due as soon as the bot starts.
    const store = openSqliteStore(dbPath);
    await store.watch(
      CHANNEL,
      'good.example',
      DEFAULT_WATCH_LIMITS,
      new Date(Date.now() - 2 * 86_400_000).toISOString(),
    );
    await store.close();
  });

  afterAll(async () => {
    for (const bot of bots) bot.child.kill('SIGKILL');
    await Promise.all(bots.map((bot) => bot.exit));
    await Promise.all([internet?.close(), hung?.close(), working?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  async function startBot(slack: FakeSlackApi): Promise<Bot> {
    const child = spawn(process.execPath, [ENTRY], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        MTASTS_DB: dbPath,
        SLACK_BOT_TOKEN: 'xoxb-digest-kill',
        SLACK_SIGNING_SECRET: 'digest-kill-secret',
        SLACK_API_URL: slack.apiUrl,
        PORT: String(await freePort()),
        MTASTS_HTTP_PORT: '0',
        MTASTS_DIGEST_SLOT_LEASE_MS: String(LEASE_MS),
        ...fixtureScanEnv(internet, join(dir, 'ca.pem')),
        LOG_LEVEL: 'info',
      },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const bot = { child, output: () => out, exit };
    bots.push(bot);
    return bot;
  }

  const digestPosts = (slack: FakeSlackApi) =>
    slack
      .callsTo('chat.postMessage')
      .filter((call) => call.body.channel === 'C9' && JSON.stringify(call.body).includes('MTA-STS digest'));
  const slots = (): SlotRow[] => {
    const db = new Database(dbPath, { readonly: true });
    try {
      return db.prepare('SELECT slot, claimed_at, posted_at FROM digest_slots').all() as SlotRow[];
    } finally {
      db.close();
    }
  };

  it('posts the digest exactly once after a restart on the same database file', async () => {
    const first = await startBot(hung);
    await waitFor(() => digestPosts(hung).length === 1, 'the first bot to try posting the digest');
    const [claimed] = slots();
    expect(claimed).toEqual({ slot: expect.any(String), claimed_at: expect.any(String), posted_at: null });
    first.child.kill('SIGKILL');
    await first.exit;

    // The claim must be older than the lease before the next start can take it over.
    await waitFor(() => Date.now() > Date.parse(claimed!.claimed_at) + LEASE_MS, 'the lease to run out');
    const second = await startBot(working);
    await waitFor(() => slots()[0]?.posted_at != null, 'the restarted bot to post the digest');
    expect(second.output()).toContain('resuming a digest claimed but never posted');
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);

    expect(digestPosts(working).map((call) => String(call.body.text))).toEqual([
      expect.stringContaining('MTA-STS digest: 1 domain · 1 enforced'),
    ]);
    expect(slots()).toEqual([{ slot: claimed!.slot, claimed_at: expect.any(String), posted_at: expect.any(String) }]);
  });
});

describe('MTASTS_DIGEST_SLOT_LEASE_MS', () => {
  it('is the lease in milliseconds, unset by default (the scheduler then takes 5 minutes)', () => {
    expect(loadEnvConfig({ MTASTS_DIGEST_SLOT_LEASE_MS: '1000' }).digestSlotLeaseMs).toBe(1000);
    expect(loadEnvConfig({}).digestSlotLeaseMs).toBeUndefined();
  });

  it.each(['0', '-1', '1.5', '5m', '100000000'])('refuses %s with one line naming the variable', (value) => {
    expect(() => loadEnvConfig({ MTASTS_DIGEST_SLOT_LEASE_MS: value })).toThrow(
      new ConfigError('MTASTS_DIGEST_SLOT_LEASE_MS must be a whole number of milliseconds from 1 to 99999999'),
    );
  });
});
