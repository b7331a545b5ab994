import type { RateLimiter, SlidingWindowOptions } from '../command/rate-limiter.js';
import type { InstallationStore } from './installation-store.js';
import type { ScanHistory } from './scan-history.js';
import type { HoldSingleton } from './singleton.js';
import type { StoreHealth } from './store-health.js';
import type { TlsRptStore } from './tlsrpt-store.js';
import type { WatchStore } from './watch-store.js';

/**
 * Everything the bot remembers, and the state replicas must share, behind one object: SQLite for one process,
 * Postgres for several. Callers never know which one they have.
 */
export interface Store extends ScanHistory, WatchStore, InstallationStore, TlsRptStore, StoreHealth {
  /** The per-user scan quota: in this process on SQLite, across every replica on Postgres. */
  rateLimiter(options: SlidingWindowOptions): RateLimiter;
  /** Runs work that must run in one process at a time (a gateway connection per bot token). */
  holdSingleton: HoldSingleton;
  close(): Promise<void>;
}
