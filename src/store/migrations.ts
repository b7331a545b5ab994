import type { Database } from 'better-sqlite3';

/** Ordered schema steps; PRAGMA user_version records how many ran. Never edit one that shipped: add the next. */
export const MIGRATIONS: ReadonlyArray<(db: Database) => void> = [
  (db) =>
    db.exec(`
      CREATE TABLE scans (
        id INTEGER PRIMARY KEY,
        domain TEXT NOT NULL,
        scanned_at TEXT NOT NULL,
        verdict TEXT NOT NULL,
        codes TEXT NOT NULL,
        policy_id TEXT,
        sha256 TEXT,
        mode TEXT,
        mx TEXT NOT NULL,
        cert_serial TEXT,
        cert_not_after TEXT,
        tlsrpt TEXT
      );
      CREATE INDEX scans_by_domain ON scans (domain, scanned_at);
      CREATE INDEX scans_by_policy_id ON scans (domain, policy_id);
    `),
  // Watched domains and digests. A channel is (platform, workspace_id, channel_id) throughout.
  (db) =>
    db.exec(`
      CREATE TABLE digest_channels (
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        schedule TEXT,
        since TEXT NOT NULL,
        last_digest_at TEXT,
        PRIMARY KEY (platform, workspace_id, channel_id)
      );
      CREATE TABLE watches (
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        domain TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (platform, workspace_id, channel_id, domain)
      );
      CREATE TABLE digest_slots (
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        PRIMARY KEY (platform, workspace_id, channel_id, slot)
      );
      CREATE TABLE digest_snapshots (
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        domain TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        PRIMARY KEY (platform, workspace_id, channel_id, domain)
      );
    `),
  (db) => db.exec(`ALTER TABLE scans ADD COLUMN uncovered_mx TEXT NOT NULL DEFAULT '[]';`),
  // Workspaces that installed the bot through OAuth; `sealed` is the installation encrypted (tokens never in clear).
  (db) =>
    db.exec(`
      CREATE TABLE installations (
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        sealed TEXT NOT NULL,
        installed_at TEXT NOT NULL,
        PRIMARY KEY (platform, workspace_id)
      );
    `),
  // TLS-RPT reports per channel (one per organisation + report-id), the policy domains each one covers, and the
  // per-channel tokens of the rua endpoint.
  (db) =>
    db.exec(`
      CREATE TABLE tlsrpt_reports (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        dedup_key TEXT NOT NULL,
        submitter TEXT NOT NULL,
        organization TEXT,
        report_id TEXT,
        start_at TEXT NOT NULL,
        end_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        summary TEXT NOT NULL,
        UNIQUE (platform, workspace_id, channel_id, dedup_key)
      );
      CREATE TABLE tlsrpt_report_domains (
        report INTEGER NOT NULL REFERENCES tlsrpt_reports (id),
        domain TEXT NOT NULL,
        PRIMARY KEY (domain, report)
      );
      CREATE TABLE tlsrpt_tokens (
        token TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (platform, workspace_id, channel_id)
      );
    `),
  // A claimed slot is posted, or unfinished (the process died between claim and post) and resumed by the next one.
  // Slots claimed before this step were handled by the code of the day: they count as posted.
  (db) =>
    db.exec(`
      ALTER TABLE digest_slots ADD COLUMN posted_at TEXT;
      ALTER TABLE digest_slots ADD COLUMN message_id TEXT;
      UPDATE digest_slots SET posted_at = claimed_at;
    `),
];

export class SchemaTooNewError extends Error {
  constructor(found: number, known: number = MIGRATIONS.length) {
    super(`database schema version ${found} is newer than this mtasts knows (${known}); upgrade mtasts`);
  }
}

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) throw new SchemaTooNewError(current);
  MIGRATIONS.slice(current).forEach((step, i) => {
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
}
