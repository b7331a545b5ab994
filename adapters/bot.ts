import type { ChatAdapter } from '../src/chat/chat-adapter.js';
import type { Platform } from '../src/chat/platform.js';
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

/** What the bot runs on: the process's streams in production, pipes in a test. */
export interface BotIo {
  /** The console prompt reads it; a terminal here (or MTASTS_CONSOLE=1) opens the prompt without tokens. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The console prompt's, or the logs' when a chat platform is configured. */
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  /** One line per refusal (`mtasts: …`); the logs at the console prompt. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Ends the process now: when the grace period runs out before the adapters have stopped. */
  exit(code: number): void;
  /** The process's user id, named when the database directory is not writable. */
  uid?: number;
  /** SIGTERM and SIGINT: a graceful stop, and a second one means "now". Unset in a test, which calls stop(). */
  signals?: { on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown };
}

export interface Bot {
  /** Finishes the digest and replies in progress, stops every adapter, then closes servers and store; idempotent. */
  stop(reason: string): Promise<number>;
  /** Settles with the exit code once the bot has stopped: stop(), the console closed, or start-up failed. */
  stopped: Promise<number>;
}

/** `npm start`: the configuration from the environment, the bot on the process's streams. */
export async function runBot(proc: NodeJS.Process): Promise<void> {
  try {
    let config: EnvConfig;
    try {
      config = loadEnvConfig(proc.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      proc.stderr.write(`mtasts: ${error.message}\n`);
      proc.exitCode = 2;
      return;
    }
    const io = { stdin: proc.stdin, stdout: proc.stdout, stderr: proc.stderr, uid: proc.getuid?.(), signals: proc };
    const code = await (await startBot(config, { ...io, exit: (exitCode) => proc.exit(exitCode) })).stopped;
    proc.exitCode = code;
    // Exit on our own once the loop drains; a library's stray timer or socket gets one second, not forever.
    setTimeout(() => proc.exit(code), 1000).unref();
  } catch (error) {
    proc.stderr.write(`mtasts: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    proc.exitCode = 1;
  }
}

/**
 * Slack and/or Discord when configured, else the console prompt, plus the digest scheduler and the HTTP server.
 * A refusal before anything started (no platform, no database) is one line on stderr and a bot already stopped.
 */
export async function startBot(config: EnvConfig, io: BotIo): Promise<Bot> {
  const refusal = missingPlatformMessage(config, io.stdin.isTTY === true);
  if (refusal !== null) return refused(io, refusal, 2);
  const { slack, discord, scanner } = config;
  const consoleMode = slack === null && discord === null;
  // At the prompt, stdout belongs to the conversation; logs go to stderr.
  const logger = createLogger({ level: config.logLevel, destination: consoleMode ? io.stderr : io.stdout });
  const metrics = createPrometheusMetrics();
  let opened: Store;
  try {
    opened = await openStore(scanner, logger.child({ component: 'store' }));
  } catch (error) {
    const message =
      scanner.databaseUrl === undefined
        ? storeOpenMessage({ path: scanner.dbPath ?? DEFAULT_DB_PATH, error, dirWritable, uid: io.uid })
        : `cannot open the database of MTASTS_DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`;
    return refused(io, message, 1);
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

  /** The adapters running in this process: what digests post through, and what shutdown stops. */
  const adapters = new Map<Platform, ChatAdapter>();
  const notRunning = (channel: Channel) =>
    new Error(`${channel.platform} is not running in this process: digest skipped`);
  // A channel of a platform whose connection another replica holds is left to that replica, unclaimed.
  const heldElsewhere = (channel: Channel) =>
    channel.platform === 'discord' && discord !== null && !adapters.has('discord');
  // The slot is claimed before the digest is built: failing here, before any scan, leaves it unfinished without
  // scanning or saving, so the scheduler tries it again once its claim is older than the lease.
  const scheduler = createDigestScheduler({
    store: {
      ...store,
      digestChannels: async () => (await store.digestChannels()).filter((state) => !heldElsewhere(state.channel)),
      unfinishedSlots: async (claimedBefore) =>
        (await store.unfinishedSlots(claimedBefore)).filter((slot) => !heldElsewhere(slot.channel)),
    },
    digest: (channel) => (adapters.has(channel.platform) ? core.digest(channel) : Promise.reject(notRunning(channel))),
    post: async (channel, message) => {
      const adapter = adapters.get(channel.platform);
      if (adapter === undefined) throw notRunning(channel);
      return adapter.post(channel, message);
    },
    now: () => new Date(),
    slotLeaseMs: config.digestSlotLeaseMs,
    logger: logger.child({ component: 'digest' }),
    metrics,
  });

  /** Releases the Discord gateway this replica holds (which stops its adapter), when Discord is configured. */
  let releaseGateway: (() => Promise<void>) | null = null;
  const servers: Array<{ close(): Promise<void> }> = [];
  let finish: (code: number) => void = () => {};
  const stopped = new Promise<number>((resolve) => (finish = resolve));
  let stopping: Promise<number> | null = null;
  const shutdown = (reason: string, exitCode = 0): Promise<number> =>
    (stopping ??= (async () => {
      logger.info(
        { reason, graceMs: config.shutdownGraceMs },
        'shutting down: finishing the digest and replies in progress',
      );
      const orderly = (async () => {
        // First, so the digest in progress still has its adapter to post through.
        await scheduler.stop();
        const stops = [...adapters.values()].map((adapter) => ({ name: adapter.platform, stop: () => adapter.stop() }));
        if (releaseGateway !== null) stops.push({ name: 'discord', stop: releaseGateway });
        const results = await Promise.allSettled(stops.map(({ stop }) => stop()));
        results.forEach((result, i) => {
          if (result.status === 'rejected')
            logger.error({ err: result.reason, adapter: stops[i]!.name }, 'adapter stop failed');
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
        const dropped = Object.fromEntries([...adapters].map(([name, adapter]) => [name, adapter.pending()]));
        logger.warn(
          { dropped, graceMs: config.shutdownGraceMs },
          'shutdown grace period over: exiting without the replies still in flight',
        );
        io.exit(exitCode === 0 ? 1 : exitCode);
      }
      await Promise.all(servers.map((server) => server.close()));
      await opened.close();
      logger.info('stopped');
      finish(exitCode);
      return exitCode;
    })());

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    io.signals?.on(signal, () => {
      // A second signal means "now": skip whatever is still draining.
      if (stopping) io.exit(1);
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
      adapters.set('slack', adapter);
      // Bolt serves HTTP, or keeps Socket Mode reconnecting, from here on; it exposes no connection state.
      connected.set('slack', () => true);
    }
    if (discord) {
      // One gateway connection per bot token: one replica holds it at a time (on SQLite, always this process).
      // A replica that does not hold it is ready for Discord: its gateway is another replica's to keep connected.
      connected.set('discord', () => true);
      const gateway = await opened.holdSingleton(`discord:${discord.appId}`, {
        start: async () => {
          const adapter = await startDiscordAdapter({ ...discord, core, uploads: core, logger, metrics });
          adapters.set('discord', adapter);
          connected.set('discord', () => adapter.connected());
        },
        stop: async () => {
          const adapter = adapters.get('discord');
          adapters.delete('discord');
          connected.set('discord', () => true);
          await adapter?.stop();
        },
      });
      releaseGateway = () => gateway.release();
    }
  } catch (error) {
    // One line naming what failed (e.g. no route to Slack), not a stack trace.
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr.write(`mtasts: ${reason}\n`);
    logger.fatal({ reason }, 'start-up failed');
    await shutdown('start-up failed', 1);
    return { stop: () => stopped, stopped };
  }
  if (consoleMode) {
    const prompt = startConsoleAdapter({ core, input: io.stdin, output: io.stdout });
    adapters.set('console', prompt);
    void prompt.closed.then(() => shutdown('console closed'));
  } else {
    logger.info({ adapters: [...adapters.keys()] }, 'mtasts bot running');
  }
  // Not awaited: a digest that fell due while the bot was down is posted in the background.
  if (stopping === null) void scheduler.start();
  return { stop: (reason) => shutdown(reason), stopped };
}

function refused(io: BotIo, message: string, code: number): Bot {
  io.stderr.write(`mtasts: ${message}\n`);
  const stopped = Promise.resolve(code);
  return { stop: () => stopped, stopped };
}
