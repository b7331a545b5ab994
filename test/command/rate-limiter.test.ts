import { describe, expect, it } from 'vitest';
import { createSlidingWindowLimiter } from '../../src/command/rate-limiter.js';

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  const limiter = createSlidingWindowLimiter({ limit: 3, windowMs: 600_000, now: () => clock.now });
  return { clock, limiter };
}

describe('createSlidingWindowLimiter', () => {
  it('cuts a burst at the limit and says when the oldest take leaves the window', async () => {
    const { clock, limiter } = limiterAt();
    const decisions = [];
    for (const offset of [0, 1000, 2000, 3000]) {
      clock.now = 1_000_000 + offset;
      decisions.push(await limiter.take('slack:T1:U1'));
    }
    expect(decisions.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    expect(decisions[3]).toEqual({ allowed: false, retryAfterMs: 600_000 - 3000 });
  });

  it('keeps keys apart: another user and the same user in another workspace are unaffected', async () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 3; i++) await limiter.take('slack:T1:U1');
    expect((await limiter.take('slack:T1:U1')).allowed).toBe(false);
    expect(await limiter.take('slack:T1:U2')).toEqual({ allowed: true });
    expect(await limiter.take('slack:T2:U1')).toEqual({ allowed: true });
  });

  it('slides: one unit frees as each take ages out, not all at once at a window boundary', async () => {
    const { clock, limiter } = limiterAt(0);
    for (const at of [0, 100_000, 200_000]) {
      clock.now = at;
      await limiter.take('k');
    }
    clock.now = 599_999;
    expect(await limiter.take('k')).toEqual({ allowed: false, retryAfterMs: 1 });
    clock.now = 600_000;
    expect(await limiter.take('k')).toEqual({ allowed: true });
    // The take at 100 000 still counts until 700 000.
    expect(await limiter.take('k')).toEqual({ allowed: false, retryAfterMs: 100_000 });
  });

  it('does not count refused attempts against the user', async () => {
    const { clock, limiter } = limiterAt(0);
    for (let i = 0; i < 3; i++) await limiter.take('k');
    for (let i = 0; i < 10; i++) await limiter.take('k');
    clock.now = 600_000;
    expect(await limiter.take('k')).toEqual({ allowed: true });
  });

  it('keeps the state of keys still inside their window when it sweeps idle ones', async () => {
    const { clock, limiter } = limiterAt(0);
    for (let i = 0; i < 1500; i++) await limiter.take(`idle-${i}`);
    clock.now = 500_000;
    for (let i = 0; i < 3; i++) await limiter.take('active');
    clock.now = 700_000;
    // Over 1000 keys, so this take sweeps: every idle key has aged out, "active" has not.
    expect(await limiter.take('someone-new')).toEqual({ allowed: true });
    expect(await limiter.take('active')).toEqual({ allowed: false, retryAfterMs: 400_000 });
    expect(await limiter.take('idle-0')).toEqual({ allowed: true });
  });
});
