import type { Pool } from 'pg';
import type { InstallationStore, Workspace } from './installation-store.js';
import { inTransaction } from './postgres-transaction.js';

const WORKSPACE = 'platform = $1 AND workspace_id = $2';
/** Every table whose rows belong to one workspace, emptied when it uninstalls (a report's domains before it). */
const WORKSPACE_TABLES = [
  'installations',
  'watches',
  'digest_channels',
  'digest_slots',
  'digest_snapshots',
  'tlsrpt_tokens',
  'tlsrpt_reports',
];
const REPORT_DOMAINS = `DELETE FROM tlsrpt_report_domains WHERE report IN (SELECT id FROM tlsrpt_reports WHERE ${WORKSPACE})`;
const key = ({ platform, workspaceId }: Workspace) => [platform, workspaceId];

/** The InstallationStore on a migrated Postgres database shared by every replica. */
export function postgresInstallationStore(pool: Pool): InstallationStore {
  return {
    async saveInstallation(workspace, sealed, at) {
      await pool.query(
        `INSERT INTO installations (platform, workspace_id, sealed, installed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, workspace_id) DO UPDATE SET sealed = excluded.sealed, installed_at = excluded.installed_at`,
        [...key(workspace), sealed, at],
      );
    },
    async installation(workspace) {
      const { rows } = await pool.query<{ sealed: string }>(
        `SELECT sealed FROM installations WHERE ${WORKSPACE}`,
        key(workspace),
      );
      return rows[0]?.sealed ?? null;
    },
    // The workspace's watch lock (the one `watch` takes) keeps a watch added meanwhile from outliving the forget.
    forgetWorkspace: (workspace) =>
      inTransaction(pool, async (client) => {
        await client.query(
          `SELECT pg_advisory_xact_lock(hashtext('mtasts:watch:' || $1 || ':' || $2))`,
          key(workspace),
        );
        await client.query(REPORT_DOMAINS, key(workspace));
        for (const table of WORKSPACE_TABLES)
          await client.query(`DELETE FROM ${table} WHERE ${WORKSPACE}`, key(workspace));
      }),
  };
}
