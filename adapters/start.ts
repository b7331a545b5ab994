import type { ChatMessage } from '../src/command/chat-message.js';
import { createCommandCore } from '../src/command/command-core.js';
import { ConfigError, loadEnvConfig, type EnvConfig } from '../src/config/env-config.js';
import { createDigestScheduler } from '../src/digest/digest-scheduler.js';
import { createLogger } from '../src/log/logger.js';
import { scan } from '../src/scan/scan.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Channel } from '../src/store/watch-store.js';
import { startConsoleAdapter } from './console/index.js';
import { startDiscordAdapter } from './discord/index.js';
import { startSlackAdapter } from './slack/index.js';

interface Running {
  name: string;
  stop(): Promise<void>;
}

type Post = (channelId: string, message: ChatMessage) => Promise<void>;

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
  const { slack, discord, scanner } = config;
  const consoleMode = slack === null && discord === null;
  // At the prompt, stdout belongs to the conversation; logs go to stderr.
  const logger = createLogger({ level: config.logLevel, destination: consoleMode ? process.stderr : process.stdout });
  const store = openSqliteStore(scanner.dbPath);
  const core = createCommandCore({
    scan: (domain) =>
      scan(domain, { dns: scanner.dns, allowPrivate: scanner.allowPrivate, httpsPort: scanner.policyPort, history: store }),
    watches: store,
    watchLimits: config.watchLimits,
    reports: { store, publicUrl: config.publicUrl },
    logger: logger.child({ component: 'command' }),
  });

  const posters = new Map<Channel['platform'], Post>();
  const notRunning = (channel: Channel) => new Error(`${channel.platform} is not running in this process: digest skipped`);
  // The slot is claimed before the digest is built: failing here, before any scan, skips it without scanning
  // and without saving it, so the channel's changes wait for a digest that can be posted.
  const scheduler = createDigestScheduler({
    store,
    digest: (channel) => (posters.has(channel.platform) ? core.digest(channel) : Promise.reject(notRunning(channel))),
    post: async (channel, message) => {
      const post = posters.get(channel.platform);
      if (post === undefined) throw notRunning(channel);
      await post(channel.channelId, message);
    },
    now: () => new Date(),
    logger: logger.child({ component: 'digest' }),
  });

  const running: Running[] = [];
  let stopping: Promise<void> | null = null;
  const shutdown = (reason: string, exitCode = 0): Promise<void> =>
    (stopping ??= (async () => {
      logger.info({ reason }, 'shutting down: finishing the digest and replies in progress');
      // First, so the digest in progress still has its adapter to post through.
      await scheduler.stop();
      const results = await Promise.allSettled(running.map((adapter) => adapter.stop()));
      results.forEach((result, i) => {
        if (result.status === 'rejected') logger.error({ err: result.reason, adapter: running[i]!.name }, 'adapter stop failed');
      });
      store.close();
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

  try {
    if (slack) {
      const adapter = await startSlackAdapter({ ...slack, core, uploads: core, logger: logger.child({ adapter: 'slack' }) });
      running.push({ name: 'slack', stop: () => adapter.stop() });
      posters.set('slack', (channelId, message) => adapter.post(channelId, message));
    }
    if (discord) {
      const adapter = await startDiscordAdapter({ ...discord, core, uploads: core, logger });
      running.push({ name: 'discord', stop: () => adapter.stop() });
      posters.set('discord', (channelId, message) => adapter.post(channelId, message));
    }
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await shutdown('start-up failed', 1);
    return;
  }
  if (consoleMode) {
    const prompt = startConsoleAdapter({ core, input: process.stdin, output: process.stdout });
    running.push({ name: 'console', stop: () => prompt.stop() });
    posters.set('console', (channelId, message) => prompt.post(channelId, message));
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
