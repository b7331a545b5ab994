import type { SingletonLogger } from './postgres-singleton.js';
import type { Store } from './store.js';

export interface StoreConfig {
  /** `postgres://…` (MTASTS_DATABASE_URL): the store shared by replicas. */
  databaseUrl?: string;
  /** The SQLite file (MTASTS_DB) when no database URL is set. */
  dbPath?: string;
}

const QUIET: SingletonLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The one place that picks the store: Postgres when a database URL is configured, else the SQLite file. The
 * logger hears of lost connections and the singleton lock; a one-shot CLI run leaves it quiet.
 */
export async function openStore(config: StoreConfig, logger: SingletonLogger = QUIET): Promise<Store> {
  // Each driver is loaded only when picked: pg alone costs a one-shot CLI run more than its whole scan.
  if (config.databaseUrl !== undefined) {
    const { openPostgresStore } = await import('./postgres-store.js');
    return openPostgresStore(config.databaseUrl, { logger });
  }
  const { DEFAULT_DB_PATH, openSqliteStore } = await import('./sqlite-store.js');
  return openSqliteStore(config.dbPath ?? DEFAULT_DB_PATH);
}
