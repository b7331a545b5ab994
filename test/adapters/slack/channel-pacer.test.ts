import { describe, expect, it } from 'vitest';
import { createChannelPacer } from '../../../adapters/slack/channel-pacer.js';

/** A clock that only moves when the pacer sleeps (or the test says so), recording when each turn was granted. */
function pacedClock() {
  let time = 0;
  const waits: number[] = [];
  const pacer = createChannelPacer({
    intervalMs: 1000,
    burst: 3,
    now: () => time,
    sleep: async (ms) => {
      waits.push(ms);
      time += ms;
    },
  });
  return {
    pacer,
    waits,
    advance: (ms: number) => void (time += ms),
    grantedAt: async (channelId: string) => {
      await pacer.turn(channelId);
      return time;
    },
  };
}

describe('createChannelPacer', () => {
  it('lets a short burst through at once, then one post per interval', async () => {
    const clock = pacedClock();
    const times: number[] = [];
    for (let i = 0; i < 6; i++) times.push(await clock.grantedAt('C1'));
    expect(times).toEqual([0, 0, 0, 1000, 2000, 3000]);
  });

  it('paces each channel on its own', async () => {
    const clock = pacedClock();
    for (let i = 0; i < 3; i++) await clock.grantedAt('C1');
    expect(await clock.grantedAt('C2')).toBe(0);
    expect(await clock.grantedAt('C1')).toBe(1000);
  });

  it('gives a channel its burst back after it has been quiet', async () => {
    const clock = pacedClock();
    for (let i = 0; i < 5; i++) await clock.grantedAt('C1');
    clock.advance(10_000);
    const start = await clock.grantedAt('C1');
    expect(await clock.grantedAt('C1')).toBe(start);
    expect(await clock.grantedAt('C1')).toBe(start);
    expect(await clock.grantedAt('C1')).toBe(start + 1000);
  });

  it('gives concurrent callers each their own slot', async () => {
    const waits: number[] = [];
    const pacer = createChannelPacer({
      intervalMs: 1000,
      burst: 3,
      now: () => 0,
      sleep: async (ms) => void waits.push(ms),
    });
    await Promise.all(Array.from({ length: 5 }, () => pacer.turn('C1')));
    expect(waits).toEqual([1000, 2000]);
  });

  it('never waits with an interval of 0', async () => {
    const waits: number[] = [];
    const pacer = createChannelPacer({ intervalMs: 0, burst: 3, sleep: async (ms) => void waits.push(ms) });
    for (let i = 0; i < 20; i++) await pacer.turn('C1');
    expect(waits).toEqual([]);
  });
});
