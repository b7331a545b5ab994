/** The largest report read, decompressed: RFC 8460 §5.2's ten megabytes. */
export const TLSRPT_MAX_BYTES = 10 * 1024 * 1024;

/** Why a TLS-RPT report (RFC 8460 §4) was rejected as a whole: a partial summary of a broken report would be wrong. */
export const TLSRPT_REJECTION_CODES = [
  'invalid-json',
  'not-a-report',
  'invalid-type',
  'missing-field',
  'invalid-datetime',
  'invalid-count',
  'invalid-gzip',
  'too-large',
] as const;
export type TlsRptRejectionCode = (typeof TLSRPT_REJECTION_CODES)[number];

/** What was tolerated in an accepted report: real senders leave fields out or bend the format. */
export const TLSRPT_WARNING_CODES = [
  'missing-policy-domain',
  'missing-count-defaulted',
  'datetime-without-timezone',
  'mx-host-not-array',
  'mx-host-prefixed',
  'policy-string-not-array',
  'failure-details-exceed-total',
  'gzip-trailing-garbage',
  'unknown-policy-type',
  'unknown-result-type',
] as const;
export type TlsRptWarningCode = (typeof TLSRPT_WARNING_CODES)[number];

/**
 * One summary row: the sessions of every policy entry with the same (policy domain, policy type), summed. Rows of
 * different types are never added together (senders report the same sessions under tlsa and under sts).
 * The count maps hold failed sessions; their keys come in descending count order, then by name.
 */
export interface TlsRptSummaryRow {
  /** Lower-cased, without a trailing dot; null when the entry named none. */
  policyDomain: string | null;
  /** As the sender wrote it: "sts", "tlsa", "no-policy-found" or an unknown type. */
  policyType: string;
  /** The distinct `mode:` values of the policy strings, for sts rows; empty otherwise. */
  modes: string[];
  /** The distinct MX patterns: `mx-host` / `mx-host-pattern`, else the policy strings' `mx:` lines. */
  mxPatterns: string[];
  successful: number;
  /** total-failure-session-count, never the sum of the failure details (failure types can overlap). */
  failed: number;
  failuresByResultType: Record<string, number>;
  /** By receiving-mx-hostname; "(unknown)" when missing or empty. */
  failingMxHosts: Record<string, number>;
  /** By sending-mta-ip; "(unknown)" when missing or empty. */
  sendingMtas: Record<string, number>;
  /**
   * For an sts row with MX patterns: the failing MX hosts no pattern covers (RFC 8461 §4.1), in failingMxHosts order;
   * "(unknown)" is never listed. Null for other rows.
   */
  uncoveredFailingMxHosts: string[] | null;
}

export interface TlsRptReportMeta {
  organization: string | null;
  reportId: string | null;
  contactInfo: string | null;
  /** ISO 8601 UTC, e.g. "2016-04-01T00:00:00.000Z"; an end written 24:00 is next-day midnight. */
  start: string;
  end: string;
  policyCount: number;
}

export interface TlsRptRejection {
  code: TlsRptRejectionCode;
  /** The first offending JSON value, e.g. "policies[0].summary.total-successful-session-count"; null when none. */
  path: string | null;
  message: string;
}

/** What readTlsRptReport returns; warnings are a set, sorted. */
export type TlsRptResult =
  | { accepted: true; report: TlsRptReportMeta; summary: TlsRptSummaryRow[]; warnings: TlsRptWarningCode[] }
  | { accepted: false; error: TlsRptRejection };
