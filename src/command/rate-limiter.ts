export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Decides whether `key` may spend one unit now; a refusal says how long until the next unit frees up. Async, so a
 * limiter shared between replicas (on the shared store) can stand in for the in-process one.
 */
export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

export interface SlidingWindowLimits {
  limit: number;
  windowMs: number;
}

export interface SlidingWindowOptions extends SlidingWindowLimits {
  now: () => number;
}

/**
 * One take against a sliding-window log: the decision, and the times (ms, oldest first) to keep for the key.
 * Pure, so the in-process and the shared limiter decide alike.
 */
export function slidingWindowTake(
  times: readonly number[],
  at: number,
  { limit, windowMs }: SlidingWindowLimits,
): { decision: RateDecision; times: number[] } {
  const recent = times.filter((t) => t > at - windowMs);
  if (recent.length >= limit) {
    // Times are in insertion order, so the entry that frees the next unit is the limit-th newest.
    return {
      decision: { allowed: false, retryAfterMs: recent[recent.length - limit]! + windowMs - at },
      times: recent,
    };
  }
  return { decision: { allowed: true }, times: [...recent, at] };
}

// Past this many keys, a take() also forgets keys whose whole window has passed, so idle users cost no memory.
const SWEEP_ABOVE_KEYS = 1000;

/** In-memory sliding-window log: at most `limit` takes per key in any `windowMs` span, in this process. */
export function createSlidingWindowLimiter({ now, ...limits }: SlidingWindowOptions): RateLimiter {
  const takes = new Map<string, number[]>();
  const idle = (times: number[], at: number) => times.every((t) => t <= at - limits.windowMs);

  return {
    async take(key) {
      const at = now();
      if (takes.size > SWEEP_ABOVE_KEYS) {
        for (const [other, times] of takes) if (idle(times, at)) takes.delete(other);
      }
      const { decision, times } = slidingWindowTake(takes.get(key) ?? [], at, limits);
      takes.set(key, times);
      return decision;
    },
  };
}
