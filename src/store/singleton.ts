/** Work that must run in one process at a time, started when this process gets to hold it and stopped when it loses it. */
export interface SingletonWork {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface HeldSingleton {
  /** Stops the work if it runs here and lets another process take it over. */
  release(): Promise<void>;
}

/**
 * Holds `name` for `work`. Resolves after the first attempt: started when the name was free, waiting (and
 * retrying) when another process holds it. Rejects when the first start failed, so bad configuration stops start-up.
 */
export type HoldSingleton = (name: string, work: SingletonWork) => Promise<HeldSingleton>;

/** One process owns the store (SQLite): the work is always ours. */
export const holdInProcess: HoldSingleton = async (_name, work) => {
  await work.start();
  return { release: () => work.stop() };
};
