import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { DEFAULT_WATCH_LIMITS, type Channel } from '../../src/store/watch-store.js';

const AT = '2024-03-01T00:00:00.000Z';
const A = { platform: 'slack', workspaceId: 'TA' } as const;
const B = { platform: 'slack', workspaceId: 'TB' } as const;
const inA: Channel = { ...A, channelId: 'C1' };
const inB: Channel = { ...B, channelId: 'C1' };

let store: SqliteStore;
afterEach(() => store.close());

describe('sqlite installation store', () => {
  it('keeps one sealed installation per workspace and replaces it on a reinstall', async () => {
    store = openSqliteStore(':memory:');
    expect(await store.installation(A)).toBeNull();
    await store.saveInstallation(A, 'v1:first', AT);
    await store.saveInstallation(B, 'v1:other', AT);
    await store.saveInstallation(A, 'v1:second', AT);
    expect(await store.installation(A)).toBe('v1:second');
    expect(await store.installation(B)).toBe('v1:other');
    expect(await store.installation({ platform: 'discord', workspaceId: 'TA' })).toBeNull();
  });

  it('forgets a workspace: its installation, watches, schedules and last digest; another workspace keeps all of it', async () => {
    store = openSqliteStore(':memory:');
    for (const [workspace, channel] of [[A, inA], [B, inB]] as const) {
      await store.saveInstallation(workspace, 'v1:sealed', AT);
      await store.watch(channel, 'example.com', DEFAULT_WATCH_LIMITS, AT);
      await store.setSchedule(channel, { every: 'week', hour: 8, minute: 0, timezone: 'UTC' }, AT);
      await store.claimSlot(channel, '2024-03-04T08:00:00.000Z', AT);
      await store.saveDigest(channel, { at: AT, snapshots: [] });
    }

    await store.forgetWorkspace(B);

    expect(await store.installation(B)).toBeNull();
    expect(await store.watches(inB)).toEqual([]);
    expect(await store.schedule(inB)).toBeNull();
    expect(await store.lastDigest(inB)).toBeNull();
    // The slot is free again: a reinstall starts from scratch.
    expect(await store.claimSlot(inB, '2024-03-04T08:00:00.000Z', AT)).toBe(true);

    expect(await store.installation(A)).toBe('v1:sealed');
    expect(await store.watches(inA)).toEqual(['example.com']);
    expect(await store.schedule(inA)).toEqual({ every: 'week', hour: 8, minute: 0, timezone: 'UTC' });
    expect(await store.lastDigest(inA)).toEqual({ at: AT, snapshots: [] });
    expect((await store.digestChannels()).map((state) => state.channel)).toEqual([inA]);
  });
});
