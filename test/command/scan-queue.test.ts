import { describe, expect, it } from 'vitest';
import { createScanQueue } from '../../src/command/scan-queue.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createScanQueue', () => {
  it('runs at most the cap at once and reports each waiting task its place in line', async () => {
    const queue = createScanQueue(2);
    const gates = [gate(), gate(), gate(), gate()];
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const positions: Array<[number, number]> = [];
    const results = gates.map((g, i) =>
      queue.run(
        async () => {
          started.push(i);
          running += 1;
          peak = Math.max(peak, running);
          await g.opened;
          running -= 1;
          return i;
        },
        (position) => positions.push([i, position]),
      ),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(positions).toEqual([
      [2, 1],
      [3, 2],
    ]);
    gates[1]!.open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
  });

  it('frees the slot when a task fails', async () => {
    const queue = createScanQueue(1);
    await expect(queue.run(() => Promise.reject(new Error('scan crashed')))).rejects.toThrow('scan crashed');
    let queued = false;
    expect(
      await queue.run(
        async () => 'next',
        () => (queued = true),
      ),
    ).toBe('next');
    expect(queued).toBe(false);
  });

  it('leaves no waiter behind when the onQueued hook throws', async () => {
    const queue = createScanQueue(1);
    const first = gate();
    const busy = queue.run(() => first.opened);
    const refused = queue.run(
      async () => 'never',
      () => {
        throw new Error('hook failed');
      },
    );
    await expect(refused).rejects.toThrow('hook failed');
    first.open();
    await busy;
    let queued = false;
    expect(
      await queue.run(
        async () => 'free',
        () => (queued = true),
      ),
    ).toBe('free');
    expect(queued).toBe(false);
  });
});
