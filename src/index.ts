/** The library entry: the RFC-exact parsers and the scanner. */

export { normalizeDomainInput } from './domain/normalize-domain.js';
export type { DnsResolver } from './net/dns-resolver.js';
export { createNodeResolver } from './net/node-resolver.js';
export { certNameMatches } from './parsers/cert-name-match.js';
export { mxPatternMatches } from './parsers/mx-pattern.js';
export type { ParseResult } from './parsers/parse-result.js';
export { parseStsPolicy, type StsPolicy } from './parsers/sts-policy.js';
export { parseStsRecord, type StsRecord, selectStsRecords } from './parsers/sts-record.js';
export { parseTlsRptRecord, selectTlsRptRecords, type TlsRptRecord } from './parsers/tlsrpt-record.js';
export { buildReport } from './report/build-report.js';
export { FINDING_CATALOG } from './report/finding-catalog.js';
export { FINDING_CODES, type FindingCode } from './report/finding-codes.js';
export { type Finding, type Report, reportSchema, type Severity, type Verdict } from './report/report.js';
export { InvalidDomainError, ResolverUnreachableError, type ScanOptions, scan } from './scan/scan.js';
export type { ScanHistory, ScanRecord } from './store/scan-history.js';
export { openSqliteStore } from './store/sqlite-store.js';
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
