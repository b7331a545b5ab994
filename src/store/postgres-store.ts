import pg from 'pg';
import type { Verdict } from '../report/report.js';
import { postgresInstallationStore } from './postgres-installation-store.js';
import { appliedPostgresMigrations, migratePostgres, POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { postgresRateLimiter } from './postgres-rate-limiter.js';
import { postgresSingleton, type SingletonLogger } from './postgres-singleton.js';
import { postgresTlsRptStore } from './postgres-tlsrpt-store.js';
import { postgresWatchStore } from './postgres-watch-store.js';
import type { ScanRecord } from './scan-history.js';
import type { Store } from './store.js';

/** Connections per replica: scans and digests are few, short statements. */
const POOL_SIZE = 10;
/** No statement may hold a connection longer; a stuck query fails instead of starving the pool. */
export const STATEMENT_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 10_000;

export interface PostgresStoreOptions {
  logger: SingletonLogger;
  /** How often the singleton lock is polled (tests shorten it). */
  singletonPollMs?: number;
}

interface ScanRow {
  domain: string;
  scanned_at: Date;
  verdict: string;
  codes: string[];
  policy_id: string | null;
  sha256: string | null;
  mode: string | null;
  mx: string[];
  uncovered_mx: string[];
  cert_serial: string | null;
  cert_not_after: string | null;
  tlsrpt: string | null;
}

/** The shared store for several replicas: a pooled Postgres database, migrated on open under an advisory lock. */
export async function openPostgresStore(
  url: string,
  { logger, singletonPollMs }: PostgresStoreOptions,
): Promise<Store> {
  const connection: pg.ClientConfig = {
    connectionString: url,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'mtasts',
  };
  const pool = new pg.Pool({ ...connection, max: POOL_SIZE });
  // An idle connection that breaks (database restart) is dropped by the pool; the next query opens a new one.
  pool.on('error', (error) => logger.warn({ err: error }, 'postgres: idle connection lost'));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  return {
    ...postgresWatchStore(pool),
    ...postgresInstallationStore(pool),
    ...postgresTlsRptStore(pool),
    async bodiesUnderId(domain, policyId) {
      const { rows } = await pool.query<{ sha256: string; first_seen: Date }>(
        `SELECT sha256, MIN(scanned_at) AS first_seen FROM scans
         WHERE domain = $1 AND policy_id = $2 AND sha256 IS NOT NULL
         GROUP BY sha256 ORDER BY first_seen`,
        [domain, policyId],
      );
      return rows.map((row) => ({ sha256: row.sha256, firstSeen: row.first_seen.toISOString() }));
    },
    async recentScans(domain, limit) {
      const { rows } = await pool.query<ScanRow>(
        'SELECT * FROM scans WHERE domain = $1 ORDER BY scanned_at DESC, id DESC LIMIT $2',
        [domain, limit],
      );
      return rows.map(fromRow);
    },
    async record(scan) {
      await pool.query(
        `INSERT INTO scans (domain, scanned_at, verdict, codes, policy_id, sha256, mode, mx, uncovered_mx, cert_serial, cert_not_after, tlsrpt)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          scan.domain,
          scan.scannedAt,
          scan.verdict,
          JSON.stringify(scan.codes),
          scan.policyId,
          scan.sha256,
          scan.mode,
          JSON.stringify(scan.mx),
          JSON.stringify(scan.uncoveredMx),
          scan.certSerial,
          scan.certNotAfter,
          scan.tlsrpt,
        ],
      );
    },
    rateLimiter: (options) => postgresRateLimiter(pool, options),
    holdSingleton: postgresSingleton({ connection, pollMs: singletonPollMs, logger }),
    // A pooled connection answers and the schema is this version's (another replica may have migrated it further).
    async ping() {
      const applied = await appliedPostgresMigrations(pool);
      if (applied !== POSTGRES_MIGRATIONS.length)
        throw new Error(`schema version ${applied}, expected ${POSTGRES_MIGRATIONS.length}`);
    },
    close: () => pool.end(),
  };
}

function fromRow(row: ScanRow): ScanRecord {
  return {
    domain: row.domain,
    scannedAt: row.scanned_at.toISOString(),
    verdict: row.verdict as Verdict,
    codes: row.codes,
    policyId: row.policy_id,
    sha256: row.sha256,
    mode: row.mode,
    mx: row.mx,
    uncoveredMx: row.uncovered_mx,
    certSerial: row.cert_serial,
    certNotAfter: row.cert_not_after,
    tlsrpt: row.tlsrpt,
  };
}
