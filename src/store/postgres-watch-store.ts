import type { Pool } from 'pg';
import { DIGEST_CHANNELS_SQL } from './digest-channels-query.js';
import { inTransaction } from './postgres-transaction.js';
import type { Channel, DigestChannel, DigestSchedule, DomainSnapshot, WatchStore } from './watch-store.js';

interface ChannelRow {
  platform: Channel['platform'];
  workspace_id: string;
  channel_id: string;
  schedule: DigestSchedule | null;
  since: Date;
  last_slot: Date | null;
}

const CHANNEL = 'platform = $1 AND workspace_id = $2 AND channel_id = $3';
const key = ({ platform, workspaceId, channelId }: Channel) => [platform, workspaceId, channelId];
// Sorted byte-wise, as SQLite does, whatever the database's collation.
const BY_DOMAIN = 'ORDER BY domain COLLATE "C"';

/** The WatchStore on a migrated Postgres database shared by every replica. */
export function postgresWatchStore(pool: Pool): WatchStore {
  return {
    // The workspace's lock serialises the counts and the insert across replicas, so a limit holds under races.
    watch: (channel, domain, limits, at) =>
      inTransaction(pool, async (client) => {
        await client.query(
          `SELECT pg_advisory_xact_lock(hashtext('mtasts:watch:' || $1 || ':' || $2))`,
          key(channel).slice(0, 2),
        );
        const { rows } = await client.query<{ watched: boolean; in_channel: number; in_workspace: number }>(
          `SELECT bool_or(channel_id = $3 AND domain = $4) AS watched,
             count(*) FILTER (WHERE channel_id = $3)::int AS in_channel, count(*)::int AS in_workspace
           FROM watches WHERE platform = $1 AND workspace_id = $2`,
          [...key(channel), domain],
        );
        const { watched, in_channel: inChannel, in_workspace: inWorkspace } = rows[0]!;
        if (watched) return { ok: true, added: false };
        if (inChannel >= limits.perChannel) return { ok: false, limit: 'perChannel', max: limits.perChannel };
        if (inWorkspace >= limits.perWorkspace) return { ok: false, limit: 'perWorkspace', max: limits.perWorkspace };
        await client.query(
          'INSERT INTO watches (platform, workspace_id, channel_id, domain, added_at) VALUES ($1, $2, $3, $4, $5)',
          [...key(channel), domain, at],
        );
        // A channel that starts watching (again) starts its schedule now, so no slot from before is due at once.
        if (inChannel === 0) {
          await client.query(
            `INSERT INTO digest_channels (platform, workspace_id, channel_id, since) VALUES ($1, $2, $3, $4)
             ON CONFLICT (platform, workspace_id, channel_id) DO UPDATE SET since = excluded.since`,
            [...key(channel), at],
          );
        }
        return { ok: true, added: true };
      }),
    async unwatch(channel, domain) {
      const result = await pool.query(`DELETE FROM watches WHERE ${CHANNEL} AND domain = $4`, [
        ...key(channel),
        domain,
      ]);
      return result.rowCount === 1;
    },
    async watches(channel) {
      const { rows } = await pool.query<{ domain: string }>(
        `SELECT domain FROM watches WHERE ${CHANNEL} ${BY_DOMAIN}`,
        key(channel),
      );
      return rows.map((row) => row.domain);
    },
    async setSchedule(channel, schedule, at) {
      await pool.query(
        `INSERT INTO digest_channels (platform, workspace_id, channel_id, schedule, since) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (platform, workspace_id, channel_id) DO UPDATE SET schedule = excluded.schedule, since = excluded.since`,
        [...key(channel), JSON.stringify(schedule), at],
      );
    },
    async schedule(channel) {
      const { rows } = await pool.query<{ schedule: DigestSchedule | null }>(
        `SELECT schedule FROM digest_channels WHERE ${CHANNEL}`,
        key(channel),
      );
      return rows[0]?.schedule ?? null;
    },
    async digestChannels() {
      const { rows } = await pool.query<ChannelRow>(DIGEST_CHANNELS_SQL);
      return rows.map(
        (row): DigestChannel => ({
          channel: { platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id },
          schedule: row.schedule,
          since: row.since.toISOString(),
          lastSlot: row.last_slot?.toISOString() ?? null,
        }),
      );
    },
    // The primary key is the only guard against two replicas posting one slot.
    async claimSlot(channel, slot, at) {
      const result = await pool.query(
        `INSERT INTO digest_slots (platform, workspace_id, channel_id, slot, claimed_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [...key(channel), slot, at],
      );
      return result.rowCount === 1;
    },
    async slotPosted(channel, slot, at, messageId) {
      await pool.query(`UPDATE digest_slots SET posted_at = $5, message_id = $6 WHERE ${CHANNEL} AND slot = $4`, [
        ...key(channel),
        slot,
        at,
        messageId,
      ]);
    },
    async unfinishedSlots(claimedBefore) {
      const { rows } = await pool.query<{
        platform: Channel['platform'];
        workspace_id: string;
        channel_id: string;
        slot: Date;
      }>(
        'SELECT platform, workspace_id, channel_id, slot FROM digest_slots WHERE posted_at IS NULL AND claimed_at < $1 ORDER BY slot',
        [claimedBefore],
      );
      return rows.map((row) => ({
        channel: { platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id },
        slot: row.slot.toISOString(),
      }));
    },
    // One conditional UPDATE: of replicas resuming the same slot at once, one gets it.
    async reclaimSlot(channel, slot, at, claimedBefore) {
      const result = await pool.query(
        `UPDATE digest_slots SET claimed_at = $5 WHERE ${CHANNEL} AND slot = $4 AND posted_at IS NULL AND claimed_at < $6`,
        [...key(channel), slot, at, claimedBefore],
      );
      return result.rowCount === 1;
    },
    saveDigest: (channel, { at, snapshots }) =>
      inTransaction(pool, async (client) => {
        await client.query(`DELETE FROM digest_snapshots WHERE ${CHANNEL}`, key(channel));
        if (snapshots.length > 0) {
          await client.query(
            `INSERT INTO digest_snapshots (platform, workspace_id, channel_id, domain, snapshot)
             SELECT $1, $2, $3, s->>'domain', s FROM jsonb_array_elements($4::jsonb) AS s`,
            [...key(channel), JSON.stringify(snapshots)],
          );
        }
        await client.query(
          `INSERT INTO digest_channels (platform, workspace_id, channel_id, since, last_digest_at) VALUES ($1, $2, $3, $4, $4)
           ON CONFLICT (platform, workspace_id, channel_id) DO UPDATE SET last_digest_at = excluded.last_digest_at`,
          [...key(channel), at],
        );
      }),
    // One statement, so a digest saved meanwhile by another replica is read whole or not at all.
    async lastDigest(channel) {
      const { rows } = await pool.query<{ last_digest_at: Date | null; snapshot: DomainSnapshot | null }>(
        `SELECT c.last_digest_at, s.snapshot FROM digest_channels c
         LEFT JOIN digest_snapshots s USING (platform, workspace_id, channel_id)
         WHERE c.platform = $1 AND c.workspace_id = $2 AND c.channel_id = $3 ORDER BY s.domain COLLATE "C"`,
        key(channel),
      );
      const at = rows[0]?.last_digest_at;
      if (!at) return null;
      return { at: at.toISOString(), snapshots: rows.flatMap((row) => (row.snapshot === null ? [] : [row.snapshot])) };
    },
  };
}
