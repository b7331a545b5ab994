import type { TlsRptRejection, TlsRptRejectionCode } from './tlsrpt-report.js';

/** Thrown inside the reader only, caught by readTlsRptReport: the first offending value ends the reading. */
export class ReportRejected extends Error {
  constructor(readonly rejection: TlsRptRejection) {
    super(rejection.message);
  }
}

export function reject(code: TlsRptRejectionCode, path: string | null, message: string): never {
  throw new ReportRejected({ code, path, message });
}
