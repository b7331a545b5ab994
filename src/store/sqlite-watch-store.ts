import type { Database } from 'better-sqlite3';
import { DIGEST_CHANNELS_SQL } from './digest-channels-query.js';
import { sqliteWrite } from './sqlite-busy.js';
import type {
  Channel,
  DigestChannel,
  DigestSchedule,
  DomainSnapshot,
  UnfinishedSlot,
  WatchLimits,
  WatchOutcome,
  WatchStore,
} from './watch-store.js';

interface ChannelRow {
  platform: Channel['platform'];
  workspace_id: string;
  channel_id: string;
  schedule: string | null;
  since: string;
  last_slot: string | null;
}

const CHANNEL = 'platform = @platform AND workspace_id = @workspaceId AND channel_id = @channelId';

/** The WatchStore on an open, migrated SQLite database (the one that also keeps scan history). */
export function sqliteWatchStore(db: Database): WatchStore {
  const key = ({ platform, workspaceId, channelId }: Channel) => ({ platform, workspaceId, channelId });
  const count = (sql: string) => db.prepare<object, { n: number }>(`SELECT COUNT(*) AS n FROM watches WHERE ${sql}`);
  const watched = db.prepare<object, { one: 1 }>(`SELECT 1 AS one FROM watches WHERE ${CHANNEL} AND domain = @domain`);
  const inChannel = count(CHANNEL);
  const inWorkspace = count('platform = @platform AND workspace_id = @workspaceId');
  const insertWatch = db.prepare(
    'INSERT INTO watches (platform, workspace_id, channel_id, domain, added_at) VALUES (@platform, @workspaceId, @channelId, @domain, @at)',
  );
  // A channel that starts watching (again) starts its schedule now, so no slot from before is due at once.
  const startChannel = db.prepare(`
    INSERT INTO digest_channels (platform, workspace_id, channel_id, since) VALUES (@platform, @workspaceId, @channelId, @at)
    ON CONFLICT DO UPDATE SET since = excluded.since`);
  const deleteWatch = db.prepare(`DELETE FROM watches WHERE ${CHANNEL} AND domain = @domain`);
  const listWatches = db.prepare<object, { domain: string }>(
    `SELECT domain FROM watches WHERE ${CHANNEL} ORDER BY domain`,
  );
  const upsertSchedule = db.prepare(`
    INSERT INTO digest_channels (platform, workspace_id, channel_id, schedule, since)
    VALUES (@platform, @workspaceId, @channelId, @schedule, @at)
    ON CONFLICT DO UPDATE SET schedule = excluded.schedule, since = excluded.since`);
  const selectChannel = db.prepare<object, { schedule: string | null; last_digest_at: string | null }>(
    `SELECT schedule, last_digest_at FROM digest_channels WHERE ${CHANNEL}`,
  );
  const selectDigestChannels = db.prepare<[], ChannelRow>(DIGEST_CHANNELS_SQL);
  const insertSlot = db.prepare(`
    INSERT OR IGNORE INTO digest_slots (platform, workspace_id, channel_id, slot, claimed_at)
    VALUES (@platform, @workspaceId, @channelId, @slot, @at)`);
  const SLOT = `${CHANNEL} AND slot = @slot`;
  const markPosted = db.prepare(`UPDATE digest_slots SET posted_at = @at, message_id = @messageId WHERE ${SLOT}`);
  const selectUnfinished = db.prepare<
    [string],
    { platform: Channel['platform']; workspace_id: string; channel_id: string; slot: string }
  >(
    'SELECT platform, workspace_id, channel_id, slot FROM digest_slots WHERE posted_at IS NULL AND claimed_at < ? ORDER BY slot',
  );
  const retake = db.prepare(
    `UPDATE digest_slots SET claimed_at = @at WHERE ${SLOT} AND posted_at IS NULL AND claimed_at < @claimedBefore`,
  );
  const deleteSnapshots = db.prepare(`DELETE FROM digest_snapshots WHERE ${CHANNEL}`);
  const insertSnapshot = db.prepare(`
    INSERT INTO digest_snapshots (platform, workspace_id, channel_id, domain, snapshot)
    VALUES (@platform, @workspaceId, @channelId, @domain, @snapshot)`);
  const markDigest = db.prepare(`
    INSERT INTO digest_channels (platform, workspace_id, channel_id, since, last_digest_at)
    VALUES (@platform, @workspaceId, @channelId, @at, @at)
    ON CONFLICT DO UPDATE SET last_digest_at = excluded.last_digest_at`);
  const selectSnapshots = db.prepare<object, { snapshot: string }>(
    `SELECT snapshot FROM digest_snapshots WHERE ${CHANNEL} ORDER BY domain`,
  );

  // IMMEDIATE: the counts and the insert happen under one write lock, even with another process on the file.
  const addWatch = db.transaction((channel: Channel, domain: string, limits: WatchLimits, at: string): WatchOutcome => {
    const params = { ...key(channel), domain, at };
    if (watched.get(params)) return { ok: true, added: false };
    const channelCount = inChannel.get(params)!.n;
    if (channelCount >= limits.perChannel) return { ok: false, limit: 'perChannel', max: limits.perChannel };
    if (inWorkspace.get(params)!.n >= limits.perWorkspace)
      return { ok: false, limit: 'perWorkspace', max: limits.perWorkspace };
    insertWatch.run(params);
    if (channelCount === 0) startChannel.run(params);
    return { ok: true, added: true };
  });
  const replaceDigest = db.transaction((channel: Channel, at: string, snapshots: DomainSnapshot[]) => {
    deleteSnapshots.run(key(channel));
    for (const snapshot of snapshots) {
      insertSnapshot.run({ ...key(channel), domain: snapshot.domain, snapshot: JSON.stringify(snapshot) });
    }
    markDigest.run({ ...key(channel), at });
  });

  return {
    async watch(channel, domain, limits, at) {
      return sqliteWrite(() => addWatch.immediate(channel, domain, limits, at));
    },
    async unwatch(channel, domain) {
      return sqliteWrite(() => deleteWatch.run({ ...key(channel), domain }).changes > 0);
    },
    async watches(channel) {
      return listWatches.all(key(channel)).map((row) => row.domain);
    },
    async setSchedule(channel, schedule, at) {
      await sqliteWrite(() => upsertSchedule.run({ ...key(channel), schedule: JSON.stringify(schedule), at }));
    },
    async schedule(channel) {
      const row = selectChannel.get(key(channel));
      return row?.schedule ? (JSON.parse(row.schedule) as DigestSchedule) : null;
    },
    async digestChannels() {
      return selectDigestChannels.all().map(
        (row): DigestChannel => ({
          channel: { platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id },
          schedule: row.schedule ? (JSON.parse(row.schedule) as DigestSchedule) : null,
          since: row.since,
          lastSlot: row.last_slot,
        }),
      );
    },
    async claimSlot(channel, slot, at) {
      return sqliteWrite(() => insertSlot.run({ ...key(channel), slot, at }).changes === 1);
    },
    async slotPosted(channel, slot, at, messageId) {
      await sqliteWrite(() => markPosted.run({ ...key(channel), slot, at, messageId }));
    },
    async unfinishedSlots(claimedBefore) {
      return selectUnfinished.all(claimedBefore).map(
        (row): UnfinishedSlot => ({
          channel: { platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id },
          slot: row.slot,
        }),
      );
    },
    async reclaimSlot(channel, slot, at, claimedBefore) {
      return sqliteWrite(() => retake.run({ ...key(channel), slot, at, claimedBefore }).changes === 1);
    },
    async saveDigest(channel, { at, snapshots }) {
      await sqliteWrite(() => replaceDigest.immediate(channel, at, snapshots));
    },
    async lastDigest(channel) {
      const at = selectChannel.get(key(channel))?.last_digest_at;
      if (!at) return null;
      return {
        at,
        snapshots: selectSnapshots.all(key(channel)).map((row) => JSON.parse(row.snapshot) as DomainSnapshot),
      };
    },
  };
}
