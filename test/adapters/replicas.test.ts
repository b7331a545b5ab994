import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { type Channel, DEFAULT_WATCH_LIMITS } from '../../src/store/watch-store.js';
import { type FixtureInternet, publishDomain, startFixtureInternet } from '../fixture/fixture-internet.js';
import { healthy } from '../scan/scan-harness.js';
import { TEST_DATABASE_URL, useFreshSchemas, withAdmin } from '../store/postgres-test-database.js';
import { silentLogger } from '../store/silent-logger.js';
import { fixtureScanEnv, freePort, waitFor } from './bot-process.js';
import { APP_ID, type FakeDiscord, startFakeDiscord } from './discord/fake-discord.js';
import { type FakeSlackApi, startFakeSlackApi } from './slack/fake-slack-api.js';
import { signSlackRequest } from './slack/sign-slack-request.js';
import { slashCommandBody } from './slack/slack-requests.js';

const ENTRY = fileURLToPath(new URL('../../dist/adapters/start.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'replica-signing-secret';
const BURST = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'].map((name) => `${name}.test`);
const SLACK_DIGEST: Channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C9' };
const DISCORD_DIGEST: Channel = {
  platform: 'discord',
  workspaceId: '400000000000000001',
  channelId: '400000000000000002',
};

interface Replica {
  name: string;
  port: number;
  /** The bot's own HTTP server: /readyz, /tlsrpt/<token>. */
  httpPort: number;
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<number | null>;
}

// Process start-ups and a takeover poll take seconds each on a busy machine: these tests get a minute and a half.
describe.skipIf(TEST_DATABASE_URL === undefined)(
  'two bot replicas on one Postgres database (MTASTS_TEST_DATABASE_URL)',
  { timeout: 90_000 },
  () => {
    const freshSchema = useFreshSchemas();
    let internet: FixtureInternet;
    let slack: FakeSlackApi;
    let discord: FakeDiscord;
    let dir: string;
    let databaseUrl: string;
    let schema: string;
    const replicas: Replica[] = [];

    beforeAll(async () => {
      internet = await startFixtureInternet();
      for (const domain of [...BURST, 'good.example']) await publishDomain(internet, domain, healthy()(domain));
      [slack, discord] = await Promise.all([startFakeSlackApi(), startFakeDiscord()]);
      dir = mkdtempSync(join(tmpdir(), 'mtasts-replicas-'));
      writeFileSync(join(dir, 'ca.pem'), internet.ca.certPem);
      databaseUrl = await freshSchema();
      schema = new URL(databaseUrl).searchParams.get('options')!.replace('-c search_path=', '');
      // Watched since two days ago: the daily 09:00 UTC slot in between is due as soon as a replica starts.
      const store = await openPostgresStore(databaseUrl, { logger: silentLogger });
      const since = new Date(Date.now() - 2 * 86_400_000).toISOString();
      for (const channel of [SLACK_DIGEST, DISCORD_DIGEST])
        await store.watch(channel, 'good.example', DEFAULT_WATCH_LIMITS, since);
      await store.close();
    });

    afterAll(async () => {
      for (const replica of replicas) replica.child.kill('SIGKILL');
      await Promise.all(replicas.map((replica) => replica.exit));
      await Promise.all([internet?.close(), slack?.close(), discord?.close()]);
      rmSync(dir, { recursive: true, force: true });
    });

    /** `npm start` as a process: Slack over HTTP and Discord, both against the fakes, on the shared database. */
    async function startReplica(name: string): Promise<Replica> {
      const [port, httpPort] = [await freePort(), await freePort()];
      const child = spawn(process.execPath, [ENTRY], {
        cwd: ROOT,
        env: {
          PATH: process.env['PATH'] ?? '',
          MTASTS_DATABASE_URL: databaseUrl,
          SLACK_BOT_TOKEN: 'xoxb-replica-test',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: slack.apiUrl,
          PORT: String(port),
          MTASTS_HTTP_PORT: String(httpPort),
          DISCORD_TOKEN: 'fake-token',
          DISCORD_APP_ID: APP_ID,
          DISCORD_API_URL: discord.apiUrl,
          ...fixtureScanEnv(internet, join(dir, 'ca.pem')),
          LOG_LEVEL: 'info',
        },
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const replica = { name, port, httpPort, child, output: () => out, exit };
      replicas.push(replica);
      await waitFor(() => out.includes('mtasts bot running'), `${name} to start`);
      return replica;
    }

    const command = (replica: Replica, text: string, channelId = 'C1') => {
      const body = slashCommandBody({ text, userId: 'U1', channelId, responseUrl: slack.responseUrl });
      return fetch(`http://127.0.0.1:${replica.port}/slack/events`, {
        method: 'POST',
        headers: signSlackRequest(SECRET, body),
        body,
      });
    };
    const holds = (replica: Replica) => replica.output().includes('holding the singleton lock');
    const slackDigests = () =>
      slack
        .callsTo('chat.postMessage')
        .filter((call) => call.body.channel === 'C9' && JSON.stringify(call.body).includes('MTA-STS digest'));
    const discordDigests = () =>
      discord.requests.filter(
        (request) => request.method === 'POST' && request.route === `/channels/${DISCORD_DIGEST.channelId}/messages`,
      );
    const refusals = () =>
      slack.calls.filter((call) => JSON.stringify(call.body).includes('You have used your 3 fresh scans')).length;
    const rows = async (sql: string) =>
      (await withAdmin((client) => client.query(sql.replaceAll('$schema', schema)))).rows;

    let first: Replica;
    let second: Replica;

    it('starts two replicas: one holds the Discord gateway, and each due digest is posted once', async () => {
      [first, second] = await Promise.all([startReplica('first'), startReplica('second')]);
      await waitFor(
        () => [first, second].filter(holds).length === 1 && discord.connections() === 1,
        'one gateway holder',
      );
      await waitFor(() => slackDigests().length > 0 && discordDigests().length > 0, 'the due digests');
      expect(JSON.stringify(slackDigests()[0]!.body)).toContain('MTA-STS digest: 1 domain · 1 enforced');
      expect(JSON.stringify(discordDigests()[0]!.body)).toContain('MTA-STS digest: 1 domain · 1 enforced');
      expect(await rows('SELECT count(*)::int AS n FROM $schema.digest_slots')).toEqual([{ n: 2 }]);
      // The replica waiting for the gateway is ready too: Discord is the holder's to keep connected.
      for (const replica of [first, second]) {
        const ready = await fetch(`http://127.0.0.1:${replica.httpPort}/readyz`);
        expect({ replica: replica.name, status: ready.status, body: await ready.json() }).toEqual({
          replica: replica.name,
          status: 200,
          body: { status: 'ready' },
        });
      }
    });

    it('gives a user’s burst spread over both replicas exactly 3 fresh scans', async () => {
      const answers = await Promise.all(BURST.map((domain, i) => command(i % 2 ? second : first, domain)));
      expect(answers.map((answer) => answer.status)).toEqual(BURST.map(() => 200));
      const isReport = (text: unknown) => typeof text === 'string' && / d\d\.test — Enforced$/.test(text);
      await waitFor(
        () =>
          slack.callsTo('chat.postMessage').filter((call) => isReport(call.body.text)).length + refusals() ===
          BURST.length,
        'every answer',
      );
      expect(slack.callsTo('chat.postMessage').filter((call) => isReport(call.body.text))).toHaveLength(3);
      expect(await rows(`SELECT count(*)::int AS n FROM $schema.scans WHERE domain LIKE 'd_.test'`)).toEqual([
        { n: 3 },
      ]);
    });

    it('hands the gateway to the other replica when the holder is killed', async () => {
      const [holder, other] = holds(first) ? [first, second] : [second, first];
      holder.child.kill('SIGKILL');
      await holder.exit;
      await waitFor(() => holds(other) && other.output().includes('discord: connected'), 'the takeover', 60);
      await waitFor(() => discord.connections() === 1, 'one gateway connection');
      second = other;
    });

    it('loses nothing and posts nothing twice when both replicas restart', async () => {
      second.child.kill('SIGTERM');
      expect(await second.exit).toBe(0);
      [first, second] = await Promise.all([startReplica('third'), startReplica('fourth')]);
      await waitFor(() => [first, second].filter(holds).length === 1, 'a gateway holder after the restart', 60);

      await command(first, 'watches', 'C9');
      await waitFor(
        () => slack.calls.some((call) => JSON.stringify(call.body).includes('MTA-STS watches: 1 domain')),
        'the watches',
      );
      // The quota is in the database too, and these new processes have empty caches: the burst's user has none left.
      await Promise.all([command(first, 'd1.test'), command(second, 'd2.test')]);
      await waitFor(() => refusals() === 5, 'the refusals after the restart');
      expect(slackDigests()).toHaveLength(1);
      expect(discordDigests()).toHaveLength(1);
      expect(await rows('SELECT count(*)::int AS n FROM $schema.digest_slots')).toEqual([{ n: 2 }]);
      expect(await rows(`SELECT count(*)::int AS n FROM $schema.scans WHERE domain LIKE 'd_.test'`)).toEqual([
        { n: 3 },
      ]);
    });
  },
);
