import { createCommandCore } from '../src/command/command-core.js';
import { ConfigError, loadEnvConfig, type EnvConfig } from '../src/config/env-config.js';
import { createLogger } from '../src/log/logger.js';
import { scan } from '../src/scan/scan.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { startConsoleAdapter } from './console/index.js';
import { startDiscordAdapter } from './discord/index.js';
import { startSlackAdapter } from './slack/index.js';

interface Running {
  name: string;
  stop(): Promise<void>;
}

/** `npm start`: Slack and/or Discord when configured, else the console prompt; graceful stop on SIGTERM/SIGINT. */
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
    logger: logger.child({ component: 'command' }),
  });

  const running: Running[] = [];
  let stopping: Promise<void> | null = null;
  const shutdown = (reason: string, exitCode = 0): Promise<void> =>
    (stopping ??= (async () => {
      logger.info({ reason }, 'shutting down: finishing replies in progress');
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
      const adapter = await startSlackAdapter({ ...slack, core, logger: logger.child({ adapter: 'slack' }) });
      running.push({ name: 'slack', stop: () => adapter.stop() });
    }
    if (discord) {
      const adapter = await startDiscordAdapter({ ...discord, core, logger });
      running.push({ name: 'discord', stop: () => adapter.stop() });
    }
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await shutdown('start-up failed', 1);
    return;
  }
  if (consoleMode) {
    const prompt = startConsoleAdapter({ core, input: process.stdin, output: process.stdout });
    running.push({ name: 'console', stop: () => prompt.stop() });
    void prompt.closed.then(() => shutdown('console closed'));
  } else {
    logger.info({ adapters: running.map((adapter) => adapter.name) }, 'mtasts bot running');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`mtasts: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
