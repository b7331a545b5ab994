import { afterEach, describe, expect, it } from 'vitest';
import type { DigestMessage } from '../../src/chat/digest-message.js';
import { channelDigest } from '../../src/digest/channel-digest.js';
import { createDigestScheduler, type DigestScheduler, type RepeatTimer } from '../../src/digest/digest-scheduler.js';
import type { Report } from '../../src/report/report.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { type Channel, DEFAULT_WATCH_LIMITS } from '../../src/store/watch-store.js';
import { CHANNEL, reportFixture, useTempDir } from './digest-fixtures.js';

const tempDb = useTempDir();
const running: Array<{ scheduler: DigestScheduler; store: SqliteStore }> = [];
afterEach(async () => {
  for (const { scheduler, store } of running.splice(0)) {
    await scheduler.stop();
    store.close();
  }
});

/** A clock the test moves by hand. */
function clock(start: string) {
  let current = new Date(start);
  return { now: () => current, set: (iso: string) => void (current = new Date(iso)) };
}

/** A repeat timer the test fires by hand. */
function manualTimer() {
  const ticks: Array<() => void> = [];
  let cancelled = 0;
  const every: RepeatTimer = (tick, everyMs) => {
    expect(everyMs).toBeGreaterThan(0);
    ticks.push(tick);
    return () => void (cancelled += 1);
  };
  return {
    every,
    fire: () => ticks.forEach((tick) => tick()),
    get cancelled() {
      return cancelled;
    },
  };
}

interface Posted {
  channel: Channel;
  message: DigestMessage;
  at: string;
}

/** One bot process: its own store instance on the database file, its own scheduler. */
function startProcess(
  path: string,
  time: ReturnType<typeof clock>,
  posts: Posted[],
  options: { scan?: (domain: string) => Promise<Report>; post?: () => Promise<void>; errors?: string[] } = {},
) {
  const store = openSqliteStore(path);
  const timer = manualTimer();
  const scan = options.scan ?? (async (domain: string) => reportFixture(domain));
  const scheduler = createDigestScheduler({
    store,
    digest: (channel) => channelDigest(channel, { store, scan, concurrency: 4, deadlineMs: 5_000, now: time.now }),
    post: async (channel, message) => {
      await options.post?.();
      posts.push({ channel, message, at: time.now().toISOString() });
    },
    now: time.now,
    every: timer.every,
    logger: { error: (_details, message) => void options.errors?.push(message) },
  });
  running.push({ scheduler, store });
  return { store, scheduler, timer };
}

async function stopProcess({ store, scheduler }: { store: SqliteStore; scheduler: DigestScheduler }): Promise<void> {
  await scheduler.stop();
  store.close();
  running.splice(
    running.findIndex((r) => r.store === store),
    1,
  );
}

