import type { Database } from 'better-sqlite3';
import type { InstallationStore, Workspace } from './installation-store.js';

const WORKSPACE = 'platform = @platform AND workspace_id = @workspaceId';
/** Every table whose rows belong to one workspace, emptied when it uninstalls. */
const WORKSPACE_TABLES = ['installations', 'watches', 'digest_channels', 'digest_slots', 'digest_snapshots'];

/** The InstallationStore on an open, migrated SQLite database. */
export function sqliteInstallationStore(db: Database): InstallationStore {
  const key = ({ platform, workspaceId }: Workspace) => ({ platform, workspaceId });
  const upsert = db.prepare(`
    INSERT INTO installations (platform, workspace_id, sealed, installed_at) VALUES (@platform, @workspaceId, @sealed, @at)
    ON CONFLICT DO UPDATE SET sealed = excluded.sealed, installed_at = excluded.installed_at`);
  const select = db.prepare<object, { sealed: string }>(`SELECT sealed FROM installations WHERE ${WORKSPACE}`);
  const deletes = WORKSPACE_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE ${WORKSPACE}`));
  const forget = db.transaction((workspace: Workspace) => deletes.forEach((statement) => statement.run(key(workspace))));

  return {
    async saveInstallation(workspace, sealed, at) {
      upsert.run({ ...key(workspace), sealed, at });
    },
    async installation(workspace) {
      return select.get(key(workspace))?.sealed ?? null;
    },
    async forgetWorkspace(workspace) {
      forget.immediate(workspace);
    },
  };
}
