import { describe, expect, it } from 'vitest';
import { createInFlight } from '../../../adapters/shared/in-flight.js';

describe('createInFlight', () => {
  it('drain() waits for tracked work, including work tracked while draining', async () => {
    const inFlight = createInFlight();
    const done: string[] = [];
    let releaseFirst = () => {};
    let releaseSecond = () => {};
    void inFlight.track(new Promise<void>((resolve) => (releaseFirst = resolve)).then(() => void done.push('first')));
    const drained = inFlight.drain().then(() => done.push('drained'));
    void inFlight.track(new Promise<void>((resolve) => (releaseSecond = resolve)).then(() => void done.push('second')));
    releaseFirst();
    await new Promise((resolve) => setImmediate(resolve));
    releaseSecond();
    await drained;
    expect(done).toEqual(['first', 'second', 'drained']);
  });

  it('drain() settles even when tracked work fails', async () => {
    const inFlight = createInFlight();
    void inFlight.track(Promise.reject(new Error('lost')).then(() => undefined)).catch(() => undefined);
    await expect(inFlight.drain()).resolves.toBeUndefined();
  });
});
