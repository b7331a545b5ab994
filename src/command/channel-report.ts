import { evaluateTlsRptReports } from '../report/evaluate-tlsrpt-reports.js';
import type { Report } from '../report/report.js';
import { withFindings } from '../report/with-findings.js';
import type { Channel } from '../store/watch-store.js';
import type { ReportsDeps } from './reports-command.js';

const DAY_MS = 86_400_000;
export const REPORT_WINDOW_DAYS = 30;

/**
 * A scan as one channel sees it: with what the channel's TLS-RPT reports of the domain show. Reports belong to the
 * channel that received them (anyone can post reports about any domain into their own channel), so they are
 * judged here, after the scan that is cached for every channel, never inside it.
 */
export async function channelReport(
  reports: ReportsDeps | undefined,
  channel: Channel,
  report: Report,
  now: Date,
): Promise<Report> {
  if (reports === undefined) return report;
  const since = new Date(now.getTime() - REPORT_WINDOW_DAYS * DAY_MS).toISOString();
  const received = await reports.store.tlsRptReports(channel, report.domain, { endAfter: since });
  return withFindings(report, evaluateTlsRptReports(report, received, now));
}
