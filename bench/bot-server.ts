import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { startSlackAdapter } from '../adapters/slack/index.js';
import { createCommandCore } from '../src/command/command-core.js';
import { trustingAlso } from '../src/probes/tls-handshake.js';
import { scan } from '../src/scan/scan.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { SIGNING_SECRET } from '../test/adapters/slack/slack-harness.js';

/**
 * The server side of the bot bench, in its own process as a deployed bot is, so that the load generator, the
 * fixture internet and the fake Slack API do not share its event loop. `bolt`: the Slack adapter with the real
 * command core, scanning the fixture internet described in BENCH_BOT (JSON); `trivial`: a server that acks at once.
 * Tells the parent its port, and stops when the parent disconnects.
 */
export interface BotServerConfig {
  apiUrl: string;
  scan: { dns: string[]; httpsPort: number; smtpPort: number; ca: string[] };
  postIntervalMs: number;
}

const mode = process.argv[2];
let stop: () => Promise<void>;
let port: number;
if (mode === 'trivial') {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  stop = async () => {
    server.closeAllConnections();
    server.close();
  };
} else if (mode === 'bolt') {
  const config = JSON.parse(process.env['BENCH_BOT'] ?? '') as BotServerConfig;
  const store = openSqliteStore(':memory:');
  const trust = trustingAlso(config.scan.ca);
  const core = createCommandCore({
    scan: (domain) => scan(domain, { ...config.scan, trust, allowPrivate: true, history: store }),
    watches: store,
  });
  const adapter = await startSlackAdapter({
    botToken: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    port: 0,
    apiUrl: config.apiUrl,
    core,
    logger: pino({ level: 'silent' }),
    postIntervalMs: config.postIntervalMs,
  });
  port = adapter.port!;
  stop = async () => {
    await adapter.stop();
    store.close();
  };
} else {
  throw new Error(`usage: bot-server.js trivial|bolt (got ${mode})`);
}
process.send?.({ port });
process.on('disconnect', () => void stop().then(() => process.exit(0)));
