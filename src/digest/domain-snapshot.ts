import type { Report } from '../report/report.js';
import { scanRecord } from '../store/scan-history.js';
import type { DomainSnapshot } from '../store/watch-store.js';

/** What a digest keeps of a report: the scan summary plus which live MX hosts the policy leaves uncovered. */
export function domainSnapshot(report: Report, scannedAt: Date): DomainSnapshot {
  return {
    ...scanRecord(report, scannedAt),
    // Without a policy nothing is covered, and that is the verdict's story, not an MX change.
    uncoveredMx: report.policy === null ? [] : report.mx.filter((row) => row.matchedBy === null).map((row) => row.host),
  };
}
