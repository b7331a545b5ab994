import type { Pool } from 'pg';
import { type RateLimiter, type SlidingWindowOptions, slidingWindowTake } from '../command/rate-limiter.js';
import { inTransaction } from './postgres-transaction.js';

/**
 * The sliding-window quota shared by every replica: the key's row is locked for the take, so a burst spread over
 * replicas is counted as one. Keys idle for a whole window are deleted as takes go by.
 */
export function postgresRateLimiter(pool: Pool, { now, ...limits }: SlidingWindowOptions): RateLimiter {
  return {
    take: (key) =>
      inTransaction(pool, async (client) => {
        const at = now();
        await client.query(
          `INSERT INTO rate_limits (key, takes, expires_at) VALUES ($1, '{}', to_timestamp(0)) ON CONFLICT DO NOTHING`,
          [key],
        );
        const { rows } = await client.query<{ takes: string[] }>(
          'SELECT takes FROM rate_limits WHERE key = $1 FOR UPDATE',
          [key],
        );
        const { decision, times } = slidingWindowTake(rows[0]!.takes.map(Number), at, limits);
        await client.query('UPDATE rate_limits SET takes = $2, expires_at = $3 WHERE key = $1', [
          key,
          times,
          new Date(Math.max(...times) + limits.windowMs),
        ]);
        // SKIP LOCKED: another take holding an idle key is not waited for (nor deadlocked with).
        await client.query(
          `DELETE FROM rate_limits WHERE key IN
             (SELECT key FROM rate_limits WHERE expires_at < $1 AND key <> $2 FOR UPDATE SKIP LOCKED)`,
          [new Date(at), key],
        );
        return decision;
      }),
  };
}
