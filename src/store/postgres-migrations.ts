import type { Pool } from 'pg';
import { SchemaTooNewError } from './migrations.js';

/**
 * Ordered schema steps for Postgres; `mtasts_migrations` records each one applied. Never edit one that shipped:
 * add the next. Times are timestamptz, lists and snapshots jsonb; a channel is (platform, workspace_id, channel_id).
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE scans (
    id bigserial PRIMARY KEY,
    domain text NOT NULL,
    scanned_at timestamptz NOT NULL,
    verdict text NOT NULL,
    codes jsonb NOT NULL,
    policy_id text,
    sha256 text,
    mode text,
    mx jsonb NOT NULL,
    uncovered_mx jsonb NOT NULL,
    cert_serial text,
    cert_not_after text,
    tlsrpt text
  );
  CREATE INDEX scans_by_domain ON scans (domain, scanned_at);
  CREATE INDEX scans_by_policy_id ON scans (domain, policy_id);
  CREATE TABLE digest_channels (
    platform text NOT NULL,
    workspace_id text NOT NULL,
    channel_id text NOT NULL,
    schedule jsonb,
    since timestamptz NOT NULL,
    last_digest_at timestamptz,
    PRIMARY KEY (platform, workspace_id, channel_id)
  );
  CREATE TABLE watches (
    platform text NOT NULL,
    workspace_id text NOT NULL,
    channel_id text NOT NULL,
    domain text NOT NULL,
    added_at timestamptz NOT NULL,
    PRIMARY KEY (platform, workspace_id, channel_id, domain)
  );
  CREATE TABLE digest_slots (
    platform text NOT NULL,
    workspace_id text NOT NULL,
    channel_id text NOT NULL,
    slot timestamptz NOT NULL,
    claimed_at timestamptz NOT NULL,
    PRIMARY KEY (platform, workspace_id, channel_id, slot)
  );
  CREATE TABLE digest_snapshots (
    platform text NOT NULL,
    workspace_id text NOT NULL,
    channel_id text NOT NULL,
    domain text NOT NULL,
    snapshot jsonb NOT NULL,
    PRIMARY KEY (platform, workspace_id, channel_id, domain)
  );
  CREATE TABLE rate_limits (
    key text PRIMARY KEY,
    takes bigint[] NOT NULL,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX rate_limits_by_expiry ON rate_limits (expires_at);
  `,
  // Workspaces that installed the bot through OAuth; `sealed` is the installation encrypted (tokens never in clear).
  `
  CREATE TABLE installations (
    platform text NOT NULL,
    workspace_id text NOT NULL,
    sealed text NOT NULL,
    installed_at timestamptz NOT NULL,
    PRIMARY KEY (platform, workspace_id)
  );
  `,
  // TLS-RPT reports per channel (one per organisation + report-id), the policy domains each one covers, and the
  // per-channel tokens of the rua endpoint.
  `
  CREATE TABLE tlsrpt_reports (
    id bigserial PRIMARY KEY,
    platform text NOT NULL,
    workspace_id text NOT NULL,
    channel_id text NOT NULL,
    dedup_key text NOT NULL,
    submitter text NOT NULL,
    organization text,
    report_id text,
    start_at timestamptz NOT NULL,
    end_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    summary jsonb NOT NULL,
    UNIQUE (platform, workspace_id, channel_id, dedup_key)
  );
  CREATE TABLE tlsrpt_report_domains (
    report bigint NOT NULL REFERENCES tlsrpt_reports (id),
    domain text NOT NULL,
    PRIMARY KEY (domain, report)
  );
  CREATE TABLE tlsrpt_tokens (
    token text PRIMARY KEY,
    platform text NOT NULL,
    workspace_id text NOT NULL,
    channel_id text NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (platform, workspace_id, channel_id)
  );
  `,
  // A claimed slot is posted, or unfinished (the process died between claim and post) and resumed later. Slots
  // claimed before this step count as posted.
  `
  ALTER TABLE digest_slots ADD COLUMN posted_at timestamptz, ADD COLUMN message_id text;
  UPDATE digest_slots SET posted_at = claimed_at;
  `,
];

/** The number of steps applied to the database `client` is on (0 on an empty one). */
export async function appliedPostgresMigrations(client: Pick<Pool, 'query'>): Promise<number> {
  const { rows } = await client.query<{ current: number }>(
    'SELECT COALESCE(MAX(version), 0) AS current FROM mtasts_migrations',
  );
  return rows[0]!.current;
}

/**
 * Applies the missing steps, each in its own transaction, under an advisory lock per schema: replicas starting
 * together wait for the first one, then find nothing left to do.
 */
export async function migratePostgres(pool: Pool, steps: readonly string[] = POSTGRES_MIGRATIONS): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('mtasts:migrate:' || current_schema()))`);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS mtasts_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const current = await appliedPostgresMigrations(client);
      if (current > steps.length) throw new SchemaTooNewError(current, steps.length);
      for (const [i, step] of steps.entries()) {
        if (i < current) continue;
        await client.query('BEGIN');
        try {
          await client.query(step);
          await client.query('INSERT INTO mtasts_migrations (version) VALUES ($1)', [i + 1]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('mtasts:migrate:' || current_schema()))`);
    }
  } finally {
    client.release();
  }
}
