import type { ChatMessage } from '../src/chat/chat-message.js';
import { createCommandCore } from '../src/command/command-core.js';
import { ConfigError, DEFAULT_HTTP_PORT, type EnvConfig, loadEnvConfig } from '../src/config/env-config.js';
import { createDigestScheduler } from '../src/digest/digest-scheduler.js';
import { createLogger } from '../src/log/logger.js';
import { measuredStore } from '../src/metrics/measured-store.js';
import { scan } from '../src/scan/scan.js';
import { openStore } from '../src/store/open-store.js';
import { createSealer } from '../src/store/seal.js';
import { DEFAULT_DB_PATH } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import type { Channel } from '../src/store/watch-store.js';
import { startConsoleAdapter } from './console/index.js';
import { startDiscordAdapter } from './discord/index.js';
import { healthRoutes, type ReadinessCheck } from './http/health-routes.js';
import type { HttpRoute } from './http/http-route.js';
import { metricsRoute } from './http/metrics-route.js';
import { startHttpServer } from './http/server.js';
import { tlsRptRoute } from './http/tlsrpt-route.js';
import { createPrometheusMetrics } from './metrics/prometheus-metrics.js';
import { missingPlatformMessage } from './missing-platform.js';
import { startSlackAdapter } from './slack/index.js';
import { slackInstallations } from './slack/slack-installations.js';
import { dirWritable, storeOpenMessage } from './store-open-message.js';

interface Running {
  name: string;
  stop(): Promise<void>;
  /** Replies still in flight, named in the log when the grace period ends before they do. */
  pending(): number;
}

type Post = (channel: Channel, message: ChatMessage) => Promise<void>;

