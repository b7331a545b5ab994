export interface ResultCache<T> {
  /** The value stored for `key` if it is younger than the TTL. */
  stored(key: string): { value: T; ageMs: number } | undefined;
  /** The load running for `key`, if any. */
  pending(key: string): Promise<T> | undefined;
  /** Joins the load running for `key`, or starts `load()`; a fulfilled value is stored, a failure is not. */
  fill(key: string, load: () => Promise<T>): Promise<T>;
}

export interface ResultCacheOptions {
  ttlMs: number;
  now: () => number;
}

/** Per-key TTL cache that also shares one in-flight load between concurrent callers. */
export function createResultCache<T>({ ttlMs, now }: ResultCacheOptions): ResultCache<T> {
  const values = new Map<string, { value: T; storedAt: number }>();
  const loads = new Map<string, Promise<T>>();

  return {
    stored(key) {
      const entry = values.get(key);
      const ageMs = entry === undefined ? Infinity : now() - entry.storedAt;
      return entry !== undefined && ageMs < ttlMs ? { value: entry.value, ageMs } : undefined;
    },
    pending(key) {
      return loads.get(key);
    },
    fill(key, load) {
      const running = loads.get(key);
      if (running) return running;
      const promise = load()
        .then((value) => {
          const storedAt = now();
          // Expired entries go on every store, so the map holds at most the domains asked about within one TTL.
          for (const [other, entry] of values) if (storedAt - entry.storedAt >= ttlMs) values.delete(other);
          values.set(key, { value, storedAt });
          return value;
        })
        .finally(() => loads.delete(key));
      loads.set(key, promise);
      return promise;
    },
  };
}
