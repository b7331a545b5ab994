import { mxPatternMatches } from '../parsers/mx-pattern.js';
import { type PolicyEntry, UNKNOWN } from './read-policy-entry.js';
import type { TlsRptSummaryRow } from './tlsrpt-report.js';

interface RowTotals {
  domain: string | null;
  type: string;
  modes: Set<string>;
  mxPatterns: Set<string>;
  successful: number;
  failed: number;
  byResultType: Map<string, number>;
  byMxHost: Map<string, number>;
  bySendingMta: Map<string, number>;
}

/**
 * One row per (policy domain, policy type), in order of first appearance: entries with the same pair are summed (a
 * policy that changed during the day is reported twice), entries of different types never are.
 */
export function summarisePolicies(entries: PolicyEntry[]): TlsRptSummaryRow[] {
  const rows = new Map<string, RowTotals>();
  for (const entry of entries) {
    const key = JSON.stringify([entry.domain, entry.type]);
    let row = rows.get(key);
    if (!row) {
      row = {
        domain: entry.domain,
        type: entry.type,
        modes: new Set(),
        mxPatterns: new Set(),
        successful: 0,
        failed: 0,
        byResultType: new Map(),
        byMxHost: new Map(),
        bySendingMta: new Map(),
      };
      rows.set(key, row);
    }
    for (const mode of entry.modes) row.modes.add(mode);
    for (const pattern of entry.mxPatterns) row.mxPatterns.add(pattern);
    row.successful += entry.successful;
    row.failed += entry.failed;
    for (const detail of entry.details) {
      add(row.byResultType, detail.resultType, detail.count);
      add(row.byMxHost, detail.mxHost, detail.count);
      add(row.bySendingMta, detail.sendingMta, detail.count);
    }
  }
  return [...rows.values()].map(toSummaryRow);
}

function toSummaryRow(row: RowTotals): TlsRptSummaryRow {
  const mxPatterns = [...row.mxPatterns];
  const failingMxHosts = byCount(row.byMxHost);
  return {
    policyDomain: row.domain,
    policyType: row.type,
    modes: [...row.modes],
    mxPatterns,
    successful: row.successful,
    failed: row.failed,
    failuresByResultType: byCount(row.byResultType),
    failingMxHosts,
    sendingMtas: byCount(row.bySendingMta),
    uncoveredFailingMxHosts:
      row.type === 'sts' && mxPatterns.length > 0
        ? Object.keys(failingMxHosts).filter(
            (host) => host !== UNKNOWN && !mxPatterns.some((pattern) => mxPatternMatches(pattern, host)),
          )
        : null,
  };
}

function add(counts: Map<string, number>, key: string, count: number): void {
  counts.set(key, (counts.get(key) ?? 0) + count);
}

/** Descending count, then name; fromEntries keeps a remote "__proto__" key an ordinary key. */
function byCount(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));
}