/**
 * `npm start`: Slack and/or Discord when configured, else the console prompt, plus the digest scheduler;
 * graceful stop on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  let config: EnvConfig;
  try {
    config = loadEnvConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`mtasts: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const refusal = missingPlatformMessage(config, process.stdin.isTTY === true);
  if (refusal !== null) {
    process.stderr.write(`mtasts: ${refusal}\n`);
    process.exitCode = 2;
    return;
  }
  const { slack, discord, scanner } = config;
  const consoleMode = slack === null && discord === null;
  // At the prompt, stdout belongs to the conversation; logs go to stderr.
  const logger = createLogger({ level: config.logLevel, destination: consoleMode ? process.stderr : process.stdout });
  const metrics = createPrometheusMetrics();
  let opened: Store;
  try {
    opened = await openStore(scanner, logger.child({ component: 'store' }));
  } catch (error) {
    const message =
      scanner.databaseUrl === undefined
        ? storeOpenMessage({ path: scanner.dbPath ?? DEFAULT_DB_PATH, error, dirWritable, uid: process.getuid?.() })
        : `cannot open the database of MTASTS_DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`mtasts: ${message}\n`);
    process.exitCode = 1;
    return;
  }
  const store = measuredStore(opened, metrics);
  const core = createCommandCore({
    scan: (domain) =>
      scan(domain, {
        dns: scanner.dns,
        allowPrivate: scanner.allowPrivate,
        httpsPort: scanner.policyPort,
        smtp: scanner.smtp,
        smtpPort: scanner.smtpPort,
        history: store,
      }),
    watches: store,
    rateLimiter: store.rateLimiter,
    storeHealth: opened,
    watchLimits: config.watchLimits,
    reports: { store, publicUrl: config.publicUrl },
    logger: logger.child({ component: 'command' }),
    metrics,
  });

  const posters = new Map<Channel['platform'], Post>();
  const notRunning = (channel: Channel) =>
    new Error(`${channel.platform} is not running in this process: digest skipped`);
  // A channel of a platform whose connection another replica holds is left to that replica, unclaimed.
  const heldElsewhere = (channel: Channel) =>
    channel.platform === 'discord' && discord !== null && !posters.has('discord');
  // The slot is claimed before the digest is built: failing here, before any scan, leaves it unfinished without
  // scanning or saving, so the scheduler tries it again once its claim is older than the lease.
  const scheduler = createDigestScheduler({
    store: {
      ...store,
      digestChannels: async () => (await store.digestChannels()).filter((state) => !heldElsewhere(state.channel)),
      unfinishedSlots: async (claimedBefore) =>
        (await store.unfinishedSlots(claimedBefore)).filter((slot) => !heldElsewhere(slot.channel)),
    },
    digest: (channel) => (posters.has(channel.platform) ? core.digest(channel) : Promise.reject(notRunning(channel))),
    post: async (channel, message) => {
      const post = posters.get(channel.platform);
      if (post === undefined) throw notRunning(channel);
      await post(channel, message);
    },
    now: () => new Date(),
    slotLeaseMs: config.digestSlotLeaseMs,
    logger: logger.child({ component: 'digest' }),
    metrics,
  });

  const running: Running[] = [];
  const servers: Array<{ close(): Promise<void> }> = [];
  let stopping: Promise<void> | null = null;
  const shutdown = (reason: string, exitCode = 0): Promise<void> =>
    (stopping ??= (async () => {
      logger.info(
        { reason, graceMs: config.shutdownGraceMs },
        'shutting down: finishing the digest and replies in progress',
      );
      const orderly = (async () => {
        // First, so the digest in progress still has its adapter to post through.
        await scheduler.stop();
        const results = await Promise.allSettled(running.map((adapter) => adapter.stop()));
        results.forEach((result, i) => {
          if (result.status === 'rejected')
            logger.error({ err: result.reason, adapter: running[i]!.name }, 'adapter stop failed');
        });
        return true;
      })();
      // A hung platform API must not keep the process past the container's kill deadline.
      let grace: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        orderly,
        new Promise<false>((resolve) => (grace = setTimeout(() => resolve(false), config.shutdownGraceMs))),
      ]);
      clearTimeout(grace);
      if (!finished) {
        const dropped = Object.fromEntries(running.map((adapter) => [adapter.name, adapter.pending()]));
        logger.warn(
          { dropped, graceMs: config.shutdownGraceMs },
          'shutdown grace period over: exiting without the replies still in flight',
        );
        process.exit(exitCode === 0 ? 1 : exitCode);
      }
      await Promise.all(servers.map((server) => server.close()));
      await opened.close();
      logger.info('stopped');
      process.exitCode = exitCode;
      // Exit on our own once the loop drains; a library's stray timer or socket gets one second, not forever.
      setTimeout(() => process.exit(exitCode), 1000).unref();
    })());

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      // A second signal means "now": skip whatever is still draining.
      if (stopping) process.exit(1);
      void shutdown(signal);
    });
  }

  // Ready once the store answers and every configured platform is connected.
  const checks: ReadinessCheck[] = [{ name: 'store', check: () => opened.ping() }];
  const connected = new Map<string, () => boolean>();
  for (const [name, configured] of [
    ['slack', slack],
    ['discord', discord],
  ] as const) {
    if (configured === null) continue;
    checks.push({
      name,
      async check() {
        if (connected.get(name)?.() !== true) throw new Error(`${name} is not connected`);
      },
    });
  }
  // At the console nobody asked for a listening port: the server starts there only when MTASTS_HTTP_PORT is set.
  const httpPort = config.http.port ?? (consoleMode ? undefined : DEFAULT_HTTP_PORT);
  const httpLogger = logger.child({ component: 'http' });

  try {
    if (httpPort !== undefined) {
      const routes: HttpRoute[] = [
        ...healthRoutes(checks, httpLogger),
        tlsRptRoute({ store, now: () => new Date(), logger: httpLogger }),
      ];
      const metricsPort = config.http.metricsPort;
      if (metricsPort === undefined) routes.push(metricsRoute(metrics));
      else
        servers.push(await startHttpServer({ port: metricsPort, routes: [metricsRoute(metrics)], logger: httpLogger }));
      servers.push(await startHttpServer({ port: httpPort, routes, logger: httpLogger }));
    }
    if (slack) {
      const { oauth, ...tokens } = slack;
      const slackOAuth = oauth && {
        ...oauth,
        installations: slackInstallations(store, createSealer(oauth.encryptionKey)),
      };
      const adapter = await startSlackAdapter({
        ...tokens,
        oauth: slackOAuth,
        core,
        uploads: core,
        logger: logger.child({ adapter: 'slack' }),
        metrics,
      });
      running.push({ name: 'slack', stop: () => adapter.stop(), pending: () => adapter.pending() });
      posters.set('slack', (channel, message) => adapter.post(channel.channelId, message, channel.workspaceId));
      // Bolt serves HTTP, or keeps Socket Mode reconnecting, from here on; it exposes no connection state.
      connected.set('slack', () => true);
    }
    if (discord) {
      // One gateway connection per bot token: one replica holds it at a time (on SQLite, always this process).
      // A replica that does not hold it is ready for Discord: its gateway is another replica's to keep connected.
      let held: { stop(): Promise<void>; pending(): number } | null = null;
      connected.set('discord', () => true);
      const gateway = await opened.holdSingleton(`discord:${discord.appId}`, {
        start: async () => {
          const adapter = await startDiscordAdapter({ ...discord, core, uploads: core, logger, metrics });
          held = adapter;
          posters.set('discord', (channel, message) => adapter.post(channel.channelId, message));
          connected.set('discord', () => adapter.connected());
        },
        stop: async () => {
          posters.delete('discord');
          connected.set('discord', () => true);
          const adapter = held;
          held = null;
          await adapter?.stop();
        },
      });
      running.push({ name: 'discord', stop: () => gateway.release(), pending: () => held?.pending() ?? 0 });
    }
  } catch (error) {
    // One line naming what failed (e.g. no route to Slack), not a stack trace.
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`mtasts: ${reason}\n`);
    logger.fatal({ reason }, 'start-up failed');
    await shutdown('start-up failed', 1);
    return;
  }
  if (consoleMode) {
    const prompt = startConsoleAdapter({ core, input: process.stdin, output: process.stdout });
    running.push({ name: 'console', stop: () => prompt.stop(), pending: () => 0 });
    posters.set('console', (channel, message) => prompt.post(channel.channelId, message));
    void prompt.closed.then(() => shutdown('console closed'));
  } else {
    logger.info({ adapters: running.map((adapter) => adapter.name) }, 'mtasts bot running');
  }
  // Not awaited: a digest that fell due while the bot was down is posted in the background.
  if (stopping === null) void scheduler.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`mtasts: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
