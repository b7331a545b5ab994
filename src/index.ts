/** The library entry `mtasts`: the scanner, the judge and everything `mtasts/parsers` has. */

export { normalizeDomainInput } from './domain/normalize-domain.js';
export type { DnsResolver } from './net/dns-resolver.js';
export { createNodeResolver } from './net/node-resolver.js';
export * from './parsers-entry.js';
export { trustingAlso } from './probes/tls-handshake.js';
export { buildReport } from './report/build-report.js';
export { FINDING_CATALOG } from './report/finding-catalog.js';
export { FINDING_CODES, type FindingCode } from './report/finding-codes.js';
export { type Finding, type Report, reportSchema, type Severity, type Verdict } from './report/report.js';
export { InvalidDomainError, ResolverUnreachableError, type ScanOptions, scan } from './scan/scan.js';
export type { ScanHistory, ScanRecord } from './store/scan-history.js';
export { openSqliteStore } from './store/sqlite-store.js';