describe('createDigestScheduler', () => {
  it("posts a channel's digest once per slot at 09:00 UTC by default, on the timer's ticks", async () => {
    const time = clock('2026-11-29T12:00:00.000Z');
    const posts: Posted[] = [];
    const bot = startProcess(':memory:', time, posts);
    await bot.store.watch(CHANNEL, 'a.example', DEFAULT_WATCH_LIMITS, time.now().toISOString());
    await bot.scheduler.start();
    expect(posts).toHaveLength(0);

    time.set('2026-11-30T08:59:30.000Z');
    bot.timer.fire();
    await bot.scheduler.tick();
    expect(posts).toHaveLength(0);

    time.set('2026-11-30T09:00:10.000Z');
    bot.timer.fire();
    await bot.scheduler.tick();
    time.set('2026-11-30T09:00:40.000Z');
    await bot.scheduler.tick();
    expect(posts.map((p) => [p.channel, p.at])).toEqual([[CHANNEL, '2026-11-30T09:00:10.000Z']]);
    expect(posts[0]?.message.folded?.flatMap((fold) => fold.domains)).toEqual(['a.example']);

    time.set('2026-12-01T09:00:05.000Z');
    await bot.scheduler.tick();
    expect(posts).toHaveLength(2);
  });

  it('does not post the slot that passed before the channel started watching', async () => {
    const time = clock('2026-11-30T10:00:00.000Z');
    const posts: Posted[] = [];
    const bot = startProcess(':memory:', time, posts);
    await bot.store.watch(CHANNEL, 'a.example', DEFAULT_WATCH_LIMITS, time.now().toISOString());
    await bot.scheduler.start();
    time.set('2026-11-30T23:59:00.000Z');
    await bot.scheduler.tick();
    expect(posts).toHaveLength(0);
  });

  it('after a restart on the same database file posts a digest missed while down once, not once per missed slot', async () => {
    const path = tempDb();
    const time = clock('2026-11-29T12:00:00.000Z');
    const posts: Posted[] = [];
    const first = startProcess(path, time, posts);
    await first.store.watch(CHANNEL, 'a.example', DEFAULT_WATCH_LIMITS, time.now().toISOString());
    await first.store.setSchedule(
      CHANNEL,
      { every: 'day', hour: 7, minute: 30, timezone: 'Europe/Berlin' },
      time.now().toISOString(),
    );
    time.set('2026-11-30T06:30:00.000Z');
    await first.scheduler.start();
    expect(posts.map((p) => p.at)).toEqual(['2026-11-30T06:30:00.000Z']);
    await stopProcess(first);
    expect(first.timer.cancelled).toBe(1);

    // Down from Monday until Thursday noon: the Tuesday, Wednesday and Thursday slots passed.
    time.set('2026-12-03T12:00:00.000Z');
    const second = startProcess(path, time, posts);
    await second.scheduler.start();
    await second.scheduler.tick();
    expect(posts.map((p) => p.at)).toEqual(['2026-11-30T06:30:00.000Z', '2026-12-03T12:00:00.000Z']);
    // The schedule and the previous digest survived the restart.
    expect(posts[1]?.message.intro).toBe('No changes since the previous digest (30 Nov 06:30 UTC).');

    time.set('2026-12-04T06:30:00.000Z');
    await second.scheduler.tick();
    expect(posts).toHaveLength(3);
  });

  it('lets only one of two schedulers racing on the same database file post a slot', async () => {
    const path = tempDb();
    const time = clock('2026-11-29T12:00:00.000Z');
    const posts: Posted[] = [];
    const a = startProcess(path, time, posts);
    const b = startProcess(path, time, posts);
    await a.store.watch(CHANNEL, 'a.example', DEFAULT_WATCH_LIMITS, time.now().toISOString());
    await a.store.watch({ ...CHANNEL, channelId: 'C2' }, 'b.example', DEFAULT_WATCH_LIMITS, time.now().toISOString());
    time.set('2026-11-30T09:00:00.000Z');
    await Promise.all([a.scheduler.start(), b.scheduler.start(), a.scheduler.tick(), b.scheduler.tick()]);
    expect(posts.map((p) => p.channel.channelId).sort()).toEqual(['C1', 'C2']);
  });

  it('stop() waits for the digest in progress to be posted and starts no other', async () => {
    const time = clock('2026-11-29T12:00:00.000Z');
    const posts: Posted[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const bot = startProcess(':memory:', time, posts, {
      scan: async (domain) => {
        started += 1;
        await gate;
        return reportFixture(domain);
      },
    });
    for (const channelId of ['C1', 'C2']) {
      await bot.store.watch({ ...CHANNEL, channelId }, 'a.example', DEFAULT_WATCH_LIMITS, time.now().toISOString());
    }
    time.set('2026-11-30T09:00:00.000Z');
    const tick = bot.scheduler.tick();
    while (started === 0) await new Promise((resolve) => setImmediate(resolve));
    let stopped = false;
    const stopping = bot.scheduler.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await Promise.all([stopping, tick]);
    expect(posts).toHaveLength(1);
    expect(started).toBe(1);
  });

  it('logs a failed post and posts that slot again once its claim is older than the lease, not before', async () => {
    const time = clock('2026-11-29T12:00:00.000Z');
    const posts: Posted[] = [];
    const errors: string[] = [];
    let failures = 1;
    const bot = startProcess(':memory:', time, posts, {
      errors,
      post: async () => {
        if (failures-- > 0) throw new Error('channel_not_found');
      },
    });
    await bot.store.watch(CHANNEL, 'a.example', DEFAULT_WATCH_LIMITS, time.now().toISOString());
    time.set('2026-11-30T09:00:00.000Z');
    await bot.scheduler.tick();
    await bot.scheduler.tick();
    expect(errors).toEqual(['digest failed']);
    expect(posts).toHaveLength(0);

    time.set('2026-11-30T09:04:00.000Z');
    await bot.scheduler.tick();
    expect(posts).toHaveLength(0);
    time.set('2026-11-30T09:05:30.000Z');
    await bot.scheduler.tick();
    await bot.scheduler.tick();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.message.intro).toContain('First digest for this channel');
    expect(errors).toEqual(['digest failed']);
  });

  it('posts nothing to a channel whose digests are off', async () => {
    const time = clock('2026-11-29T12:00:00.000Z');
    const posts: Posted[] = [];
    const bot = startProcess(':memory:', time, posts);
    await bot.store.watch(CHANNEL, 'a.example', DEFAULT_WATCH_LIMITS, time.now().toISOString());
    await bot.store.setSchedule(CHANNEL, { every: 'off' }, time.now().toISOString());
    time.set('2026-12-07T09:00:00.000Z');
    await bot.scheduler.start();
    expect(posts).toHaveLength(0);
  });

  it('posts once, on the next start, a digest whose process died after claiming its slot and before posting', async () => {
    const path = tempDb();
    const time = clock('2026-11-30T08:59:00.000Z');
    const posts: Posted[] = [];
    // The first process claims 09:00 and dies inside the post: it never returns, and its store is closed under it.
    const dying = startProcess(path, time, posts, { post: () => new Promise<void>(() => {}) });
    await dying.store.watch(CHANNEL, 'a.example', DEFAULT_WATCH_LIMITS, '2026-11-29T00:00:00.000Z');
    time.set('2026-11-30T09:00:05.000Z');
    void dying.scheduler.tick();
    await waitFor(async () => (await dying.store.digestChannels())[0]?.lastSlot === '2026-11-30T09:00:00.000Z');
    running.splice(
      running.findIndex((r) => r.store === dying.store),
      1,
    );
    dying.store.close();
    expect(posts).toEqual([]);

    // Restarted a minute later, the claim may still be a live process's: left alone.
    time.set('2026-11-30T09:01:05.000Z');
    const early = startProcess(path, time, posts);
    await early.scheduler.start();
    expect(posts).toEqual([]);
    await stopProcess(early);

    // Restarted once the claim is older than a digest can take: posted, once, and recorded as posted.
    time.set('2026-11-30T09:06:00.000Z');
    const restarted = startProcess(path, time, posts);
    await restarted.scheduler.start();
    expect(posts.map((p) => p.channel)).toEqual([CHANNEL]);
    time.set('2026-11-30T09:20:00.000Z');
    await restarted.scheduler.tick();
    await stopProcess(restarted);
    const again = startProcess(path, time, posts);
    await again.scheduler.start();
    expect(posts).toHaveLength(1);
    expect(await again.store.unfinishedSlots('2026-11-30T10:00:00.000Z')).toEqual([]);
    expect((await again.store.lastDigest(CHANNEL))?.at).toBe('2026-11-30T09:06:00.000Z');
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 5));
}
