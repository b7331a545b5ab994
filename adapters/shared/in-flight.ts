/** Keeps the replies and posts still being worked on, so stopping can let them finish. */
export interface InFlight {
  /** Tracks `work` until it settles, and hands it back. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Settles once nothing is in flight, including work tracked while draining. */
  drain(): Promise<void>;
  /** How many are still being worked on. */
  size(): number;
}

export function createInFlight(): InFlight {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      pending.add(work);
      const forget = () => void pending.delete(work);
      void work.then(forget, forget);
      return work;
    },
    size: () => pending.size,
    async drain() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
