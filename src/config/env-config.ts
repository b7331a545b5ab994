import { z } from 'zod';
import { isDnsServerAddress } from '../net/dns-server-address.js';
import { DEFAULT_WATCH_LIMITS, type WatchLimits } from '../store/watch-store.js';

/** A missing or malformed variable: the message is one line naming it, never its value (it may be a secret). */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** Stable, for callers that branch on it (the message may change). */
  readonly code = 'invalid-config';
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface SlackConfig {
  /** One workspace: its bot token. Unset when `oauth` is set. */
  botToken?: string;
  /** Many workspaces: Slack's OAuth install flow; each team's token comes from the installation store. */
  oauth?: SlackOAuthConfig;
  /** HTTP mode (Bolt's /slack/events on `port`). */
  signingSecret?: string;
  /** Socket Mode. */
  appToken?: string;
  port: number;
  apiUrl?: string;
  /** User ids that alone may change channels' watches and digest schedules; unset = anyone in the channel. */
  managers?: string[];
}

export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` parameter against CSRF. */
  stateSecret: string;
  /** AES-256 key (32 bytes) that encrypts each workspace's tokens at rest. */
  encryptionKey: Buffer;
}

export interface DiscordConfig {
  token: string;
  appId: string;
  apiUrl?: string;
  /** Role whose members may change channels' watches and digest schedules, besides Manage Channels. */
  managerRoleId?: string;
}

export interface EnvConfig {
  /** null when SLACK_BOT_TOKEN is unset. */
  slack: SlackConfig | null;
  /** null when DISCORD_TOKEN is unset. */
  discord: DiscordConfig | null;
  scanner: {
    /** DNS servers as `ip`, `ip:port` or `[v6]:port`; unset = the system's. */
    dns?: string[];
    allowPrivate: boolean;
    /** History database file; unset = the store's default. */
    dbPath?: string;
    /** The Postgres store shared by replicas; set, it replaces the SQLite file. */
    databaseUrl?: string;
    /** Port of every policy host; only a local test setup changes it from 443. */
    policyPort?: number;
    /** MTASTS_SMTP: probe the MX hosts on SMTP (default on); off, port 25 is never touched. */
    smtp: boolean;
    /** Port of every MX host; only a local test setup changes it from 25. */
    smtpPort?: number;
  };
  /** How many domains one channel, and all channels of one workspace, may watch. */
  watchLimits: WatchLimits;
  /** MTASTS_CONSOLE: open the console prompt (no platform configured) even when stdin is not a terminal. */
  console: boolean;
  /** The bot's own HTTP server (health, readiness, metrics); unset port = the default, or none at the console. */
  http: {
    port?: number;
    /** Serves /metrics here instead of on `port`, e.g. on an interface only the monitoring can reach. */
    metricsPort?: number;
  };
  /** Public base URL of the bot's HTTP server (MTASTS_PUBLIC_URL), for the rua address; null when unset. */
  publicUrl: string | null;
  logLevel: LogLevel;
  /** How long a stop waits for replies in flight before exiting without them; inside Docker's 10 s by default. */
  shutdownGraceMs: number;
}

/** Where the bot's HTTP server listens when MTASTS_HTTP_PORT is unset. */
export const DEFAULT_HTTP_PORT = 8080;

const noSpaces = (name: string) => z.string().regex(/^\S+$/, { error: `${name} must not contain spaces` });
const prefixed = (name: string, prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}\\S+$`), { error: `${name} must start with "${prefix}"` });
const httpUrl = (name: string) =>
  z.string().refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    error: `${name} must be an http:// or https:// URL`,
  });
const port = (name: string) =>
  z
    .string()
    .regex(/^\d{1,5}$/, { error: `${name} must be a port number (0-65535)` })
    .transform(Number)
    .refine((n) => n <= 65_535, { error: `${name} must be a port number (0-65535)` });
const flag = (name: string) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'], { error: `${name} must be one of 1, 0, true, false, yes, no` })
    .transform((value) => ['1', 'true', 'yes'].includes(value))
    .default(false);
