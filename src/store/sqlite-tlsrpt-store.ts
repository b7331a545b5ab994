import type { Database } from 'better-sqlite3';
import type { TlsRptSummaryRow } from '../tlsrpt/tlsrpt-report.js';
import { sqliteWrite } from './sqlite-busy.js';
import { fromReportRow, reportDomains, type TlsRptReportRow } from './tlsrpt-rows.js';
import type { StoredTlsRptReport, TlsRptStore } from './tlsrpt-store.js';
import type { Channel } from './watch-store.js';

type ReportRow = TlsRptReportRow<string, string>;

const CHANNEL = 'platform = @platform AND workspace_id = @workspaceId AND channel_id = @channelId';

/** The TlsRptStore on an open, migrated SQLite database (the one that also keeps scans and watches). */
export function sqliteTlsRptStore(db: Database): TlsRptStore {
  const key = ({ platform, workspaceId, channelId }: Channel) => ({ platform, workspaceId, channelId });
  const insertReport = db.prepare(`
    INSERT OR IGNORE INTO tlsrpt_reports
      (platform, workspace_id, channel_id, dedup_key, submitter, organization, report_id, start_at, end_at, received_at, summary)
    VALUES (@platform, @workspaceId, @channelId, @dedupKey, @submitter, @organization, @reportId, @start, @end, @receivedAt, @summary)`);
  const insertDomain = db.prepare('INSERT OR IGNORE INTO tlsrpt_report_domains (report, domain) VALUES (?, ?)');
  const select = (column: 'end_at' | 'received_at') =>
    db.prepare<object, ReportRow>(`
      SELECT r.* FROM tlsrpt_report_domains d JOIN tlsrpt_reports r ON r.id = d.report
      WHERE d.domain = @domain AND r.${CHANNEL} AND r.${column} > @since
      ORDER BY r.end_at, r.id`);
  const byEnd = select('end_at');
  const byReceipt = select('received_at');
  const selectToken = db.prepare<object, { token: string }>(`SELECT token FROM tlsrpt_tokens WHERE ${CHANNEL}`);
  const insertToken = db.prepare(`
    INSERT OR IGNORE INTO tlsrpt_tokens (token, platform, workspace_id, channel_id, created_at)
    VALUES (@token, @platform, @workspaceId, @channelId, @at)`);
  const selectChannel = db.prepare<
    [string],
    { platform: Channel['platform']; workspace_id: string; channel_id: string }
  >('SELECT platform, workspace_id, channel_id FROM tlsrpt_tokens WHERE token = ?');

  const addReport = db.transaction((report: StoredTlsRptReport, dedupKey: string): boolean => {
    const { channel, summary, ...meta } = report;
    const inserted = insertReport.run({ ...key(channel), ...meta, dedupKey, summary: JSON.stringify(summary) });
    if (inserted.changes === 0) return false;
    for (const domain of reportDomains(summary)) insertDomain.run(inserted.lastInsertRowid, domain);
    return true;
  });
  const mint = db.transaction((channel: Channel, token: string, at: string): string => {
    insertToken.run({ ...key(channel), token, at });
    return selectToken.get(key(channel))!.token;
  });

  return {
    async addTlsRptReport(report, dedupKey) {
      return sqliteWrite(() => addReport.immediate(report, dedupKey));
    },
    async tlsRptReports(channel, domain, window) {
      const [query, since] = 'endAfter' in window ? [byEnd, window.endAfter] : [byReceipt, window.receivedAfter];
      return query.all({ ...key(channel), domain, since }).map((row) =>
        fromReportRow(
          row,
          (time) => time,
          (summary) => JSON.parse(summary) as TlsRptSummaryRow[],
        ),
      );
    },
    async ingestToken(channel) {
      return selectToken.get(key(channel))?.token ?? null;
    },
    async mintIngestToken(channel, token, at) {
      return sqliteWrite(() => mint.immediate(channel, token, at));
    },
    async channelOfIngestToken(token) {
      const row = selectChannel.get(token);
      return row ? { platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id } : null;
    },
  };
}
