import { setTimeout as sleep } from 'node:timers/promises';

/** How long a write waits in total for another connection's write lock before it fails with SQLITE_BUSY. */
export const BUSY_BOUND_MS = 5_000;
const FIRST_WAIT_MS = 2;
const LONGEST_WAIT_MS = 100;

/**
 * Runs one synchronous SQLite write (a statement or a whole transaction), retrying it while another connection
 * holds the write lock. The connection's busy_timeout is 0, so SQLite never busy-waits on the event loop: the waits
 * are timers, doubling from 2 ms to 100 ms, and everything else runs meanwhile. After `boundMs` the last
 * SQLITE_BUSY is thrown.
 */
export async function sqliteWrite<T>(write: () => T, boundMs: number = BUSY_BOUND_MS): Promise<T> {
  const deadline = Date.now() + boundMs;
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
    try {
      return write();
    } catch (error) {
      const left = deadline - Date.now();
      if (!isBusy(error) || left <= 0) throw error;
      await sleep(Math.min(wait, left));
    }
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT: a WAL read snapshot went stale before the write). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
