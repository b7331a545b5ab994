import { describe, expect, it } from 'vitest';
import { createResultCache } from '../../src/command/result-cache.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createResultCache', () => {
  it('answers from the stored value until the TTL has passed, with its age', async () => {
    const clock = { now: 0 };
    const cache = createResultCache<string>({ ttlMs: 300_000, now: () => clock.now });
    await cache.fill('example.com', async () => 'report');
    clock.now = 299_999;
    expect(cache.stored('example.com')).toEqual({ value: 'report', ageMs: 299_999 });
    clock.now = 300_000;
    expect(cache.stored('example.com')).toBeUndefined();
  });

  it('shares one running load between concurrent callers for the same key', async () => {
    const cache = createResultCache<string>({ ttlMs: 1000, now: () => 0 });
    const load = deferred<string>();
    let loads = 0;
    const start = () => {
      loads += 1;
      return load.promise;
    };
    const first = cache.fill('example.com', start);
    const second = cache.fill('example.com', start);
    expect(cache.pending('example.com')).toBe(first);
    load.resolve('report');
    expect(await Promise.all([first, second])).toEqual(['report', 'report']);
    expect(loads).toBe(1);
    expect(cache.pending('example.com')).toBeUndefined();
  });

  it('keeps different keys apart', async () => {
    const cache = createResultCache<string>({ ttlMs: 1000, now: () => 0 });
    await cache.fill('a.example', async () => 'A');
    expect(cache.stored('b.example')).toBeUndefined();
    expect(await cache.fill('b.example', async () => 'B')).toBe('B');
    expect(cache.stored('a.example')?.value).toBe('A');
  });

  it('stores no failure: the next caller loads again', async () => {
    const cache = createResultCache<string>({ ttlMs: 1000, now: () => 0 });
    await expect(cache.fill('example.com', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.stored('example.com')).toBeUndefined();
    expect(cache.pending('example.com')).toBeUndefined();
    expect(await cache.fill('example.com', async () => 'second try')).toBe('second try');
  });
});