// 32 random bytes, as `openssl rand -base64 32` or `openssl rand -hex 32` prints them.
const aesKey = (name: string) =>
  z
    .string()
    .transform((text) => (/^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64')))
    .refine((key) => key.length === 32, { error: `${name} must be 32 bytes, base64 or hex (openssl rand -base64 32)` });
// A million watches is far beyond what one bot can scan in a digest; a typo of that size is refused.
const limit = (name: string, fallback: number) =>
  z
    .string()
    .regex(/^[1-9]\d{0,5}$/, { error: `${name} must be a whole number from 1 to 999999` })
    .transform(Number)
    .default(fallback);

const envSchema = z
  .object({
    SLACK_BOT_TOKEN: prefixed('SLACK_BOT_TOKEN', 'xoxb-').optional(),
    SLACK_SIGNING_SECRET: noSpaces('SLACK_SIGNING_SECRET').optional(),
    SLACK_APP_TOKEN: prefixed('SLACK_APP_TOKEN', 'xapp-').optional(),
    SLACK_API_URL: httpUrl('SLACK_API_URL').optional(),
    SLACK_CLIENT_ID: noSpaces('SLACK_CLIENT_ID').optional(),
    SLACK_CLIENT_SECRET: noSpaces('SLACK_CLIENT_SECRET').optional(),
    SLACK_STATE_SECRET: noSpaces('SLACK_STATE_SECRET').optional(),
    MTASTS_ENCRYPTION_KEY: aesKey('MTASTS_ENCRYPTION_KEY').optional(),
    PORT: port('PORT').default(3000),
    DISCORD_TOKEN: noSpaces('DISCORD_TOKEN').optional(),
    DISCORD_APP_ID: z
      .string()
      .regex(/^\d{15,21}$/, { error: 'DISCORD_APP_ID must be the numeric application id' })
      .optional(),
    DISCORD_API_URL: httpUrl('DISCORD_API_URL').optional(),
    MTASTS_SLACK_MANAGERS: z
      .string()
      .transform((list) => list.split(',').map((id) => id.trim()))
      .refine((ids) => ids.every((id) => /^[UW][A-Z0-9]{2,}$/.test(id)), {
        error: 'MTASTS_SLACK_MANAGERS must be a comma-separated list of Slack user ids (U… or W…)',
      })
      .optional(),
    MTASTS_DISCORD_MANAGER_ROLE: z
      .string()
      .regex(/^\d{15,21}$/, { error: 'MTASTS_DISCORD_MANAGER_ROLE must be the numeric id of a role' })
      .optional(),
    MTASTS_DNS: z
      .string()
      .transform((list) => list.split(',').map((server) => server.trim()))
      .refine((servers) => servers.every(isDnsServerAddress), {
        error: 'MTASTS_DNS must be a comma-separated list of ip, ip:port or [ipv6]:port',
      })
      .optional(),
    MTASTS_ALLOW_PRIVATE: flag('MTASTS_ALLOW_PRIVATE'),
    MTASTS_CONSOLE: flag('MTASTS_CONSOLE'),
    MTASTS_DB: z.string().optional(),
    MTASTS_DATABASE_URL: z
      .string()
      .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
        error: 'MTASTS_DATABASE_URL must be a postgres:// or postgresql:// URL',
      })
      .optional(),
    MTASTS_POLICY_PORT: port('MTASTS_POLICY_PORT').optional(),
    MTASTS_SMTP: z
      .enum(['on', 'off'], { error: 'MTASTS_SMTP must be on or off' })
      .transform((flag) => flag === 'on')
      .default(true),
    MTASTS_SMTP_PORT: port('MTASTS_SMTP_PORT').optional(),
    MTASTS_HTTP_PORT: port('MTASTS_HTTP_PORT').optional(),
    METRICS_PORT: port('METRICS_PORT').optional(),
    MTASTS_WATCH_LIMIT_CHANNEL: limit('MTASTS_WATCH_LIMIT_CHANNEL', DEFAULT_WATCH_LIMITS.perChannel),
    MTASTS_WATCH_LIMIT_WORKSPACE: limit('MTASTS_WATCH_LIMIT_WORKSPACE', DEFAULT_WATCH_LIMITS.perWorkspace),
    MTASTS_SHUTDOWN_GRACE_MS: z
      .string()
      .regex(/^\d{1,6}$/, { error: 'MTASTS_SHUTDOWN_GRACE_MS must be a whole number of milliseconds up to 999999' })
      .transform(Number)
      .default(8000),
    MTASTS_PUBLIC_URL: z
      .string()
      .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', {
        error: 'MTASTS_PUBLIC_URL must be an https:// URL (RFC 8460 reports are posted over HTTPS only)',
      })
      .optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  })
  .check((ctx) => {
    const env = ctx.value;
    const require = (present: unknown, needed: unknown, message: string) => {
      if (present !== undefined && needed === undefined) ctx.issues.push({ code: 'custom', message, input: env });
    };
    const refuse = (both: boolean, message: string) => {
      if (both) ctx.issues.push({ code: 'custom', message, input: env });
    };
    require(env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET ??
      env.SLACK_APP_TOKEN, 'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required when SLACK_BOT_TOKEN is set');
    require(env.SLACK_SIGNING_SECRET ?? env.SLACK_APP_TOKEN, env.SLACK_BOT_TOKEN ??
      env.SLACK_CLIENT_ID, 'SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (many) is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
    // Many workspaces: the install pages and the OAuth redirect are served over HTTP, next to /slack/events.
    refuse(
      env.SLACK_CLIENT_ID !== undefined && env.SLACK_BOT_TOKEN !== undefined,
      'SLACK_BOT_TOKEN and SLACK_CLIENT_ID exclude each other: one workspace by token, or many through OAuth',
    );
    refuse(
      env.SLACK_CLIENT_ID !== undefined && env.SLACK_APP_TOKEN !== undefined,
      'SLACK_CLIENT_ID (OAuth install) runs in HTTP mode: set SLACK_SIGNING_SECRET instead of SLACK_APP_TOKEN',
    );
    for (const [name, value] of [
      ['SLACK_CLIENT_SECRET', env.SLACK_CLIENT_SECRET],
      ['SLACK_STATE_SECRET', env.SLACK_STATE_SECRET],
      ['SLACK_SIGNING_SECRET', env.SLACK_SIGNING_SECRET],
      ['MTASTS_ENCRYPTION_KEY', env.MTASTS_ENCRYPTION_KEY],
    ] as const) {
      require(env.SLACK_CLIENT_ID, value, `${name} is required when SLACK_CLIENT_ID is set`);
    }
    require(env.SLACK_CLIENT_SECRET ??
      env.SLACK_STATE_SECRET, env.SLACK_CLIENT_ID, 'SLACK_CLIENT_ID is required when SLACK_CLIENT_SECRET or SLACK_STATE_SECRET is set');
    require(env.DISCORD_TOKEN, env.DISCORD_APP_ID, 'DISCORD_APP_ID is required when DISCORD_TOKEN is set');
    require(env.DISCORD_APP_ID, env.DISCORD_TOKEN, 'DISCORD_TOKEN is required when DISCORD_APP_ID is set');
  });

/** The process environment as typed configuration; an empty variable counts as unset. Throws ConfigError. */
export function loadEnvConfig(env: NodeJS.ProcessEnv): EnvConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]?.message ?? 'invalid environment');
  const e = parsed.data;
  return {
    slack:
      e.SLACK_BOT_TOKEN === undefined && e.SLACK_CLIENT_ID === undefined
        ? null
        : {
            botToken: e.SLACK_BOT_TOKEN,
            oauth: slackOAuth(e),
            signingSecret: e.SLACK_SIGNING_SECRET,
            appToken: e.SLACK_APP_TOKEN,
            port: e.PORT,
            apiUrl: e.SLACK_API_URL,
            managers: e.MTASTS_SLACK_MANAGERS,
          },
    discord:
      e.DISCORD_TOKEN === undefined || e.DISCORD_APP_ID === undefined
        ? null
        : {
            token: e.DISCORD_TOKEN,
            appId: e.DISCORD_APP_ID,
            apiUrl: e.DISCORD_API_URL,
            managerRoleId: e.MTASTS_DISCORD_MANAGER_ROLE,
          },
    scanner: {
      dns: e.MTASTS_DNS,
      allowPrivate: e.MTASTS_ALLOW_PRIVATE,
      dbPath: e.MTASTS_DB,
      databaseUrl: e.MTASTS_DATABASE_URL,
      policyPort: e.MTASTS_POLICY_PORT,
      smtp: e.MTASTS_SMTP,
      smtpPort: e.MTASTS_SMTP_PORT,
    },
    watchLimits: { perChannel: e.MTASTS_WATCH_LIMIT_CHANNEL, perWorkspace: e.MTASTS_WATCH_LIMIT_WORKSPACE },
    http: { port: e.MTASTS_HTTP_PORT, metricsPort: e.METRICS_PORT },
    publicUrl: e.MTASTS_PUBLIC_URL ?? null,
    logLevel: e.LOG_LEVEL,
    console: e.MTASTS_CONSOLE,
    shutdownGraceMs: e.MTASTS_SHUTDOWN_GRACE_MS,
  };
}

function slackOAuth(e: z.infer<typeof envSchema>): SlackOAuthConfig | undefined {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = e;
  const encryptionKey = e.MTASTS_ENCRYPTION_KEY;
  // The schema already refused a client id without the rest.
  if (clientId === undefined || clientSecret === undefined || stateSecret === undefined || encryptionKey === undefined)
    return undefined;
  return { clientId, clientSecret, stateSecret, encryptionKey };
}
