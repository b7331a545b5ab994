import { sortBySeverity } from './build-report.js';
import type { Finding, Report } from './report.js';

/**
 * The report with findings judged outside the scan added (what a channel's TLS-RPT reports show). Only warnings
 * and infos come this way, so the verdict, which only errors change, stands.
 */
export function withFindings(report: Report, extra: Finding[]): Report {
  return extra.length === 0 ? report : { ...report, findings: sortBySeverity([...report.findings, ...extra]) };
}
