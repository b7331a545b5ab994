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
];

export class SchemaTooNewError extends Error {
  constructor(found: number) {
    super(`database schema version ${found} is newer than this mtasts knows (${MIGRATIONS.length}); upgrade mtasts`);
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
