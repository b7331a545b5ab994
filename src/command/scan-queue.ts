/** A global cap on concurrent scans: beyond it, tasks wait in arrival order. */
export interface ScanQueue {
  /** Runs `task` when a slot is free; `onQueued` hears the 1-based place in line once, if it has to wait. */
  run<T>(task: () => Promise<T>, onQueued?: (position: number) => void): Promise<T>;
}

/** `onDepth` hears how many tasks wait, whenever that changes. */
export function createScanQueue(maxConcurrent: number, onDepth: (waiting: number) => void = () => {}): ScanQueue {
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = (): void => {
    const next = waiting.shift();
    // The slot passes straight to the next in line, so `running` stays the same.
    if (next) {
      onDepth(waiting.length);
      next();
    } else running -= 1;
  };

  return {
    async run(task, onQueued) {
      if (running < maxConcurrent) running += 1;
      else {
        // Told before joining the line: a throwing hook then leaves no waiter behind to leak a slot.
        onQueued?.(waiting.length + 1);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          onDepth(waiting.length);
        });
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
