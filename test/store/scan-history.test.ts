import { describe, expect, it } from 'vitest';
import { scanRecord } from '../../src/store/scan-history.js';
import { reportFixture } from '../digest/digest-fixtures.js';

const AT = new Date('2026-11-30T09:00:00.000Z');

describe('scanRecord', () => {
  it('is the summary history keeps: verdict, codes, id, body hash, MX set and coverage, certificate, TLS-RPT', () => {
    const report = reportFixture('a.example', {
      mx: [
        { host: 'mx1.a.example', priority: 10, matchedBy: 'mx1.a.example', smtp: null },
        { host: 'spare.a.example', priority: 20, matchedBy: null, smtp: null },
      ],
    });
    expect(scanRecord(report, AT)).toEqual({
      domain: 'a.example',
      scannedAt: AT.toISOString(),
      verdict: 'enforced',
      codes: [],
      policyId: '20261101T000000',
      sha256: 'b'.repeat(64),
      mode: 'enforce',
      mx: ['mx1.a.example', 'spare.a.example'],
      uncoveredMx: ['spare.a.example'],
      certSerial: '01',
      certNotAfter: '2027-02-28T00:00:00.000Z',
      tlsrpt: 'v=TLSRPTv1; rua=mailto:tls@a.example',
    });
  });

  it('calls no MX host uncovered when no policy is served', () => {
    const report = reportFixture('a.example', {
      verdict: 'not-configured',
      txt: null,
      policy: null,
      cert: null,
      mx: [{ host: 'mx1.a.example', priority: 10, matchedBy: null, smtp: null }],
    });
    expect(scanRecord(report, AT).uncoveredMx).toEqual([]);
  });
});
