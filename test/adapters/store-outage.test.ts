import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureInternet, publishDomain, startFixtureInternet } from '../fixture/fixture-internet.js';
import { healthy } from '../scan/scan-harness.js';
import { TEST_DATABASE_URL, useFreshSchemas } from '../store/postgres-test-database.js';
import { startTcpRelay, type TcpRelay } from '../store/tcp-relay.js';
import { fixtureScanEnv, freePort, waitFor } from './bot-process.js';

const ENTRY = fileURLToPath(new URL('../../dist/adapters/start.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UNREACHABLE = 'The bot cannot reach its database right now, so it cannot scan or change watches.';

// The database "goes away" behind a relay the test cuts: the real server keeps running for every other test.
describe.skipIf(TEST_DATABASE_URL === undefined)(
  'npm start on Postgres while the database goes away (MTASTS_TEST_DATABASE_URL)',
  { timeout: 90_000 },
  () => {
    const freshSchema = useFreshSchemas();
    let internet: FixtureInternet;
    let relay: TcpRelay;
    let dir: string;

    beforeAll(async () => {
      internet = await startFixtureInternet();
      for (const domain of ['good.example', 'later.example']) await publishDomain(internet, domain, healthy()(domain));
      const server = new URL(TEST_DATABASE_URL!);
      relay = await startTcpRelay({ host: server.hostname, port: Number(server.port || 5432) });
      dir = mkdtempSync(join(tmpdir(), 'mtasts-outage-'));
      writeFileSync(join(dir, 'ca.pem'), internet.ca.certPem);
    });

    afterAll(async () => {
      await Promise.all([internet?.close(), relay?.close()]);
      rmSync(dir, { recursive: true, force: true });
    });

    it('turns unready and says it cannot scan, answers cached domains meanwhile, and recovers when the database returns', async () => {
      const url = new URL(await freshSchema());
      url.host = `127.0.0.1:${relay.port}`;
      const httpPort = await freePort();
      const child = spawn(process.execPath, [ENTRY], {
        cwd: ROOT,
        env: {
          PATH: process.env['PATH'] ?? '',
          MTASTS_DATABASE_URL: url.toString(),
          MTASTS_HTTP_PORT: String(httpPort),
          ...fixtureScanEnv(internet, join(dir, 'ca.pem')),
          LOG_LEVEL: 'silent',
          MTASTS_CONSOLE: '1',
        },
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const readiness = async () => {
          const response = await fetch(`http://127.0.0.1:${httpPort}/readyz`);
          return { status: response.status, body: await response.json() };
        };
        const readyBecomes = async (status: number) => {
          let last = 0;
          for (let i = 0; i < 100 && last !== status; i++) {
            last = (await readiness()).status;
            if (last !== status) await new Promise((resolve) => setTimeout(resolve, 100));
          }
          return readiness();
        };
        /** Asks at the prompt and returns what the bot printed for it. */
        const ask = async (line: string, expected: string) => {
          const before = out.length;
          child.stdin.write(`${line}\n`);
          await waitFor(() => out.slice(before).includes(expected), `"${expected}" after ${line}`);
          return out.slice(before);
        };

        await waitFor(() => out.includes('mtasts>'), 'the prompt');
        expect(await readyBecomes(200)).toEqual({ status: 200, body: { status: 'ready' } });
        expect(await ask('/mtasts good.example', 'Enforced')).toContain('good.example');

        relay.cut();
        expect(await readyBecomes(503)).toEqual({ status: 503, body: { status: 'not ready', failing: ['store'] } });
        const cached = await ask('/mtasts good.example', 'Cached');
        expect(cached).toContain('Enforced');
        expect(cached).toContain("This channel's TLS-RPT reports could not be read just now");
        expect(await ask('/mtasts later.example', UNREACHABLE)).not.toContain('Enforced');
        expect(await ask('/mtasts watch later.example', UNREACHABLE)).not.toContain('Watching');
        const healthz = await fetch(`http://127.0.0.1:${httpPort}/healthz`);
        expect(healthz.status).toBe(200);

        relay.restore();
        expect(await readyBecomes(200)).toEqual({ status: 200, body: { status: 'ready' } });
        expect(await ask('/mtasts later.example', 'Enforced')).not.toContain(UNREACHABLE);
        child.stdin.write('quit\n');
        expect(await exit).toBe(0);
      } finally {
        child.kill('SIGKILL');
      }
    });
  },
);
