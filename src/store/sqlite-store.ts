import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createSlidingWindowLimiter } from '../command/rate-limiter.js';
import type { Verdict } from '../report/report.js';
import { MIGRATIONS, migrate } from './migrations.js';
import type { BodySeen, ScanRecord } from './scan-history.js';
import { holdInProcess } from './singleton.js';
import { sqliteWrite } from './sqlite-busy.js';
import { sqliteInstallationStore } from './sqlite-installation-store.js';
import { sqliteTlsRptStore } from './sqlite-tlsrpt-store.js';
import { sqliteWatchStore } from './sqlite-watch-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB_PATH = 'data/mtasts.db';

/** One database file holds scan history, watches/digests, installations and TLS-RPT reports; one process owns it, so limits stay in memory. */
export type SqliteStore = Store;

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
  try {
    refuseCorrupt(db);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db.close();
    throw error;
  }
  // Only at open, before the bot serves anyone, may SQLite busy-wait for a lock; afterwards every write retries
  // asynchronously (sqliteWrite) so a lock held by another process never blocks the event loop.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  db.pragma('busy_timeout = 0');

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
    ...sqliteInstallationStore(db),
    ...sqliteTlsRptStore(db),
    async bodiesUnderId(domain, policyId) {
      return bodies.all(domain, policyId);
    },
    async recentScans(domain, limit) {
      return recent.all(domain, limit).map(fromRow);
    },
    async record(scan) {
      const row = {
        ...scan,
        codes: JSON.stringify(scan.codes),
        mx: JSON.stringify(scan.mx),
        uncoveredMx: JSON.stringify(scan.uncoveredMx),
      };
      await sqliteWrite(() => insert.run(row));
    },
    rateLimiter: createSlidingWindowLimiter,
    holdSingleton: holdInProcess,
    async ping() {
      await pingSqlite(db);
    },
    // Synchronous inside: the file is closed when this returns, before the promise settles.
    async close() {
      db.close();
    },
  };
}

/** A database whose pages are damaged: every later query could fail, so the bot must not start on it. */
export class SqliteCorruptError extends Error {
  constructor(problem: string) {
    super(
      `the file is corrupted (${problem}): move it aside (or restore a backup) and start again to create a new one`,
    );
    this.name = 'SqliteCorruptError';
  }
}

/** PRAGMA quick_check at open (it reads every page once): a damaged file is refused here rather than failing every command later. */
function refuseCorrupt(db: Database.Database): void {
  let problems: string[];
  try {
    problems = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((row) => row.quick_check);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw new SqliteCorruptError((error as Error).message);
    throw error;
  }
  if (problems.length === 1 && problems[0] === 'ok') return;
  // The first line is a "*** in database main ***" banner; the next names the first damaged page.
  const first = problems
    .join('\n')
    .split('\n')
    .find((line) => line.trim() !== '' && !line.startsWith('***'));
  throw new SqliteCorruptError(`quick_check: ${first ?? 'failed'}`);
}

/** How long a readiness ping waits for another connection's write lock. */
const PING_BUSY_MS = 200;

/** Takes the write lock and reads the schema version, so a locked, closed or unmigrated database fails it. */
async function pingSqlite(db: Database.Database): Promise<void> {
  // One synchronous attempt per try, so no other write on this connection can land inside the rolled-back transaction.
  await sqliteWrite(() => {
    db.prepare('BEGIN IMMEDIATE').run();
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== MIGRATIONS.length) throw new Error(`schema version ${version}, expected ${MIGRATIONS.length}`);
    } finally {
      db.prepare('ROLLBACK').run();
    }
  }, PING_BUSY_MS);
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
