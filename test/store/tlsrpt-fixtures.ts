import type { StoredTlsRptReport } from '../../src/store/tlsrpt-store.js';
import type { Channel } from '../../src/store/watch-store.js';
import type { TlsRptSummaryRow } from '../../src/tlsrpt/tlsrpt-report.js';

export const REPORT_CHANNEL: Channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' };

/** A clean sts row for example.com in testing mode; overrides replace whole fields. */
export function summaryRow(over: Partial<TlsRptSummaryRow> = {}): TlsRptSummaryRow {
  return {
    policyDomain: 'example.com',
    policyType: 'sts',
    modes: ['testing'],
    mxPatterns: ['mx1.example.com'],
    successful: 100,
    failed: 0,
    failuresByResultType: {},
    failingMxHosts: {},
    sendingMtas: {},
    uncoveredFailingMxHosts: [],
    ...over,
  };
}

/** One day's report from Google for example.com, received an hour after its end; overrides replace whole fields. */
export function storedReport(over: Partial<StoredTlsRptReport> = {}): StoredTlsRptReport {
  return {
    channel: REPORT_CHANNEL,
    submitter: 'rua',
    organization: 'Google Inc.',
    reportId: '2026-11-29T00:00:00Z_example.com',
    start: '2026-11-29T00:00:00.000Z',
    end: '2026-11-30T00:00:00.000Z',
    receivedAt: '2026-11-30T01:00:00.000Z',
    summary: [summaryRow()],
    ...over,
  };
}
