import type { TlsRptSummaryRow } from '../tlsrpt/tlsrpt-report.js';
import type { StoredTlsRptReport } from './tlsrpt-store.js';
import type { Channel } from './watch-store.js';

/** A tlsrpt_reports row as either engine returns it: times and the summary in the engine's own types. */
export interface TlsRptReportRow<Time, Summary> {
  platform: Channel['platform'];
  workspace_id: string;
  channel_id: string;
  submitter: string;
  organization: string | null;
  report_id: string | null;
  start_at: Time;
  end_at: Time;
  received_at: Time;
  summary: Summary;
}

/** The policy domains a report is found under; rows without one are kept in the summary but found under no domain. */
export function reportDomains(summary: TlsRptSummaryRow[]): Set<string> {
  return new Set(summary.flatMap((row) => (row.policyDomain === null ? [] : [row.policyDomain])));
}

export function fromReportRow<Time, Summary>(
  row: TlsRptReportRow<Time, Summary>,
  iso: (time: Time) => string,
  summary: (stored: Summary) => TlsRptSummaryRow[],
): StoredTlsRptReport {
  return {
    channel: { platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id },
    submitter: row.submitter,
    organization: row.organization,
    reportId: row.report_id,
    start: iso(row.start_at),
    end: iso(row.end_at),
    receivedAt: iso(row.received_at),
    summary: summary(row.summary),
  };
}
