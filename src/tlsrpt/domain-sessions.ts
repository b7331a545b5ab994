import type { StoredTlsRptReport } from '../store/tlsrpt-store.js';
import type { TlsRptSummaryRow } from './tlsrpt-report.js';

/** What the per-domain numbers need of a received report. */
export type ReceivedReport = Pick<StoredTlsRptReport, 'organization' | 'submitter' | 'start' | 'end' | 'summary'>;

const NAME_MAX = 80;

export interface Tally {
  name: string;
  count: number;
}

/** One policy type's sessions, summed over reports; types are never added together. */
export interface PolicyTypeSessions {
  policyType: string;
  successful: number;
  failed: number;
}

/** A domain's sessions over a set of reports. */
export interface DomainSessions {
  reports: number;
  /** Reporting organisations (the submitter when a report names none), by failed sessions, then name. */
  reporters: Tally[];
  byPolicyType: PolicyTypeSessions[];
  /** Per report the domain's row (sts, else the largest), summed: the domain's one number. */
  successful: number;
  failed: number;
  failuresByResultType: Tally[];
  failingMxHosts: Tally[];
  sendingMtas: Tally[];
}

/**
 * The row that stands for the domain in one report: the sts row, else the one with the most sessions (a sender
 * may report the same sessions under tlsa and sts, so rows are never summed across types).
 */
export function domainRow(summary: TlsRptSummaryRow[], domain: string): TlsRptSummaryRow | null {
  const rows = summary.filter((row) => row.policyDomain === domain);
  return (
    rows.find((row) => row.policyType === 'sts') ??
    rows.sort((a, b) => b.successful + b.failed - (a.successful + a.failed))[0] ??
    null
  );
}

export function reporterOf(report: ReceivedReport): string {
  return report.organization ?? report.submitter;
}

/** The domain's sessions in these reports. */
export function domainSessions(reports: readonly ReceivedReport[], domain: string): DomainSessions {
  const types = new Map<string, PolicyTypeSessions>();
  const reporters = new Map<string, number>();
  const byResult = new Map<string, number>();
  const byMx = new Map<string, number>();
  const byMta = new Map<string, number>();
  let successful = 0;
  let failed = 0;
  for (const report of reports) {
    for (const row of report.summary) {
      if (row.policyDomain !== domain) continue;
      const sessions = types.get(row.policyType) ?? { policyType: row.policyType, successful: 0, failed: 0 };
      sessions.successful += row.successful;
      sessions.failed += row.failed;
      types.set(row.policyType, sessions);
    }
    const row = domainRow(report.summary, domain);
    if (row === null) continue;
    successful += row.successful;
    failed += row.failed;
    add(reporters, reporterOf(report), row.failed);
    addAll(byResult, row.failuresByResultType);
    addAll(byMx, row.failingMxHosts);
    addAll(byMta, row.sendingMtas);
  }
  return {
    reports: reports.length,
    reporters: sorted(reporters),
    byPolicyType: [...types.values()].sort((a, b) =>
      a.policyType === 'sts' ? -1 : b.policyType === 'sts' ? 1 : a.policyType.localeCompare(b.policyType),
    ),
    successful,
    failed,
    failuresByResultType: sorted(byResult),
    failingMxHosts: sorted(byMx),
    sendingMtas: sorted(byMta),
  };
}

function add(map: Map<string, number>, name: string, count: number): void {
  map.set(name, (map.get(name) ?? 0) + count);
}

function addAll(map: Map<string, number>, counts: Record<string, number>): void {
  for (const [name, count] of Object.entries(counts)) add(map, name, count);
}

/** Largest count first, then by name, so the order is the same on every run. */
export function sorted(map: Map<string, number>): Tally[] {
  return [...map]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Remote names (organisations, hosts, result types) cut to a length a chat line can hold. */
export function clip(text: string): string {
  return text.length > NAME_MAX ? `${text.slice(0, NAME_MAX - 1)}…` : text;
}
