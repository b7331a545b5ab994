import { z } from 'zod';
import { isDnsServerAddress } from '../net/dns-server-address.js';
import { DEFAULT_WATCH_LIMITS, type WatchLimits } from '../store/watch-store.js';

/** A missing or malformed variable: the message is one line naming it, never its value (it may be a secret). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface SlackConfig {
  botToken: string;
  /** HTTP mode (Bolt's /slack/events on `port`). */
  signingSecret?: string;
  /** Socket Mode. */
  appToken?: string;
  port: number;
  apiUrl?: string;
}

export interface DiscordConfig {
  token: string;
  appId: string;
  apiUrl?: string;
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
    /** Port of every policy host; only a local test setup changes it from 443. */
    policyPort?: number;
  };
  /** How many domains one channel, and all channels of one workspace, may watch. */
  watchLimits: WatchLimits;
  /** Public base URL of the bot's HTTP server (MTASTS_PUBLIC_URL), for the rua address; null when unset. */
  publicUrl: string | null;
  logLevel: LogLevel;
}

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
    PORT: port('PORT').default(3000),
    DISCORD_TOKEN: noSpaces('DISCORD_TOKEN').optional(),
    DISCORD_APP_ID: z.string().regex(/^\d{15,21}$/, { error: 'DISCORD_APP_ID must be the numeric application id' }).optional(),
    DISCORD_API_URL: httpUrl('DISCORD_API_URL').optional(),
    MTASTS_DNS: z
      .string()
      .transform((list) => list.split(',').map((server) => server.trim()))
      .refine((servers) => servers.every(isDnsServerAddress), {
        error: 'MTASTS_DNS must be a comma-separated list of ip, ip:port or [ipv6]:port',
      })
      .optional(),
    MTASTS_ALLOW_PRIVATE: z
      .enum(['1', '0', 'true', 'false', 'yes', 'no'], { error: 'MTASTS_ALLOW_PRIVATE must be one of 1, 0, true, false, yes, no' })
      .transform((flag) => ['1', 'true', 'yes'].includes(flag))
      .default(false),
    MTASTS_DB: z.string().optional(),
    MTASTS_POLICY_PORT: port('MTASTS_POLICY_PORT').optional(),
    MTASTS_WATCH_LIMIT_CHANNEL: limit('MTASTS_WATCH_LIMIT_CHANNEL', DEFAULT_WATCH_LIMITS.perChannel),
    MTASTS_WATCH_LIMIT_WORKSPACE: limit('MTASTS_WATCH_LIMIT_WORKSPACE', DEFAULT_WATCH_LIMITS.perWorkspace),
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
    require(env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET ?? env.SLACK_APP_TOKEN,
      'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required when SLACK_BOT_TOKEN is set');
    require(env.SLACK_SIGNING_SECRET ?? env.SLACK_APP_TOKEN, env.SLACK_BOT_TOKEN,
      'SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
    require(env.DISCORD_TOKEN, env.DISCORD_APP_ID, 'DISCORD_APP_ID is required when DISCORD_TOKEN is set');
    require(env.DISCORD_APP_ID, env.DISCORD_TOKEN, 'DISCORD_TOKEN is required when DISCORD_APP_ID is set');
  });

/** The process environment as typed configuration; an empty variable counts as unset. Throws ConfigError. */
export function loadEnvConfig(env: NodeJS.ProcessEnv): EnvConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]?.message ?? 'invalid environment');
  const e = parsed.data;
  return {
    slack:
      e.SLACK_BOT_TOKEN === undefined
        ? null
        : { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, port: e.PORT, apiUrl: e.SLACK_API_URL },
    discord:
      e.DISCORD_TOKEN === undefined || e.DISCORD_APP_ID === undefined
        ? null
        : { token: e.DISCORD_TOKEN, appId: e.DISCORD_APP_ID, apiUrl: e.DISCORD_API_URL },
    scanner: { dns: e.MTASTS_DNS, allowPrivate: e.MTASTS_ALLOW_PRIVATE, dbPath: e.MTASTS_DB, policyPort: e.MTASTS_POLICY_PORT },
    watchLimits: { perChannel: e.MTASTS_WATCH_LIMIT_CHANNEL, perWorkspace: e.MTASTS_WATCH_LIMIT_WORKSPACE },
    publicUrl: e.MTASTS_PUBLIC_URL ?? null,
    logLevel: e.LOG_LEVEL,
  };
}
