import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnvConfig } from '../../src/config/env-config.js';

const SLACK_HTTP = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5' };
// 32 bytes: 0x00, 0x01, … 0x1f.
const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const SLACK_OAUTH = {
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret',
  SLACK_SIGNING_SECRET: 'signing-secret',
  MTASTS_ENCRYPTION_KEY: KEY_HEX,
};
const DISCORD = { DISCORD_TOKEN: 'MTA.discord.token', DISCORD_APP_ID: '123456789012345678' };

function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadEnvConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ name: 'ConfigError', code: 'invalid-config' });
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadEnvConfig', () => {
  it('enables neither chat platform on an empty environment and applies the defaults', () => {
    expect(loadEnvConfig({})).toEqual({
      slack: null,
      discord: null,
      scanner: { dns: undefined, allowPrivate: false, dbPath: undefined, databaseUrl: undefined, smtp: true },
      watchLimits: { perChannel: 200, perWorkspace: 1000 },
      http: { port: undefined, metricsPort: undefined },
      publicUrl: null,
      logLevel: 'info',
      console: false,
      shutdownGraceMs: 8000,
    });
  });

  it('reads the shutdown grace period in milliseconds', () => {
    expect(loadEnvConfig({ MTASTS_SHUTDOWN_GRACE_MS: '2500' }).shutdownGraceMs).toBe(2500);
    expect(errorOf({ MTASTS_SHUTDOWN_GRACE_MS: '8s' })).toBe(
      'MTASTS_SHUTDOWN_GRACE_MS must be a whole number of milliseconds up to 999999',
    );
  });

  it('enables Slack OAuth installs for many workspaces, with the encryption key as hex or base64', () => {
    const expected = {
      botToken: undefined,
      oauth: {
        clientId: '1234.5678',
        clientSecret: 'client-secret',
        stateSecret: 'state-secret',
        encryptionKey: Buffer.from(KEY_HEX, 'hex'),
      },
      signingSecret: 'signing-secret',
      port: 3000,
    };
    expect(loadEnvConfig(SLACK_OAUTH).slack).toEqual(expected);
    const base64 = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
    expect(loadEnvConfig({ ...SLACK_OAUTH, MTASTS_ENCRYPTION_KEY: base64 }).slack).toEqual(expected);
  });

  it('takes the HTTP server and metrics ports', () => {
    expect(loadEnvConfig({ MTASTS_HTTP_PORT: '9090', METRICS_PORT: '9100' }).http).toEqual({
      port: 9090,
      metricsPort: 9100,
    });
  });

  it('enables Slack in HTTP mode on port 3000 when the bot token and signing secret are set', () => {
    expect(loadEnvConfig(SLACK_HTTP).slack).toEqual({
      botToken: 'xoxb-1-2-abc',
      signingSecret: SLACK_HTTP.SLACK_SIGNING_SECRET,
      appToken: undefined,
      port: 3000,
      apiUrl: undefined,
    });
  });

  it('enables Slack in Socket Mode with an app token, and takes PORT and SLACK_API_URL', () => {
    const config = loadEnvConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1-A1-2',
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:4000/api/',
    });
    expect(config.slack).toMatchObject({ appToken: 'xapp-1-A1-2', port: 8080, apiUrl: 'http://127.0.0.1:4000/api/' });
  });

  it('enables Discord when its token and application id are set', () => {
    expect(loadEnvConfig({ ...DISCORD, DISCORD_API_URL: 'http://127.0.0.1:5000/api' }).discord).toEqual({
      token: DISCORD.DISCORD_TOKEN,
      appId: DISCORD.DISCORD_APP_ID,
      apiUrl: 'http://127.0.0.1:5000/api',
    });
  });

  it('enables both platforms at once', () => {
    const config = loadEnvConfig({ ...SLACK_HTTP, ...DISCORD });
    expect(config.slack).not.toBeNull();
    expect(config.discord).not.toBeNull();
  });

  it('treats an empty variable as unset', () => {
    expect(loadEnvConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '  ', LOG_LEVEL: '' })).toMatchObject({
      slack: null,
      discord: null,
      logLevel: 'info',
    });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-wrong' }, 'SLACK_APP_TOKEN must start with "xapp-"'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN must start with "xoxb-"'],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required when SLACK_BOT_TOKEN is set',
    ],
    [
      { SLACK_APP_TOKEN: 'xapp-1' },
      'SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (many) is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set',
    ],
    [
      { ...SLACK_OAUTH, SLACK_BOT_TOKEN: 'xoxb-1' },
      'SLACK_BOT_TOKEN and SLACK_CLIENT_ID exclude each other: one workspace by token, or many through OAuth',
    ],
    [
      { ...SLACK_OAUTH, SLACK_APP_TOKEN: 'xapp-1' },
      'SLACK_CLIENT_ID (OAuth install) runs in HTTP mode: set SLACK_SIGNING_SECRET instead of SLACK_APP_TOKEN',
    ],
    [
      { ...SLACK_OAUTH, MTASTS_ENCRYPTION_KEY: undefined },
      'MTASTS_ENCRYPTION_KEY is required when SLACK_CLIENT_ID is set',
    ],
    [{ ...SLACK_OAUTH, SLACK_STATE_SECRET: undefined }, 'SLACK_STATE_SECRET is required when SLACK_CLIENT_ID is set'],
    [
      { ...SLACK_OAUTH, SLACK_SIGNING_SECRET: undefined },
      'SLACK_SIGNING_SECRET is required when SLACK_CLIENT_ID is set',
    ],
    [
      { SLACK_CLIENT_SECRET: 'abc' },
      'SLACK_CLIENT_ID is required when SLACK_CLIENT_SECRET or SLACK_STATE_SECRET is set',
    ],
    [
      { ...SLACK_OAUTH, MTASTS_ENCRYPTION_KEY: 'c2hvcnQ=' },
      'MTASTS_ENCRYPTION_KEY must be 32 bytes, base64 or hex (openssl rand -base64 32)',
    ],
    [{ MTASTS_HTTP_PORT: 'http' }, 'MTASTS_HTTP_PORT must be a port number (0-65535)'],
    [{ METRICS_PORT: '99999' }, 'METRICS_PORT must be a port number (0-65535)'],
    [{ DISCORD_TOKEN: 'abc' }, 'DISCORD_APP_ID is required when DISCORD_TOKEN is set'],
    [{ DISCORD_APP_ID: '123456789012345678' }, 'DISCORD_TOKEN is required when DISCORD_APP_ID is set'],
    [{ ...DISCORD, DISCORD_APP_ID: 'my-app' }, 'DISCORD_APP_ID must be the numeric application id'],
    [{ ...SLACK_HTTP, PORT: '70000' }, 'PORT must be a port number (0-65535)'],
    [{ MTASTS_SMTP: 'no' }, 'MTASTS_SMTP must be on or off'],
    [{ MTASTS_SMTP_PORT: '25x' }, 'MTASTS_SMTP_PORT must be a port number (0-65535)'],
    [{ ...SLACK_HTTP, PORT: '3000abc' }, 'PORT must be a port number (0-65535)'],
    [{ ...SLACK_HTTP, SLACK_API_URL: 'ftp://example.com/' }, 'SLACK_API_URL must be an http:// or https:// URL'],
    [{ ...DISCORD, DISCORD_API_URL: 'not a url' }, 'DISCORD_API_URL must be an http:// or https:// URL'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ MTASTS_ALLOW_PRIVATE: 'maybe' }, 'MTASTS_ALLOW_PRIVATE must be one of 1, 0, true, false, yes, no'],
    [{ MTASTS_CONSOLE: 'on' }, 'MTASTS_CONSOLE must be one of 1, 0, true, false, yes, no'],
    [{ MTASTS_WATCH_LIMIT_CHANNEL: '0' }, 'MTASTS_WATCH_LIMIT_CHANNEL must be a whole number from 1 to 999999'],
    [{ MTASTS_WATCH_LIMIT_CHANNEL: '-5' }, 'MTASTS_WATCH_LIMIT_CHANNEL must be a whole number from 1 to 999999'],
    [{ MTASTS_WATCH_LIMIT_CHANNEL: '2e3' }, 'MTASTS_WATCH_LIMIT_CHANNEL must be a whole number from 1 to 999999'],
    [
      { MTASTS_WATCH_LIMIT_WORKSPACE: '1000000' },
      'MTASTS_WATCH_LIMIT_WORKSPACE must be a whole number from 1 to 999999',
    ],
    [{ MTASTS_WATCH_LIMIT_WORKSPACE: '010' }, 'MTASTS_WATCH_LIMIT_WORKSPACE must be a whole number from 1 to 999999'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(errorOf(env)).toBe(message);
  });

  it('never puts a secret value into the error message', () => {
    const message = errorOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'sekrit-app-token-value' });
    expect(message).not.toContain('sekrit');
    expect(message).not.toContain('\n');
  });

  it('reads MTASTS_DNS as a list of ip, ip:port and [ipv6]:port servers', () => {
    expect(loadEnvConfig({ MTASTS_DNS: '127.0.0.1:5353, 9.9.9.9,[::1]:53,2001:db8::1' }).scanner.dns).toEqual([
      '127.0.0.1:5353',
      '9.9.9.9',
      '[::1]:53',
      '2001:db8::1',
    ]);
  });

  it.each(['dns.google', '1.1.1.1:0', '1.1.1.1:99999', '[::1]', '::1:53x', '1.1.1.1,,8.8.8.8'])(
    'refuses the DNS server list %j',
    (servers) => {
      expect(errorOf({ MTASTS_DNS: servers })).toBe(
        'MTASTS_DNS must be a comma-separated list of ip, ip:port or [ipv6]:port',
      );
    },
  );

  it('reads MTASTS_ALLOW_PRIVATE, MTASTS_DB and LOG_LEVEL', () => {
    expect(
      loadEnvConfig({ MTASTS_ALLOW_PRIVATE: 'true', MTASTS_DB: '/var/lib/mtasts/db', LOG_LEVEL: 'debug' }),
    ).toMatchObject({
      scanner: { allowPrivate: true, dbPath: '/var/lib/mtasts/db' },
      logLevel: 'debug',
    });
    expect(loadEnvConfig({ MTASTS_ALLOW_PRIVATE: '0' }).scanner.allowPrivate).toBe(false);
  });

  it('reads MTASTS_CONSOLE', () => {
    expect(loadEnvConfig({ MTASTS_CONSOLE: '1' }).console).toBe(true);
    expect(loadEnvConfig({ MTASTS_CONSOLE: 'no' }).console).toBe(false);
  });

  it('turns the SMTP probe off with MTASTS_SMTP=off and takes the SMTP port of a local test setup', () => {
    expect(loadEnvConfig({ MTASTS_SMTP: 'off', MTASTS_SMTP_PORT: '2525' }).scanner).toMatchObject({
      smtp: false,
      smtpPort: 2525,
    });
    expect(loadEnvConfig({ MTASTS_SMTP: 'on' }).scanner.smtp).toBe(true);
  });

  it('reads who may change watches and digest schedules: Slack user ids, a Discord role id', () => {
    const config = loadEnvConfig({
      ...SLACK_HTTP,
      ...DISCORD,
      MTASTS_SLACK_MANAGERS: 'U012AB, W0CDE',
      MTASTS_DISCORD_MANAGER_ROLE: '234567890123456789',
    });
    expect(config.slack?.managers).toEqual(['U012AB', 'W0CDE']);
    expect(config.discord?.managerRoleId).toBe('234567890123456789');
    expect(loadEnvConfig({ ...SLACK_HTTP, ...DISCORD }).slack?.managers).toBeUndefined();
    expect(errorOf({ MTASTS_SLACK_MANAGERS: 'U012AB,@alice' })).toBe(
      'MTASTS_SLACK_MANAGERS must be a comma-separated list of Slack user ids (U… or W…)',
    );
    expect(errorOf({ MTASTS_DISCORD_MANAGER_ROLE: 'admins' })).toBe(
      'MTASTS_DISCORD_MANAGER_ROLE must be the numeric id of a role',
    );
  });

  it('reads MTASTS_DATABASE_URL as the shared store', () => {
    expect(loadEnvConfig({ MTASTS_DATABASE_URL: 'postgres://bot:secret@db:5432/mtasts' }).scanner.databaseUrl).toBe(
      'postgres://bot:secret@db:5432/mtasts',
    );
    expect(loadEnvConfig({ MTASTS_DATABASE_URL: 'postgresql://db/mtasts' }).scanner.databaseUrl).toBe(
      'postgresql://db/mtasts',
    );
    expect(loadEnvConfig({}).scanner.databaseUrl).toBeUndefined();
  });

  it.each(['mysql://db/mtasts', 'db:5432/mtasts', 'http://db/mtasts'])(
    'refuses the database URL %j without echoing it',
    (url) => {
      expect(errorOf({ MTASTS_DATABASE_URL: url })).toBe(
        'MTASTS_DATABASE_URL must be a postgres:// or postgresql:// URL',
      );
    },
  );

  it('reads the watch limits per channel and per workspace', () => {
    expect(
      loadEnvConfig({ MTASTS_WATCH_LIMIT_CHANNEL: '50', MTASTS_WATCH_LIMIT_WORKSPACE: '400' }).watchLimits,
    ).toEqual({
      perChannel: 50,
      perWorkspace: 400,
    });
    expect(loadEnvConfig({ MTASTS_WATCH_LIMIT_CHANNEL: '999999' }).watchLimits).toEqual({
      perChannel: 999_999,
      perWorkspace: 1000,
    });
  });

  it('takes MTASTS_PUBLIC_URL for the rua address, https only', () => {
    expect(loadEnvConfig({ MTASTS_PUBLIC_URL: 'https://mtasts.example.net/bot/' }).publicUrl).toBe(
      'https://mtasts.example.net/bot/',
    );
    expect(() => loadEnvConfig({ MTASTS_PUBLIC_URL: 'http://mtasts.example.net' })).toThrow(
      'MTASTS_PUBLIC_URL must be an https:// URL (RFC 8460 reports are posted over HTTPS only)',
    );
  });
});
