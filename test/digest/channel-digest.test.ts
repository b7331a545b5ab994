import { afterEach, describe, expect, it } from 'vitest';
import { channelDigest } from '../../src/digest/channel-digest.js';
import type { Report } from '../../src/report/report.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { DEFAULT_WATCH_LIMITS } from '../../src/store/watch-store.js';
import { CHANNEL, reportFixture, snapshotFixture } from './digest-fixtures.js';

let store: SqliteStore | undefined;
afterEach(() => store?.close());

const NOW = new Date('2026-12-01T09:00:00.000Z');
const hangs = (): Promise<Report> => new Promise<Report>(() => undefined);

async function watching(...domains: string[]): Promise<SqliteStore> {
  store = openSqliteStore(':memory:');
  for (const domain of domains) await store.watch(CHANNEL, domain, DEFAULT_WATCH_LIMITS, '2026-11-01T00:00:00.000Z');
  return store;
}

describe('channelDigest', () => {
  it("compares the channel's watched domains with its last digest and hands back the new one to save", async () => {
    const store = await watching('a.example');
    await store.saveDigest(CHANNEL, {
      at: '2026-11-30T09:00:00.000Z',
      snapshots: [snapshotFixture({ domain: 'a.example', mode: 'testing' })],
    });
    const scan = async (domain: string) => reportFixture(domain);
    const { message, digest } = await channelDigest(CHANNEL, {
      store,
      scan,
      concurrency: 2,
      deadlineMs: 5_000,
      now: () => NOW,
    });
    expect(message.lines[0]?.changes.map((change) => change.kind)).toContain('mode-flipped');
    expect(digest).toEqual({
      at: NOW.toISOString(),
      snapshots: [expect.objectContaining({ domain: 'a.example', mode: 'enforce', scannedAt: NOW.toISOString() })],
    });
    // Nothing is saved until the caller has posted the message.
    expect((await store.lastDigest(CHANNEL))?.at).toBe('2026-11-30T09:00:00.000Z');
  });

  it('keeps the last known snapshot of a domain that timed out, so its changes show once it answers', async () => {
    const store = await watching('slow.example', 'new-and-slow.example');
    const kept = snapshotFixture({ domain: 'slow.example', scannedAt: '2026-11-30T09:00:00.000Z' });
    await store.saveDigest(CHANNEL, { at: '2026-11-30T09:00:00.000Z', snapshots: [kept] });
    const { message, digest } = await channelDigest(CHANNEL, {
      store,
      scan: hangs,
      concurrency: 2,
      deadlineMs: 50,
      now: () => NOW,
    });
    expect(message.lines.map((line) => [line.domain, line.timedOut])).toEqual([
      ['new-and-slow.example', true],
      ['slow.example', true],
    ]);
    expect(digest.snapshots).toEqual([kept]);
  });

  it('leaves domains the channel no longer watches out of the digest', async () => {
    const store = await watching('a.example');
    await store.saveDigest(CHANNEL, {
      at: '2026-11-30T09:00:00.000Z',
      snapshots: [snapshotFixture({ domain: 'gone.example' })],
    });
    const { message, digest } = await channelDigest(CHANNEL, {
      store,
      scan: async (d) => reportFixture(d),
      concurrency: 2,
      deadlineMs: 5_000,
      now: () => NOW,
    });
    expect(message.lines).toEqual([]);
    expect(message.folded).toEqual([
      { verdict: 'enforced', label: '1 enforced, new since the previous digest', domains: ['a.example'] },
    ]);
    expect(digest.snapshots.map((snapshot) => snapshot.domain)).toEqual(['a.example']);
  });
});
