import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { DEFAULT_LIMITS } from '../src/command/scan-gate.js';
import { startFakeSlackApi } from '../test/adapters/slack/fake-slack-api.js';
import { signSlackRequest } from '../test/adapters/slack/sign-slack-request.js';
import { SIGNING_SECRET } from '../test/adapters/slack/slack-harness.js';
import { slashCommandBody } from '../test/adapters/slack/slack-requests.js';
import type { ScanOptions } from '../test/fixture/fixture-internet.js';
import type { BotServerConfig } from './bot-server.js';
import { startChild } from './child.js';
import { percentile, round } from './stats.js';
import { type Row, row } from './table.js';

export interface BotOptions {
  commands: number;
  users: number;
  channels: number;
  /** Keep-alive connections of the load generator. */
  connections: number;
}

/** The adapter's own default spacing of posts to one channel, and the burst a quiet channel takes (adapters/slack). */
const POST_INTERVAL_MS = 1_000;
const POST_BURST = 3;
/** Far beyond any pacing this load can cause: an answer still missing then is lost. */
const ANSWER_WAIT_MS = 180_000;

interface Request {
  channel: string;
  domain: string;
  body: string;
}

interface Heard {
  at: number;
  body: Record<string, unknown>;
}

/** A response_url target per request (/r/<n>), recording what each one was told. */
async function startResponseCollector(): Promise<{ server: Server; base: string; heard: Map<number, Heard[]> }> {
  const heard = new Map<number, Heard[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const index = Number(/^\/r\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
      const list = heard.get(index) ?? [];
      list.push({ at: Date.now(), body: JSON.parse(Buffer.concat(chunks).toString() || '{}') });
      heard.set(index, list);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, heard };
}

/**
 * All requests at once through a keep-alive pool; each ack timed from the moment all were dispatched. The pool
 * first opens its connections with one untimed `/mtasts help` each (answered without a scan), so the timed
 * burst costs the client what a keep-alive sender pays.
 */
async function fire(port: number, requests: readonly Request[], connections: number, responseBase: string) {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections });
  const send = async (body: string, headers: Record<string, string>) => {
    const response = await pool.request({ path: '/slack/events', method: 'POST', headers, body });
    await response.body.text();
    return response.statusCode;
  };
  try {
    await Promise.all(
      Array.from({ length: connections }, (_, i) => {
        const body = slashCommandBody({
          text: 'help',
          userId: `UWARM${i}`,
          channelId: 'CWARM',
          responseUrl: `${responseBase}/r/warm`,
        });
        return send(body, signSlackRequest(SIGNING_SECRET, body));
      }),
    );
    const signed = requests.map((r) => ({ body: r.body, headers: signSlackRequest(SIGNING_SECRET, r.body) }));
    const startedAt = Date.now();
    const start = performance.now();
    const acks = await Promise.all(
      signed.map(async ({ body, headers }) => {
        const status = await send(body, headers);
        return { ms: performance.now() - start, status };
      }),
    );
    return { startedAt, acks };
  } finally {
    await pool.close();
  }
}

