import type { Pool } from 'pg';
import type { TlsRptSummaryRow } from '../tlsrpt/tlsrpt-report.js';
import { inTransaction } from './postgres-transaction.js';
import { fromReportRow, reportDomains, type TlsRptReportRow } from './tlsrpt-rows.js';
import type { TlsRptStore } from './tlsrpt-store.js';
import type { Channel } from './watch-store.js';

type ReportRow = TlsRptReportRow<Date, TlsRptSummaryRow[]>;

const CHANNEL = 'platform = $1 AND workspace_id = $2 AND channel_id = $3';
const key = ({ platform, workspaceId, channelId }: Channel) => [platform, workspaceId, channelId];

/** The TlsRptStore on a migrated Postgres database shared by every replica. */
export function postgresTlsRptStore(pool: Pool): TlsRptStore {
  return {
    // The unique (channel, key) index decides: of two replicas adding the same report at once, the second waits for
    // the first to commit and then inserts nothing.
    addTlsRptReport: (report, dedupKey) =>
      inTransaction(pool, async (client) => {
        const { channel, summary } = report;
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO tlsrpt_reports
             (platform, workspace_id, channel_id, dedup_key, submitter, organization, report_id, start_at, end_at, received_at, summary)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (platform, workspace_id, channel_id, dedup_key) DO NOTHING RETURNING id`,
          [
            ...key(channel),
            dedupKey,
            report.submitter,
            report.organization,
            report.reportId,
            report.start,
            report.end,
            report.receivedAt,
            JSON.stringify(summary),
          ],
        );
        if (rows.length === 0) return false;
        await client.query('INSERT INTO tlsrpt_report_domains (report, domain) SELECT $1, unnest($2::text[])', [
          rows[0]!.id,
          [...reportDomains(summary)],
        ]);
        return true;
      }),
    async tlsRptReports(channel, domain, window) {
      const [column, since] =
        'endAfter' in window ? ['end_at', window.endAfter] : ['received_at', window.receivedAfter];
      const { rows } = await pool.query<ReportRow>(
        `SELECT r.* FROM tlsrpt_report_domains d JOIN tlsrpt_reports r ON r.id = d.report
         WHERE d.domain = $4 AND r.platform = $1 AND r.workspace_id = $2 AND r.channel_id = $3 AND r.${column} > $5
         ORDER BY r.end_at, r.id`,
        [...key(channel), domain, since],
      );
      return rows.map((row) =>
        fromReportRow(
          row,
          (time) => time.toISOString(),
          (summary) => summary,
        ),
      );
    },
    async ingestToken(channel) {
      const { rows } = await pool.query<{ token: string }>(
        `SELECT token FROM tlsrpt_tokens WHERE ${CHANNEL}`,
        key(channel),
      );
      return rows[0]?.token ?? null;
    },
    // Two statements, not one: the select must see a token another replica committed while the insert waited for it.
    async mintIngestToken(channel, token, at) {
      await pool.query(
        `INSERT INTO tlsrpt_tokens (token, platform, workspace_id, channel_id, created_at) VALUES ($4, $1, $2, $3, $5)
         ON CONFLICT DO NOTHING`,
        [...key(channel), token, at],
      );
      const { rows } = await pool.query<{ token: string }>(
        `SELECT token FROM tlsrpt_tokens WHERE ${CHANNEL}`,
        key(channel),
      );
      return rows[0]!.token;
    },
    async channelOfIngestToken(token) {
      const { rows } = await pool.query<{ platform: Channel['platform']; workspace_id: string; channel_id: string }>(
        'SELECT platform, workspace_id, channel_id FROM tlsrpt_tokens WHERE token = $1',
        [token],
      );
      const row = rows[0];
      return row ? { platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id } : null;
    },
  };
}
