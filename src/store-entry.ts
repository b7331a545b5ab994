/**
 * `mtasts/store`: where scans, watches, installations and TLS-RPT reports are kept. `openStore` loads the driver it
 * picks (SQLite's addon, or pg for a database URL) only when called.
 */

export { openStore, type StoreConfig } from './store/open-store.js';
export type { ScanHistory, ScanRecord } from './store/scan-history.js';
export { DEFAULT_DB_PATH, openSqliteStore } from './store/sqlite-store.js';
export type { Store } from './store/store.js';
export type { TlsRptStore } from './store/tlsrpt-store.js';
export type { WatchStore } from './store/watch-store.js';
