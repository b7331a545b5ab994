import { afterEach, describe, expect, it } from 'vitest';
import type { ScanRecord } from '../../src/store/scan-history.js';
import type { Store } from '../../src/store/store.js';
import type { Channel } from '../../src/store/watch-store.js';
import { CHANNEL, snapshotFixture } from '../digest/digest-fixtures.js';
import { REPORT_CHANNEL, storedReport, summaryRow } from './tlsrpt-fixtures.js';

/** One fresh, empty database; every open() is another store instance on it, as another process would open it. */
export interface StoreDatabase {
  open(): Promise<Store>;
}

const AT = '2026-11-30T10:00:00.000Z';
const LIMITS = { perChannel: 3, perWorkspace: 5 };
const other = (channelId: string, over: Partial<Channel> = {}): Channel => ({ ...CHANNEL, channelId, ...over });

const record = (over: Partial<ScanRecord>): ScanRecord => ({
  domain: 'example.com',
  scannedAt: '2026-11-30T09:00:00.000Z',
  verdict: 'enforced',
  codes: [],
  policyId: 'id1',
  sha256: 'aaa',
  mode: 'enforce',
  mx: ['mx1.example.com'],
  uncoveredMx: [],
  certSerial: '01',
  certNotAfter: '2027-01-01T00:00:00.000Z',
  tlsrpt: 'v=TLSRPTv1; rua=mailto:r@example.com',
  ...over,
});