export async function benchBot(options: BotOptions) {
  const { commands, users, channels, connections } = options;
  const internet = await startChild<ScanOptions>('fixture-server', [String(commands)]);
  const collector = await startResponseCollector();
  const fake = await startFakeSlackApi();
  try {
    const requests: Request[] = [];
    for (let i = 0; i < commands; i++) {
      const user = `U${i % users}`;
      const domain = `bot${i}.example`;
      const channel = `C${(i % users) % channels}`;
      const body = slashCommandBody({
        text: domain,
        userId: user,
        channelId: channel,
        responseUrl: `${collector.base}/r/${i}`,
      });
      requests.push({ channel, domain, body });
    }
    // The same generator against a server that acks at once: the client's own share.
    const trivial = await startChild<{ port: number }>('bot-server', ['trivial']);
    const baseline = await fire(trivial.ready.port, requests, connections, collector.base).finally(() =>
      trivial.stop(),
    );
    const { dns, httpsPort, smtpPort, ca } = internet.ready;
    const config: BotServerConfig = {
      apiUrl: fake.apiUrl,
      scan: { dns, httpsPort, smtpPort, ca },
      postIntervalMs: POST_INTERVAL_MS,
    };
    const bot = await startChild<{ port: number }>('bot-server', ['bolt'], { BENCH_BOT: JSON.stringify(config) });
    try {
      const fired = await fire(bot.ready.port, requests, connections, collector.base);

      // Each request's answer: its domain's post in its channel, or what its response_url was told.
      const posts = () => fake.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === undefined);
      const outcome = () =>
        requests.map((r, i) => {
          const answers = posts().filter(
            (c) => c.body.channel === r.channel && String(c.body.text).includes(`${r.domain} — `),
          );
          const refusals = (collector.heard.get(i) ?? []).filter((h) => /Try again in \d/.test(String(h.body.text)));
          return { answers, refusals };
        });
      const deadline = Date.now() + ANSWER_WAIT_MS;
      while (Date.now() < deadline && outcome().some((o) => o.answers.length + o.refusals.length === 0))
        await sleep(200);
      // Late duplicates would come within the pacing of one more post.
      await sleep(2 * POST_INTERVAL_MS);
      const final = outcome();

      const perUser = commands / users;
      const permittedExpected = users * Math.min(perUser, DEFAULT_LIMITS.scansPerWindow);
      const answered = final.filter((o) => o.answers.length === 1 && o.refusals.length === 0).length;
      const refused = final.filter((o) => o.refusals.length === 1 && o.answers.length === 0).length;
      const unanswered = final.filter((o) => o.answers.length + o.refusals.length === 0).length;
      const twice = final.filter((o) => o.answers.length + o.refusals.length > 1).length;
      const lastAnswer =
        Math.max(...final.flatMap((o) => [...o.answers.map((a) => a.at), ...o.refusals.map((r) => r.at)])) -
        fired.startedAt;
      const postsPerChannel = new Map<string, number>();
      for (const call of fake.callsTo('chat.postMessage')) {
        const channel = String(call.body.channel);
        postsPerChannel.set(channel, (postsPerChannel.get(channel) ?? 0) + 1);
      }
      const busiest = Math.max(...postsPerChannel.values());
      const pacingFloor = Math.max(0, busiest - POST_BURST) * POST_INTERVAL_MS;

      const p99 = percentile(
        fired.acks.map((a) => a.ms),
        99,
      );
      const trivialP99 = percentile(
        baseline.acks.map((a) => a.ms),
        99,
      );
      const non200 = fired.acks.filter((a) => a.status !== 200).length;
      const section = '3 bot (Slack, Bolt HTTP)';
      const load = `${commands} signed /mtasts from ${users} users in ${channels} channels at once, ${connections} keep-alive connections`;
      const rows: Row[] = [
        row(
          section,
          `ack p99: ${load}`,
          `${Math.round(p99)} ms`,
          '≤ 250 ms',
          p99 <= 250 && non200 === 0,
          non200
            ? `${non200} acks not 200`
            : `median ${Math.round(
                percentile(
                  fired.acks.map((a) => a.ms),
                  50,
                ),
              )} ms`,
        ),
        row(
          section,
          'ack p99, the same generator against a server that acks at once',
          `${Math.round(trivialP99)} ms`,
          '',
          null,
          "the client's own cost",
        ),
        row(
          section,
          'permitted requests answered exactly once',
          `${answered} of ${permittedExpected}`,
          `${permittedExpected} of ${permittedExpected}`,
          answered === permittedExpected && twice === 0,
          `${twice} answered more than once, ${unanswered} unanswered`,
        ),
        row(
          section,
          'refused requests told when to retry',
          `${refused} of ${commands - permittedExpected}`,
          `${commands - permittedExpected} of ${commands - permittedExpected}`,
          refused === commands - permittedExpected,
          `limit ${DEFAULT_LIMITS.scansPerWindow} scans per user per ${DEFAULT_LIMITS.windowMs / 60_000} min`,
        ),
        row(
          section,
          'time to the last answer',
          `${round(lastAnswer / 1000, 1)} s`,
          '',
          null,
          `paced per channel: the busiest took ${busiest} posts at 1 per ${POST_INTERVAL_MS / 1000} s after a burst of ${POST_BURST} (floor ${round(pacingFloor / 1000, 1)} s); scans ${DEFAULT_LIMITS.maxConcurrentScans} at a time`,
        ),
      ];
      return {
        load,
        ackMs: {
          p50: round(
            percentile(
              fired.acks.map((a) => a.ms),
              50,
            ),
          ),
          p99: round(p99),
          max: round(Math.max(...fired.acks.map((a) => a.ms))),
        },
        trivialAckMs: {
          p50: round(
            percentile(
              baseline.acks.map((a) => a.ms),
              50,
            ),
          ),
          p99: round(trivialP99),
        },
        answered,
        refused,
        unanswered,
        answeredMoreThanOnce: twice,
        lastAnswerMs: lastAnswer,
        busiestChannelPosts: busiest,
        pacingFloorMs: pacingFloor,
        rows,
      };
    } finally {
      await bot.stop();
    }
  } finally {
    await Promise.all([internet.stop(), fake.close()]);
    collector.server.closeAllConnections();
    await new Promise((resolve) => collector.server.close(resolve));
  }
}
