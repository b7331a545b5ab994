export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Decides whether `key` may spend one unit now; a refusal says how long until the next unit frees up. */
export interface RateLimiter {
  take(key: string): RateDecision;
}

export interface SlidingWindowOptions {
  limit: number;
  windowMs: number;
  now: () => number;
}

// Past this many keys, a take() also forgets keys whose whole window has passed, so idle users cost no memory.
const SWEEP_ABOVE_KEYS = 1000;

/** In-memory sliding-window log: at most `limit` takes per key in any `windowMs` span. */
export function createSlidingWindowLimiter({ limit, windowMs, now }: SlidingWindowOptions): RateLimiter {
  const takes = new Map<string, number[]>();

  const recent = (key: string, at: number): number[] => (takes.get(key) ?? []).filter((t) => t > at - windowMs);

  return {
    take(key) {
      const at = now();
      if (takes.size > SWEEP_ABOVE_KEYS) {
        for (const other of takes.keys()) if (recent(other, at).length === 0) takes.delete(other);
      }
      const times = recent(key, at);
      if (times.length >= limit) {
        takes.set(key, times);
        // Times are in insertion order, so the entry that frees the next unit is the limit-th newest.
        return { allowed: false, retryAfterMs: times[times.length - limit]! + windowMs - at };
      }
      times.push(at);
      takes.set(key, times);
      return { allowed: true };
    },
  };
}
