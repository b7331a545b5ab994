/** Keeps the replies still being worked on, so shutdown can let them finish. */
export interface InFlight {
  track(work: Promise<void>): Promise<void>;
  drain(): Promise<void>;
  /** How many are still being worked on. */
  size(): number;
}

export function createInFlight(): InFlight {
  const pending = new Set<Promise<void>>();
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
