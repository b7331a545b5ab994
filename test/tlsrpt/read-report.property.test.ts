import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTlsRptReport } from '../../src/tlsrpt/read-report.js';
import { TLSRPT_REJECTION_CODES, TLSRPT_WARNING_CODES, type TlsRptResult } from '../../src/tlsrpt/tlsrpt-report.js';
import { reportJson } from './report-builder.js';

const count = fc.integer({ min: 0, max: 1_000_000 });
const detail = fc.record({
  'result-type': fc.constantFrom('starttls-not-supported', 'certificate-expired', 'validation-failure'),
  'receiving-mx-hostname': fc.constantFrom('mx1.example.com', 'mx2.example.com', ''),
  'failed-session-count': count,
});
const entry = fc.record({
  policy: fc.record({
    'policy-type': fc.constantFrom('sts', 'tlsa'),
    'policy-domain': fc.constantFrom('a.example', 'b.example'),
  }),
  summary: fc.record({ 'total-successful-session-count': count, 'total-failure-session-count': count }),
  'failure-details': fc.array(detail, { maxLength: 6 }),
});
const policiesOf = fc.array(entry, { maxLength: 8 });
const bytesOf = (policies: unknown[]) => Buffer.from(JSON.stringify(reportJson({ policies })));

function wellFormed(result: TlsRptResult): void {
  if (result.accepted) for (const code of result.warnings) expect(TLSRPT_WARNING_CODES).toContain(code);
  else expect(TLSRPT_REJECTION_CODES).toContain(result.error.code);
}

describe('readTlsRptReport (properties)', () => {
  it('answers any bytes, and any JSON, with an acceptance or a named rejection, never a throw', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => wellFormed(readTlsRptReport(bytes))));
    fc.assert(fc.property(fc.json(), (text) => wellFormed(readTlsRptReport(Buffer.from(text)))));
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom('policies', 'date-range', 'organization-name', 'contact-info'),
        (value, key) => wellFormed(readTlsRptReport(Buffer.from(JSON.stringify(reportJson({ [key]: value }))))),
      ),
    );
  });

  it('keeps per-type totals exact: each row sums the totals of its entries, whatever the details say', () => {
    fc.assert(
      fc.property(policiesOf, (policies) => {
        const result = readTlsRptReport(bytesOf(policies));
        if (!result.accepted) throw new Error(result.error.message);
        for (const row of result.summary) {
          const same = policies.filter(
            (p) => p.policy['policy-domain'] === row.policyDomain && p.policy['policy-type'] === row.policyType,
          );
          expect(row.successful).toBe(same.reduce((sum, p) => sum + p.summary['total-successful-session-count'], 0));
          expect(row.failed).toBe(same.reduce((sum, p) => sum + p.summary['total-failure-session-count'], 0));
        }
        expect(result.summary.length).toBe(
          new Set(policies.map((p) => `${p.policy['policy-domain']} ${p.policy['policy-type']}`)).size,
        );
      }),
    );
  });

  it('reads gzip and plain JSON alike', () => {
    fc.assert(
      fc.property(policiesOf, (policies) => {
        const bytes = bytesOf(policies);
        expect(readTlsRptReport(gzipSync(bytes))).toEqual(readTlsRptReport(bytes));
      }),
      { numRuns: 30 },
    );
  });
});
