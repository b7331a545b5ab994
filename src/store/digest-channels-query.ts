/** Channels that watch at least one domain, with their latest claimed slot: the same SQL on SQLite and Postgres. */
export const DIGEST_CHANNELS_SQL = `
  SELECT c.platform, c.workspace_id, c.channel_id, c.schedule, c.since,
    (SELECT MAX(slot) FROM digest_slots s
      WHERE s.platform = c.platform AND s.workspace_id = c.workspace_id AND s.channel_id = c.channel_id) AS last_slot
  FROM digest_channels c
  WHERE EXISTS (SELECT 1 FROM watches w
    WHERE w.platform = c.platform AND w.workspace_id = c.workspace_id AND w.channel_id = c.channel_id)`;
