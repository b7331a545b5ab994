import type { Database } from 'better-sqlite3';
import type { InstallationStore, Workspace } from './installation-store.js';
import { sqliteWrite } from './sqlite-busy.js';

const WORKSPACE = 'platform = @platform AND workspace_id = @workspaceId';
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

/** The InstallationStore on an open, migrated SQLite database. */
export function sqliteInstallationStore(db: Database): InstallationStore {
  const key = ({ platform, workspaceId }: Workspace) => ({ platform, workspaceId });
  const upsert = db.prepare(`
    INSERT INTO installations (platform, workspace_id, sealed, installed_at) VALUES (@platform, @workspaceId, @sealed, @at)
    ON CONFLICT DO UPDATE SET sealed = excluded.sealed, installed_at = excluded.installed_at`);
  const select = db.prepare<object, { sealed: string }>(`SELECT sealed FROM installations WHERE ${WORKSPACE}`);
  const deletes = [REPORT_DOMAINS, ...WORKSPACE_TABLES.map((table) => `DELETE FROM ${table} WHERE ${WORKSPACE}`)].map(
    (sql) => db.prepare(sql),
  );
  const forget = db.transaction((workspace: Workspace) => {
    for (const statement of deletes) statement.run(key(workspace));
  });

  return {
    async saveInstallation(workspace, sealed, at) {
      await sqliteWrite(() => upsert.run({ ...key(workspace), sealed, at }));
    },
    async installation(workspace) {
      return select.get(key(workspace))?.sealed ?? null;
    },
    async forgetWorkspace(workspace) {
      await sqliteWrite(() => forget.immediate(workspace));
    },
  };
}
