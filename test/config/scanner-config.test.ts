import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.js';
import { ConfigError, loadEnvConfig } from '../../src/config/env-config.js';
import { loadScannerConfig } from '../../src/config/scanner-config.js';

const BOT = fileURLToPath(new URL('../../dist/adapters/start.js', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/mtasts', import.meta.url));

const REFUSED: Array<[Record<string, string>, string]> = [
  [{ MTASTS_ALLOW_PRIVATE: 'banana' }, 'MTASTS_ALLOW_PRIVATE must be one of 1, 0, true, false, yes, no'],
  [{ MTASTS_POLICY_PORT: '99999' }, 'MTASTS_POLICY_PORT must be a port number (0-65535)'],
  [{ MTASTS_SMTP_PORT: '25x' }, 'MTASTS_SMTP_PORT must be a port number (0-65535)'],
  [{ MTASTS_SMTP: 'maybe' }, 'MTASTS_SMTP must be on or off'],
  [{ MTASTS_DNS: 'resolver.example' }, 'MTASTS_DNS must be a comma-separated list of ip, ip:port or [ipv6]:port'],
  [{ MTASTS_DATABASE_URL: 'mysql://db' }, 'MTASTS_DATABASE_URL must be a postgres:// or postgresql:// URL'],
];

function spawned(
  file: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [file, ...args],
      { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 20_000 },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    ),
  );
}

describe('loadScannerConfig', () => {
  it('applies the defaults on an empty environment and treats a blank variable as unset', () => {
    expect(loadScannerConfig({ MTASTS_POLICY_PORT: ' ' })).toStrictEqual({
      dns: undefined,
      allowPrivate: false,
      dbPath: undefined,
      databaseUrl: undefined,
      policyPort: undefined,
      smtp: true,
      smtpPort: undefined,
    });
  });

  it('reads every scanner variable', () => {
    expect(
      loadScannerConfig({
        MTASTS_DNS: '192.0.2.53, [2001:db8::53]:5353',
        MTASTS_ALLOW_PRIVATE: 'yes',
        MTASTS_DB: '/var/lib/mtasts/db',
        MTASTS_DATABASE_URL: 'postgres://mtasts@db/mtasts',
        MTASTS_POLICY_PORT: '8443',
        MTASTS_SMTP: 'off',
        MTASTS_SMTP_PORT: '2525',
        SLACK_BOT_TOKEN: 'not read here',
      }),
    ).toStrictEqual({
      dns: ['192.0.2.53', '[2001:db8::53]:5353'],
      allowPrivate: true,
      dbPath: '/var/lib/mtasts/db',
      databaseUrl: 'postgres://mtasts@db/mtasts',
      policyPort: 8443,
      smtp: false,
      smtpPort: 2525,
    });
  });

  it('is the scanner part of the bot configuration', () => {
    const env = { MTASTS_DNS: '192.0.2.53', MTASTS_ALLOW_PRIVATE: '1', MTASTS_SMTP_PORT: '2525' };
    expect(loadEnvConfig(env).scanner).toStrictEqual(loadScannerConfig(env));
  });
});

describe('one set of rules for the CLI and the bot', () => {
  it.each(REFUSED)('refuses %j in the scanner and the bot configuration with one line', (env, message) => {
    expect(() => loadScannerConfig(env)).toThrow(new ConfigError(message));
    expect(() => loadEnvConfig(env)).toThrow(new ConfigError(message));
  });

  it.each(REFUSED)('mtasts scan refuses %j with exit 2 before scanning', async (env, message) => {
    let stdout = '';
    let stderr = '';
    const io = {
      env,
      stdout: { write: (text: string) => ((stdout += text), true) } as unknown as NodeJS.WritableStream,
      stderr: { write: (text: string) => ((stderr += text), true) } as unknown as NodeJS.WritableStream,
    };
    expect(await runCli(['scan', 'good.example'], io)).toBe(2);
    expect({ stdout, stderr }).toEqual({ stdout: '', stderr: `mtasts: ${message}\n` });
  });

  it.each([
    [{ MTASTS_ALLOW_PRIVATE: 'banana' }, 'MTASTS_ALLOW_PRIVATE must be one of 1, 0, true, false, yes, no'],
    [{ MTASTS_POLICY_PORT: '99999' }, 'MTASTS_POLICY_PORT must be a port number (0-65535)'],
  ])('the CLI and the bot processes print the same line for %j and exit 2', async (env, message) => {
    const [cli, bot] = await Promise.all([spawned(BIN, ['scan', 'good.example'], env), spawned(BOT, [], env)]);
    expect(cli).toEqual({ code: 2, out: '', err: `mtasts: ${message}\n` });
    expect(bot).toEqual({ code: 2, out: '', err: `mtasts: ${message}\n` });
  });
});
