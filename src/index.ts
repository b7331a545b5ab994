/** The library entry: the RFC-exact parsers and the scanner. */
export { parseStsRecord, selectStsRecords, type StsRecord } from './parsers/sts-record.js';
export { parseStsPolicy, type StsPolicy } from './parsers/sts-policy.js';
export { parseTlsRptRecord, selectTlsRptRecords, type TlsRptRecord } from './parsers/tlsrpt-record.js';
export { mxPatternMatches } from './parsers/mx-pattern.js';
export { certNameMatches } from './parsers/cert-name-match.js';
export type { ParseResult } from './parsers/parse-result.js';
export { readTlsRptReport } from './tlsrpt/read-report.js';
export {
  TLSRPT_MAX_BYTES,
  TLSRPT_REJECTION_CODES,
  TLSRPT_WARNING_CODES,
  type TlsRptRejectionCode,
  type TlsRptWarningCode,
  type TlsRptSummaryRow,
  type TlsRptReportMeta,
  type TlsRptRejection,
  type TlsRptResult,
} from './tlsrpt/tlsrpt-report.js';
export { normalizeDomainInput } from './domain/normalize-domain.js';
export { scan, InvalidDomainError, ResolverUnreachableError, type ScanOptions } from './scan/scan.js';
export { buildReport } from './report/build-report.js';
export { reportSchema, type Report, type Finding, type Verdict, type Severity } from './report/report.js';
export { FINDING_CODES, type FindingCode } from './report/finding-codes.js';
export { FINDING_CATALOG } from './report/finding-catalog.js';
export type { DnsResolver } from './net/dns-resolver.js';
export { createNodeResolver } from './net/node-resolver.js';
export { openSqliteStore } from './store/sqlite-store.js';
export type { ScanHistory, ScanRecord } from './store/scan-history.js';
