import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDomain, startFixtureInternet, type FixtureInternet } from '../fixture/fixture-internet.js';
import { healthy } from '../scan/scan-harness.js';

const ENTRY = fileURLToPath(new URL('../../dist/adapters/start.js', import.meta.url));
let internet: FixtureInternet;
let dir: string;

beforeAll(async () => {
  internet = await startFixtureInternet();
  dir = mkdtempSync(join(tmpdir(), 'mtasts-start-'));
  writeFileSync(join(dir, 'ca.pem'), internet.ca.certPem);
  await publishDomain(internet, 'good.example', healthy()('good.example'));
});

afterAll(async () => {
  await internet?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm start` as a process, with only the environment given here (no tokens from the machine). */
function start(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      PATH: process.env['PATH'] ?? '',
      MTASTS_DNS: internet.dns.server,
      MTASTS_ALLOW_PRIVATE: '1',
      MTASTS_POLICY_PORT: String(internet.https.port),
      MTASTS_DB: join(dir, 'bot.db'),
      NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('npm start', () => {
  it('refuses a malformed variable with one line naming it and exit code 2', async () => {
    const bot = start({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'not-an-app-token' });
    let err = '';
    bot.child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    expect(await bot.exit).toBe(2);
    expect(err.trimEnd().split('\n')).toEqual(['mtasts: SLACK_APP_TOKEN must start with "xapp-"']);
    expect(bot.output()).toBe('');
  });

  it('opens the console adapter when no platform is configured, answers /mtasts and quits cleanly', async () => {
    const bot = start({});
    bot.child.stdin.write('/mtasts good.example\n');
    await waitFor(() => bot.output().includes('Enforced'), 'the scan result');
    expect(bot.output()).toContain('good.example');
    bot.child.stdin.write('quit\n');
    expect(await bot.exit).toBe(0);
  });

  it('stops gracefully on SIGTERM', async () => {
    const bot = start({});
    await waitFor(() => bot.output().length > 0, 'the prompt');
    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
  });
});
