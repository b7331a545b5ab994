import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import type { Channel } from '../../src/store/watch-store.js';
import { CHANNEL, snapshotFixture, useTempDir } from '../digest/digest-fixtures.js';

const tempDb = useTempDir();
const stores: SqliteStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));
const open = (path = ':memory:'): SqliteStore => {
  const store = openSqliteStore(path);
  stores.push(store);
  return store;
};

const AT = '2026-11-30T10:00:00.000Z';
const LIMITS = { perChannel: 3, perWorkspace: 5 };
const other = (channelId: string, over: Partial<Channel> = {}): Channel => ({ ...CHANNEL, channelId, ...over });

describe('sqliteWatchStore (through openSqliteStore)', () => {
  it('adds watches once and lists them sorted; watching again adds nothing', async () => {
    const store = open();
    expect(await store.watch(CHANNEL, 'b.example', LIMITS, AT)).toEqual({ ok: true, added: true });
    expect(await store.watch(CHANNEL, 'a.example', LIMITS, AT)).toEqual({ ok: true, added: true });
    expect(await store.watch(CHANNEL, 'b.example', LIMITS, AT)).toEqual({ ok: true, added: false });
    expect(await store.watches(CHANNEL)).toEqual(['a.example', 'b.example']);
    expect(await store.watches(other('C2'))).toEqual([]);
  });

  it('refuses a watch past the per-channel limit, yet re-watching a domain at the limit is fine', async () => {
    const store = open();
    for (const d of ['a', 'b', 'c']) await store.watch(CHANNEL, `${d}.example`, LIMITS, AT);
    expect(await store.watch(CHANNEL, 'd.example', LIMITS, AT)).toEqual({ ok: false, limit: 'perChannel', max: 3 });
    expect(await store.watch(CHANNEL, 'a.example', LIMITS, AT)).toEqual({ ok: true, added: false });
    expect(await store.watches(CHANNEL)).toHaveLength(3);
  });

  it('counts the per-workspace limit across the channels of one workspace of one platform only', async () => {
    const store = open();
    for (const d of ['a', 'b', 'c']) await store.watch(other('C1'), `${d}.example`, LIMITS, AT);
    for (const d of ['d', 'e']) await store.watch(other('C2'), `${d}.example`, LIMITS, AT);
    expect(await store.watch(other('C3'), 'f.example', LIMITS, AT)).toEqual({ ok: false, limit: 'perWorkspace', max: 5 });
    expect(await store.watch(other('C3', { workspaceId: 'T2' }), 'f.example', LIMITS, AT)).toEqual({ ok: true, added: true });
    expect(await store.watch(other('C3', { platform: 'discord' }), 'f.example', LIMITS, AT)).toEqual({ ok: true, added: true });
  });

  it('unwatches, saying whether the domain was watched, and frees room under the limit', async () => {
    const store = open();
    for (const d of ['a', 'b', 'c']) await store.watch(CHANNEL, `${d}.example`, LIMITS, AT);
    expect(await store.unwatch(CHANNEL, 'b.example')).toBe(true);
    expect(await store.unwatch(CHANNEL, 'b.example')).toBe(false);
    expect(await store.watch(CHANNEL, 'd.example', LIMITS, AT)).toEqual({ ok: true, added: true });
    expect(await store.watches(CHANNEL)).toEqual(['a.example', 'c.example', 'd.example']);
  });

  it('lists only channels that watch something, with no schedule until one is set', async () => {
    const store = open();
    await store.watch(CHANNEL, 'a.example', LIMITS, AT);
    await store.setSchedule(other('C2'), { every: 'off' }, AT);
    expect(await store.digestChannels()).toEqual([{ channel: CHANNEL, schedule: null, since: AT, lastSlot: null }]);
    expect(await store.schedule(other('C2'))).toEqual({ every: 'off' });
    expect(await store.schedule(CHANNEL)).toBeNull();
  });

  it('restarts the schedule when a channel sets one, or starts watching again after watching nothing', async () => {
    const store = open();
    await store.watch(CHANNEL, 'a.example', LIMITS, '2026-11-01T00:00:00.000Z');
    await store.watch(CHANNEL, 'b.example', LIMITS, '2026-11-02T00:00:00.000Z');
    expect((await store.digestChannels())[0]?.since).toBe('2026-11-01T00:00:00.000Z');

    const weekly = { every: 'week', hour: 8, minute: 30, timezone: 'Europe/Berlin' } as const;
    await store.setSchedule(CHANNEL, weekly, '2026-11-03T00:00:00.000Z');
    expect((await store.digestChannels())[0]).toMatchObject({ schedule: weekly, since: '2026-11-03T00:00:00.000Z' });

    await store.unwatch(CHANNEL, 'a.example');
    await store.unwatch(CHANNEL, 'b.example');
    expect(await store.digestChannels()).toEqual([]);
    await store.watch(CHANNEL, 'c.example', LIMITS, '2026-11-20T00:00:00.000Z');
    expect((await store.digestChannels())[0]).toMatchObject({ schedule: weekly, since: '2026-11-20T00:00:00.000Z' });
  });

  it('claims a slot once, and reports the latest claimed slot', async () => {
    const store = open();
    await store.watch(CHANNEL, 'a.example', LIMITS, AT);
    expect(await store.claimSlot(CHANNEL, '2026-12-01T09:00:00.000Z', AT)).toBe(true);
    expect(await store.claimSlot(CHANNEL, '2026-12-01T09:00:00.000Z', AT)).toBe(false);
    expect(await store.claimSlot(other('C2'), '2026-12-01T09:00:00.000Z', AT)).toBe(true);
    expect(await store.claimSlot(CHANNEL, '2026-12-02T09:00:00.000Z', AT)).toBe(true);
    expect((await store.digestChannels())[0]?.lastSlot).toBe('2026-12-02T09:00:00.000Z');
  });

  it('lets only one of two store instances on the same file claim a slot', async () => {
    const path = tempDb();
    const [first, second] = [open(path), open(path)];
    const slot = '2026-12-01T09:00:00.000Z';
    const claims = await Promise.all([first.claimSlot(CHANNEL, slot, AT), second.claimSlot(CHANNEL, slot, AT)]);
    expect(claims.sort()).toEqual([false, true]);
  });

  it('replaces the last digest as a whole and keeps it across reopening the file', async () => {
    const path = tempDb();
    const first = open(path);
    expect(await first.lastDigest(CHANNEL)).toBeNull();
    await first.saveDigest(CHANNEL, { at: AT, snapshots: [snapshotFixture({ domain: 'a.example' }), snapshotFixture({ domain: 'b.example' })] });
    const latest = [snapshotFixture({ domain: 'b.example', verdict: 'broken', codes: ['mx-mismatch'], uncoveredMx: ['mx2.b.example'] })];
    await first.saveDigest(CHANNEL, { at: '2026-12-01T09:00:00.000Z', snapshots: latest });
    first.close();
    stores.splice(stores.indexOf(first), 1);

    const second = open(path);
    expect(await second.lastDigest(CHANNEL)).toEqual({ at: '2026-12-01T09:00:00.000Z', snapshots: latest });
    expect(await second.lastDigest(other('C2'))).toBeNull();
  });

  it('upgrades a database that has only scan history, keeping the scans', async () => {
    const path = tempDb();
    const db = new Database(path);
    MIGRATIONS[0]!(db);
    db.pragma('user_version = 1');
    db.prepare(
      "INSERT INTO scans (domain, scanned_at, verdict, codes, mx) VALUES ('a.example', '2026-11-01T00:00:00.000Z', 'enforced', '[]', '[]')",
    ).run();
    db.close();

    const store = open(path);
    expect(await store.recentScans('a.example', 5)).toHaveLength(1);
    expect(await store.watch(CHANNEL, 'a.example', LIMITS, AT)).toEqual({ ok: true, added: true });
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    check.close();
  });
});
