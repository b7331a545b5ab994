import type { TlsRptResult } from './tlsrpt-report.js';

/** Reads one TLS-RPT report (RFC 8460 §4), JSON or gzip, into a summary or a rejection. Pure: no I/O. */
export function readTlsRptReport(bytes: Uint8Array): TlsRptResult {
  void bytes;
  return { accepted: false, error: { code: 'invalid-json', path: null, message: 'not implemented yet' } };
}
