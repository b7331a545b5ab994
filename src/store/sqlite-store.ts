import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Verdict } from '../report/report.js';
import { migrate } from './migrations.js';
import type { BodySeen, ScanHistory, ScanRecord } from './scan-history.js';
import { sqliteTlsRptStore } from './sqlite-tlsrpt-store.js';
import { sqliteWatchStore } from './sqlite-watch-store.js';
import type { TlsRptStore } from './tlsrpt-store.js';
import type { WatchStore } from './watch-store.js';

export const DEFAULT_DB_PATH = 'data/mtasts.db';

/** One database file holds scan history, watches/digests and TLS-RPT reports. */
export interface SqliteStore extends ScanHistory, WatchStore, TlsRptStore {
  close(): void;
}

interface ScanRow {
  domain: string;
  scanned_at: string;
  verdict: string;
  codes: string;
  policy_id: string | null;
  sha256: string | null;
  mode: string | null;
  mx: string;
  uncovered_mx: string;
  cert_serial: string | null;
  cert_not_after: string | null;
  tlsrpt: string | null;
}

/** The default store: one SQLite file (":memory:" for tests), schema migrated on open. */
export function openSqliteStore(path: string = DEFAULT_DB_PATH): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const insert = db.prepare(`
    INSERT INTO scans (domain, scanned_at, verdict, codes, policy_id, sha256, mode, mx, uncovered_mx, cert_serial, cert_not_after, tlsrpt)
    VALUES (@domain, @scannedAt, @verdict, @codes, @policyId, @sha256, @mode, @mx, @uncoveredMx, @certSerial, @certNotAfter, @tlsrpt)`);
  const bodies = db.prepare<[string, string], BodySeen>(`
    SELECT sha256, MIN(scanned_at) AS firstSeen FROM scans
    WHERE domain = ? AND policy_id = ? AND sha256 IS NOT NULL
    GROUP BY sha256 ORDER BY firstSeen`);
  const recent = db.prepare<[string, number], ScanRow>(
    'SELECT * FROM scans WHERE domain = ? ORDER BY scanned_at DESC, id DESC LIMIT ?',
  );

  return {
    ...sqliteWatchStore(db),
    ...sqliteTlsRptStore(db),
    async bodiesUnderId(domain, policyId) {
      return bodies.all(domain, policyId);
    },
    async recentScans(domain, limit) {
      return recent.all(domain, limit).map(fromRow);
    },
    async record(scan) {
      insert.run({ ...scan, codes: JSON.stringify(scan.codes), mx: JSON.stringify(scan.mx), uncoveredMx: JSON.stringify(scan.uncoveredMx) });
    },
    close() {
      db.close();
    },
  };
}

function fromRow(row: ScanRow): ScanRecord {
  return {
    domain: row.domain,
    scannedAt: row.scanned_at,
    verdict: row.verdict as Verdict,
    codes: JSON.parse(row.codes) as string[],
    policyId: row.policy_id,
    sha256: row.sha256,
    mode: row.mode,
    mx: JSON.parse(row.mx) as string[],
    uncoveredMx: JSON.parse(row.uncovered_mx) as string[],
    certSerial: row.cert_serial,
    certNotAfter: row.cert_not_after,
    tlsrpt: row.tlsrpt,
  };
}