/** What every store promises, whichever engine keeps it: run once per store against a real database. */
export function describeStoreContract(name: string, freshDatabase: () => Promise<StoreDatabase>): void {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  const database = async () => {
    const db = await freshDatabase();
    return {
      open: async () => {
        const store = await db.open();
        opened.push(store);
        return store;
      },
      /** Closes one instance early, as a process that exits. */
      close: async (store: Store) => {
        opened.splice(opened.indexOf(store), 1);
        await store.close();
      },
    };
  };
  const fresh = async () => (await database()).open();

  describe(`${name}: scan history`, () => {
    it('lists the distinct bodies seen under one id, oldest first, and nothing under another id or domain', async () => {
      const store = await fresh();
      await store.record(record({ sha256: 'aaa', scannedAt: '2026-11-01T00:00:00.000Z' }));
      await store.record(record({ sha256: 'bbb', scannedAt: '2026-11-02T00:00:00.000Z' }));
      await store.record(record({ sha256: 'aaa', scannedAt: '2026-11-03T00:00:00.000Z' }));
      await store.record(record({ policyId: 'id2', sha256: 'ccc' }));
      await store.record(record({ domain: 'other.com', sha256: 'ddd' }));
      await store.record(record({ sha256: null, scannedAt: '2026-10-01T00:00:00.000Z' }));
      expect(await store.bodiesUnderId('example.com', 'id1')).toEqual([
        { sha256: 'aaa', firstSeen: '2026-11-01T00:00:00.000Z' },
        { sha256: 'bbb', firstSeen: '2026-11-02T00:00:00.000Z' },
      ]);
      expect(await store.bodiesUnderId('example.com', 'id3')).toEqual([]);
    });

    it('keeps history across instances, newest scan first, every field as recorded, at most `limit`', async () => {
      const db = await database();
      const first = await db.open();
      await first.record(record({ scannedAt: '2026-11-01T00:00:00.000Z', verdict: 'testing', mode: 'testing' }));
      await db.close(first);
      const second = await db.open();
      const broken = record({
        scannedAt: '2026-11-02T00:00:00.000Z',
        codes: ['mx-mismatch', 'tlsrpt-missing'],
        verdict: 'broken',
        mx: ['mx1.example.com', 'mx2.example.com'],
        uncoveredMx: ['mx2.example.com'],
        tlsrpt: null,
        certSerial: null,
        certNotAfter: null,
      });
      await second.record(broken);
      await second.record(record({ domain: 'other.com', scannedAt: '2026-11-03T00:00:00.000Z' }));
      const recent = await second.recentScans('example.com', 5);
      expect(recent.map((r) => [r.verdict, r.codes])).toEqual([
        ['broken', ['mx-mismatch', 'tlsrpt-missing']],
        ['testing', []],
      ]);
      expect(recent[0]).toEqual(broken);
      expect(await second.recentScans('example.com', 1)).toEqual([broken]);
    });
  });

  describe(`${name}: watches and digests`, () => {
    it('adds watches once and lists them sorted byte-wise; watching again adds nothing', async () => {
      const store = await fresh();
      for (const domain of ['b.example', 'a-b.example', 'a.example', 'ab.example']) {
        expect(await store.watch(CHANNEL, domain, { perChannel: 10, perWorkspace: 10 }, AT)).toEqual({
          ok: true,
          added: true,
        });
      }
      expect(await store.watch(CHANNEL, 'b.example', LIMITS, AT)).toEqual({ ok: true, added: false });
      expect(await store.watches(CHANNEL)).toEqual(['a-b.example', 'a.example', 'ab.example', 'b.example']);
      expect(await store.watches(other('C2'))).toEqual([]);
    });

    it('refuses a watch past the per-channel limit, yet re-watching a domain at the limit is fine', async () => {
      const store = await fresh();
      for (const d of ['a', 'b', 'c']) await store.watch(CHANNEL, `${d}.example`, LIMITS, AT);
      expect(await store.watch(CHANNEL, 'd.example', LIMITS, AT)).toEqual({ ok: false, limit: 'perChannel', max: 3 });
      expect(await store.watch(CHANNEL, 'a.example', LIMITS, AT)).toEqual({ ok: true, added: false });
      expect(await store.watches(CHANNEL)).toHaveLength(3);
    });

    it('counts the per-workspace limit across the channels of one workspace of one platform only', async () => {
      const store = await fresh();
      for (const d of ['a', 'b', 'c']) await store.watch(other('C1'), `${d}.example`, LIMITS, AT);
      for (const d of ['d', 'e']) await store.watch(other('C2'), `${d}.example`, LIMITS, AT);
      expect(await store.watch(other('C3'), 'f.example', LIMITS, AT)).toEqual({
        ok: false,
        limit: 'perWorkspace',
        max: 5,
      });
      expect(await store.watch(other('C3', { workspaceId: 'T2' }), 'f.example', LIMITS, AT)).toEqual({
        ok: true,
        added: true,
      });
      expect(await store.watch(other('C3', { platform: 'discord' }), 'f.example', LIMITS, AT)).toEqual({
        ok: true,
        added: true,
      });
    });

    it('holds the channel limit when two instances add watches at once', async () => {
      const db = await database();
      const [first, second] = [await db.open(), await db.open()];
      const domains = ['a', 'b', 'c', 'd', 'e', 'f'].map((d) => `${d}.example`);
      const outcomes = await Promise.all(
        domains.map((domain, i) => (i % 2 ? first : second).watch(CHANNEL, domain, LIMITS, AT)),
      );
      expect(outcomes.filter((outcome) => outcome.ok).length).toBe(3);
      expect(await first.watches(CHANNEL)).toHaveLength(3);
    });

    it('unwatches, saying whether the domain was watched, and frees room under the limit', async () => {
      const store = await fresh();
      for (const d of ['a', 'b', 'c']) await store.watch(CHANNEL, `${d}.example`, LIMITS, AT);
      expect(await store.unwatch(CHANNEL, 'b.example')).toBe(true);
      expect(await store.unwatch(CHANNEL, 'b.example')).toBe(false);
      expect(await store.watch(CHANNEL, 'd.example', LIMITS, AT)).toEqual({ ok: true, added: true });
      expect(await store.watches(CHANNEL)).toEqual(['a.example', 'c.example', 'd.example']);
    });

    it('lists only channels that watch something, with no schedule until one is set', async () => {
      const store = await fresh();
      await store.watch(CHANNEL, 'a.example', LIMITS, AT);
      await store.setSchedule(other('C2'), { every: 'off' }, AT);
      expect(await store.digestChannels()).toEqual([{ channel: CHANNEL, schedule: null, since: AT, lastSlot: null }]);
      expect(await store.schedule(other('C2'))).toEqual({ every: 'off' });
      expect(await store.schedule(CHANNEL)).toBeNull();
    });

    it('restarts the schedule when a channel sets one, or starts watching again after watching nothing', async () => {
      const store = await fresh();
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
      const store = await fresh();
      await store.watch(CHANNEL, 'a.example', LIMITS, AT);
      expect(await store.claimSlot(CHANNEL, '2026-12-01T09:00:00.000Z', AT)).toBe(true);
      expect(await store.claimSlot(CHANNEL, '2026-12-01T09:00:00.000Z', AT)).toBe(false);
      expect(await store.claimSlot(other('C2'), '2026-12-01T09:00:00.000Z', AT)).toBe(true);
      expect(await store.claimSlot(CHANNEL, '2026-12-02T09:00:00.000Z', AT)).toBe(true);
      expect(await store.claimSlot(CHANNEL, '2026-11-30T09:00:00.000Z', AT)).toBe(true);
      expect((await store.digestChannels())[0]?.lastSlot).toBe('2026-12-02T09:00:00.000Z');
    });

    it('lets only one of two instances on the same database claim a slot', async () => {
      const db = await database();
      const [first, second] = [await db.open(), await db.open()];
      const slot = '2026-12-01T09:00:00.000Z';
      const claims = await Promise.all([first.claimSlot(CHANNEL, slot, AT), second.claimSlot(CHANNEL, slot, AT)]);
      expect(claims.sort()).toEqual([false, true]);
    });

    it('lists a claimed slot as unfinished until it is recorded as posted, and only once its claim is old enough', async () => {
      const db = await database();
      const first = await db.open();
      const slot = '2026-12-01T09:00:00.000Z';
      await first.claimSlot(CHANNEL, slot, '2026-12-01T09:00:10.000Z');
      await first.claimSlot(other('C2'), slot, '2026-12-01T09:00:10.000Z');
      await first.slotPosted(other('C2'), slot, '2026-12-01T09:00:20.000Z', '1700000000.000100');
      const second = await db.open();
      expect(await second.unfinishedSlots('2026-12-01T09:00:10.000Z')).toEqual([]);
      expect(await second.unfinishedSlots('2026-12-01T09:05:00.000Z')).toEqual([{ channel: CHANNEL, slot }]);
      await second.slotPosted(CHANNEL, slot, '2026-12-01T09:06:00.000Z', null);
      expect(await second.unfinishedSlots('2026-12-01T09:10:00.000Z')).toEqual([]);
    });

    it('lets only one of two instances take over an unfinished slot, and none a posted one', async () => {
      const db = await database();
      const [first, second] = [await db.open(), await db.open()];
      const slot = '2026-12-01T09:00:00.000Z';
      const before = '2026-12-01T09:05:00.000Z';
      await first.claimSlot(CHANNEL, slot, '2026-12-01T09:00:10.000Z');
      expect(await first.reclaimSlot(CHANNEL, slot, '2026-12-01T09:00:20.000Z', '2026-12-01T09:00:10.000Z')).toBe(
        false,
      );
      const takes = await Promise.all([
        first.reclaimSlot(CHANNEL, slot, '2026-12-01T09:06:00.000Z', before),
        second.reclaimSlot(CHANNEL, slot, '2026-12-01T09:06:00.000Z', before),
      ]);
      expect(takes.sort()).toEqual([false, true]);
      // Taken over at 09:06, so not unfinished before 09:06 any more.
      expect(await second.unfinishedSlots(before)).toEqual([]);
      await second.slotPosted(CHANNEL, slot, '2026-12-01T09:07:00.000Z', 'm1');
      expect(await first.reclaimSlot(CHANNEL, slot, '2026-12-01T09:20:00.000Z', '2026-12-01T09:15:00.000Z')).toBe(
        false,
      );
    });

    it('replaces the last digest as a whole and keeps it across instances', async () => {
      const db = await database();
      const first = await db.open();
      expect(await first.lastDigest(CHANNEL)).toBeNull();
      await first.saveDigest(CHANNEL, {
        at: AT,
        snapshots: [snapshotFixture({ domain: 'a.example' }), snapshotFixture({ domain: 'b.example' })],
      });
      const latest = [
        snapshotFixture({
          domain: 'b.example',
          verdict: 'broken',
          codes: ['mx-mismatch'],
          uncoveredMx: ['mx2.b.example'],
        }),
      ];
      await first.saveDigest(CHANNEL, { at: '2026-12-01T09:00:00.000Z', snapshots: latest });
      await db.close(first);

      const second = await db.open();
      expect(await second.lastDigest(CHANNEL)).toEqual({ at: '2026-12-01T09:00:00.000Z', snapshots: latest });
      expect(await second.lastDigest(other('C2'))).toBeNull();
      await second.saveDigest(other('C2'), { at: AT, snapshots: [] });
      expect(await second.lastDigest(other('C2'))).toEqual({ at: AT, snapshots: [] });
    });
  });

  describe(`${name}: rate limits`, () => {
    const limiterAt = async (start: number) => {
      const clock = { now: start };
      const limiter = (await fresh()).rateLimiter({ limit: 3, windowMs: 600_000, now: () => clock.now });
      return { clock, limiter };
    };

    it('cuts a burst at the limit and says when the oldest take leaves the window', async () => {
      const { clock, limiter } = await limiterAt(1_000_000);
      const decisions = [];
      for (const offset of [0, 1000, 2000, 3000]) {
        clock.now = 1_000_000 + offset;
        decisions.push(await limiter.take('slack:T1:U1'));
      }
      expect(decisions).toEqual([
        { allowed: true },
        { allowed: true },
        { allowed: true },
        { allowed: false, retryAfterMs: 597_000 },
      ]);
    });

    it('keeps keys apart, slides one unit at a time and does not count refusals', async () => {
      const { clock, limiter } = await limiterAt(0);
      for (const at of [0, 100_000, 200_000]) {
        clock.now = at;
        await limiter.take('k');
      }
      clock.now = 599_999;
      expect(await limiter.take('k')).toEqual({ allowed: false, retryAfterMs: 1 });
      expect(await limiter.take('other')).toEqual({ allowed: true });
      clock.now = 600_000;
      expect(await limiter.take('k')).toEqual({ allowed: true });
      expect(await limiter.take('k')).toEqual({ allowed: false, retryAfterMs: 100_000 });
    });
  });

  describe(`${name}: installations`, () => {
    const A = { platform: 'slack', workspaceId: 'TA' } as const;
    const B = { platform: 'slack', workspaceId: 'TB' } as const;
    const inA: Channel = { ...A, channelId: 'C1' };
    const inB: Channel = { ...B, channelId: 'C1' };
    const WEEKLY = { every: 'week', hour: 8, minute: 0, timezone: 'UTC' } as const;
    const SLOT = '2026-12-07T08:00:00.000Z';

    it('keeps one sealed installation per workspace and platform, replaced on a reinstall, seen by another instance', async () => {
      const db = await database();
      const first = await db.open();
      expect(await first.installation(A)).toBeNull();
      await first.saveInstallation(A, 'v1:first', AT);
      await first.saveInstallation(B, 'v1:other', AT);
      await first.saveInstallation(A, 'v1:second', '2026-11-30T11:00:00.000Z');
      const second = await db.open();
      expect(await second.installation(A)).toBe('v1:second');
      expect(await second.installation(B)).toBe('v1:other');
      expect(await second.installation({ platform: 'discord', workspaceId: 'TA' })).toBeNull();
    });

    it('forgets only that workspace: its installation, watches, schedule, claimed slots and last digest', async () => {
      const store = await fresh();
      const sameIdOnDiscord: Channel = { platform: 'discord', workspaceId: 'TB', channelId: 'C1' };
      for (const channel of [inA, inB, sameIdOnDiscord]) {
        await store.saveInstallation(channel, `v1:${channel.platform}:${channel.workspaceId}`, AT);
        await store.watch(channel, 'example.com', LIMITS, AT);
        await store.setSchedule(channel, WEEKLY, AT);
        await store.claimSlot(channel, SLOT, AT);
        await store.saveDigest(channel, { at: AT, snapshots: [snapshotFixture()] });
        await store.addTlsRptReport(storedReport({ channel }), 'google|r1');
        await store.mintIngestToken(channel, `token-${channel.platform}-${channel.workspaceId}`, AT);
      }

      await store.forgetWorkspace(B);

      expect(await store.installation(B)).toBeNull();
      expect(await store.watches(inB)).toEqual([]);
      expect(await store.schedule(inB)).toBeNull();
      expect(await store.lastDigest(inB)).toBeNull();
      expect(await store.tlsRptReports(inB, 'example.com', { endAfter: '2026-01-01T00:00:00.000Z' })).toEqual([]);
      expect(await store.channelOfIngestToken('token-slack-TB')).toBeNull();
      // The slot and the report are free again: a reinstall starts from scratch.
      expect(await store.addTlsRptReport(storedReport({ channel: inB }), 'google|r1')).toBe(true);
      expect(await store.claimSlot(inB, SLOT, AT)).toBe(true);

      for (const channel of [inA, sameIdOnDiscord]) {
        expect(await store.installation(channel)).toBe(`v1:${channel.platform}:${channel.workspaceId}`);
        expect(await store.watches(channel)).toEqual(['example.com']);
        expect(await store.schedule(channel)).toEqual(WEEKLY);
        expect(await store.lastDigest(channel)).toEqual({ at: AT, snapshots: [snapshotFixture()] });
        expect(await store.claimSlot(channel, SLOT, AT)).toBe(false);
        expect(await store.tlsRptReports(channel, 'example.com', { endAfter: '2026-01-01T00:00:00.000Z' })).toEqual([
          storedReport({ channel }),
        ]);
        expect(await store.channelOfIngestToken(`token-${channel.platform}-${channel.workspaceId}`)).toEqual(channel);
      }
      const channels = (await store.digestChannels()).map((state) => state.channel);
      expect(channels).toHaveLength(2);
      expect(channels).toEqual(expect.arrayContaining([inA, sameIdOnDiscord]));
    });

    it('keeps workspaces apart: the same channel id in another workspace has its own watches and limits', async () => {
      const store = await fresh();
      for (const domain of ['a.example', 'b.example', 'c.example']) await store.watch(inA, domain, LIMITS, AT);
      expect(await store.watch(inB, 'd.example', LIMITS, AT)).toEqual({ ok: true, added: true });
      expect(await store.watches(inB)).toEqual(['d.example']);
      expect(await store.unwatch(inB, 'a.example')).toBe(false);
      expect(await store.watches(inA)).toEqual(['a.example', 'b.example', 'c.example']);
    });

    it('answers a ping when open and migrated, and refuses one once closed', async () => {
      const db = await database();
      const store = await db.open();
      await expect(store.ping()).resolves.toBeUndefined();
      await db.close(store);
      await expect(store.ping()).rejects.toThrow();
    });
  });

  describe(`${name}: TLS-RPT reports`, () => {
    const OTHER = { ...REPORT_CHANNEL, channelId: 'C2' };
    const SINCE_JANUARY = { endAfter: '2026-01-01T00:00:00.000Z' };

    it('keeps a report once per channel and key; the same key in another channel is another report', async () => {
      const store = await fresh();
      expect(await store.addTlsRptReport(storedReport(), 'google|r1')).toBe(true);
      expect(await store.addTlsRptReport(storedReport({ submitter: 'slack:U1' }), 'google|r1')).toBe(false);
      expect(await store.addTlsRptReport(storedReport({ channel: OTHER }), 'google|r1')).toBe(true);
      expect(await store.tlsRptReports(REPORT_CHANNEL, 'example.com', SINCE_JANUARY)).toEqual([storedReport()]);
    });

    it('keeps a report once when instances add it at the same moment', async () => {
      const db = await database();
      const stores = [await db.open(), await db.open(), await db.open()];
      const added = await Promise.all(
        Array.from({ length: 12 }, (_, i) => stores[i % 3]!.addTlsRptReport(storedReport(), 'google|r1')),
      );
      expect(added.filter(Boolean)).toHaveLength(1);
      expect(await stores[0]!.tlsRptReports(REPORT_CHANNEL, 'example.com', SINCE_JANUARY)).toEqual([storedReport()]);
    });

    it('finds a report under each of its policy domains, never under a missing one, and only in its channel', async () => {
      const store = await fresh();
      const summary = [summaryRow(), summaryRow({ policyDomain: 'example.net' }), summaryRow({ policyDomain: null })];
      await store.addTlsRptReport(storedReport({ summary }), 'k1');
      expect(await store.tlsRptReports(REPORT_CHANNEL, 'example.net', SINCE_JANUARY)).toEqual([
        storedReport({ summary }),
      ]);
      expect(await store.tlsRptReports(REPORT_CHANNEL, 'example.com', SINCE_JANUARY)).toHaveLength(1);
      expect(await store.tlsRptReports(REPORT_CHANNEL, 'example.org', SINCE_JANUARY)).toEqual([]);
      expect(await store.tlsRptReports(OTHER, 'example.com', SINCE_JANUARY)).toEqual([]);
    });

    it('reads a window by the end of the date range or by arrival, oldest first', async () => {
      const store = await fresh();
      await store.addTlsRptReport(
        storedReport({ reportId: 'late', end: '2026-11-28T00:00:00.000Z', receivedAt: '2026-11-30T12:00:00.000Z' }),
        'late',
      );
      await store.addTlsRptReport(
        storedReport({ reportId: 'old', end: '2026-11-20T00:00:00.000Z', receivedAt: '2026-11-20T01:00:00.000Z' }),
        'old',
      );
      await store.addTlsRptReport(storedReport({ reportId: 'new' }), 'new');
      const ids = (reports: { reportId: string | null }[]) => reports.map((report) => report.reportId);
      expect(
        ids(await store.tlsRptReports(REPORT_CHANNEL, 'example.com', { endAfter: '2026-11-27T00:00:00.000Z' })),
      ).toEqual(['late', 'new']);
      expect(
        ids(await store.tlsRptReports(REPORT_CHANNEL, 'example.com', { receivedAfter: '2026-11-30T09:00:00.000Z' })),
      ).toEqual(['late']);
    });

    it('mints one token per channel: a second mint returns the first; unknown tokens map to no channel', async () => {
      const store = await fresh();
      expect(await store.ingestToken(REPORT_CHANNEL)).toBeNull();
      expect(await store.mintIngestToken(REPORT_CHANNEL, 'tok-1', AT)).toBe('tok-1');
      expect(await store.mintIngestToken(REPORT_CHANNEL, 'tok-2', AT)).toBe('tok-1');
      expect(await store.mintIngestToken(OTHER, 'tok-3', AT)).toBe('tok-3');
      expect(await store.ingestToken(REPORT_CHANNEL)).toBe('tok-1');
      expect(await store.channelOfIngestToken('tok-3')).toEqual(OTHER);
      expect(await store.channelOfIngestToken('tok-2')).toBeNull();
    });

    it('gives every instance minting at once the same one token', async () => {
      const db = await database();
      const stores = [await db.open(), await db.open()];
      const minted = await Promise.all(
        ['tok-a', 'tok-b', 'tok-c', 'tok-d'].map((token, i) =>
          stores[i % 2]!.mintIngestToken(REPORT_CHANNEL, token, AT),
        ),
      );
      expect(new Set(minted).size).toBe(1);
      expect(await stores[1]!.ingestToken(REPORT_CHANNEL)).toBe(minted[0]);
    });
  });

  describe(`${name}: singleton work`, () => {
    it('starts the work for its first holder and stops it on release', async () => {
      const store = await fresh();
      const events: string[] = [];
      const held = await store.holdSingleton('gateway', {
        start: async () => void events.push('start'),
        stop: async () => void events.push('stop'),
      });
      expect(events).toEqual(['start']);
      await held.release();
      expect(events).toEqual(['start', 'stop']);
    });

    it('fails the hold when the work fails to start, so bad configuration stops start-up', async () => {
      const store = await fresh();
      const refused = store.holdSingleton('gateway', {
        start: () => Promise.reject(new Error('An invalid token was provided.')),
        stop: async () => undefined,
      });
      await expect(refused).rejects.toThrow('An invalid token was provided.');
    });
  });
}
