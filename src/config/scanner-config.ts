import * as z from 'zod/mini';
import { isDnsServerAddress } from '../net/dns-server-address.js';
import { flag, parseEnv, port } from './env-fields.js';

/** How scans run, from MTASTS_*: read by the CLI and the bot with the same rules and the same one-line errors. */
export interface ScannerConfig {
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
}

/** The scanner's variables, spread into the bot's whole-environment schema. */
export const scannerEnvShape = {
  MTASTS_DNS: z.optional(
    z.pipe(
      z.string(),
      z.pipe(
        z.transform((list: string) => list.split(',').map((server) => server.trim())),
        z.array(z.string()).check(
          z.refine((servers) => servers.every(isDnsServerAddress), {
            error: 'MTASTS_DNS must be a comma-separated list of ip, ip:port or [ipv6]:port',
          }),
        ),
      ),
    ),
  ),
  MTASTS_ALLOW_PRIVATE: flag('MTASTS_ALLOW_PRIVATE'),
  MTASTS_DB: z.optional(z.string()),
  MTASTS_DATABASE_URL: z.optional(
    z.string().check(
      z.refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
        error: 'MTASTS_DATABASE_URL must be a postgres:// or postgresql:// URL',
      }),
    ),
  ),
  MTASTS_POLICY_PORT: z.optional(port('MTASTS_POLICY_PORT')),
  MTASTS_SMTP: z._default(
    z.pipe(
      z.enum(['on', 'off'], { error: 'MTASTS_SMTP must be on or off' }),
      z.transform((value) => value === 'on'),
    ),
    true,
  ),
  MTASTS_SMTP_PORT: z.optional(port('MTASTS_SMTP_PORT')),
};

const scannerEnvSchema = z.object(scannerEnvShape);

export function scannerConfig(e: z.infer<typeof scannerEnvSchema>): ScannerConfig {
  return {
    dns: e.MTASTS_DNS,
    allowPrivate: e.MTASTS_ALLOW_PRIVATE,
    dbPath: e.MTASTS_DB,
    databaseUrl: e.MTASTS_DATABASE_URL,
    policyPort: e.MTASTS_POLICY_PORT,
    smtp: e.MTASTS_SMTP,
    smtpPort: e.MTASTS_SMTP_PORT,
  };
}

/** The scanner's part of the environment; throws ConfigError naming the first bad variable. */
export function loadScannerConfig(env: NodeJS.ProcessEnv): ScannerConfig {
  return scannerConfig(parseEnv(scannerEnvSchema, env));
}
