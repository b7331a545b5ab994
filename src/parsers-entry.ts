/**
 * `mtasts/parsers`: the RFC-exact parsers and the TLS-RPT report reader. Pure functions with no I/O and no
 * third-party package: no scanner (undici, DNS, TLS), no store, no schema library, so it imports in a few ms.
 */

export { certNameMatches } from './parsers/cert-name-match.js';
export { mxPatternMatches } from './parsers/mx-pattern.js';
export type { ParseResult } from './parsers/parse-result.js';
export { parseStsPolicy, type StsPolicy } from './parsers/sts-policy.js';
export { parseStsRecord, type StsRecord, selectStsRecords } from './parsers/sts-record.js';
export { parseTlsRptRecord, selectTlsRptRecords, type TlsRptRecord } from './parsers/tlsrpt-record.js';
export { readTlsRptReport } from './tlsrpt/read-report.js';
export {
  TLSRPT_MAX_BYTES,
  TLSRPT_REJECTION_CODES,
  TLSRPT_WARNING_CODES,
  type TlsRptRejection,
  type TlsRptRejectionCode,
  type TlsRptReportMeta,
  type TlsRptResult,
  type TlsRptSummaryRow,
  type TlsRptWarningCode,
} from './tlsrpt/tlsrpt-report.js';
