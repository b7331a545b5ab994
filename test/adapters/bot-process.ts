import { createServer } from 'node:net';
import type { FixtureInternet } from '../fixture/fixture-internet.js';

/** A port free a moment ago, for a child process that must be told its port up front. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

/** Polls every 100 ms; a child process on a busy machine gets `seconds` to get there. */
export async function waitFor(condition: () => boolean, what: string, seconds = 30): Promise<void> {
  for (let i = 0; i < seconds * 10 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

/** The environment that points a bot process's scans at the fixture internet, trusting its CA from `caPath`. */
export function fixtureScanEnv(internet: FixtureInternet, caPath: string): Record<string, string> {
  return {
    MTASTS_DNS: internet.dns.server,
    MTASTS_ALLOW_PRIVATE: '1',
    MTASTS_POLICY_PORT: String(internet.https.port),
    MTASTS_SMTP_PORT: String(internet.smtp.port),
    NODE_EXTRA_CA_CERTS: caPath,
  };
}
