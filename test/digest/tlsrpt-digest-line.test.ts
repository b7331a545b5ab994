import { describe, expect, it } from 'vitest';
import { tlsRptDigestLine } from '../../src/digest/tlsrpt-digest-line.js';
import { makeFinding } from '../../src/report/make-finding.js';
import { domainSessions } from '../../src/tlsrpt/domain-sessions.js';
import { storedReport, summaryRow } from '../store/tlsrpt-fixtures.js';

describe('tlsRptDigestLine', () => {
  it('sums the sessions reported since the previous digest, names the reporters (most failures first) and what the reports mean', () => {
    const reports = [
      storedReport({ summary: [summaryRow({ successful: 1200, failed: 0 })] }),
      storedReport({ organization: 'Microsoft Corporation', summary: [summaryRow({ successful: 300, failed: 7 })] }),
      storedReport({ organization: null, submitter: 'slack:U1', summary: [summaryRow({ successful: 5 })] }),
    ];
    const risk = makeFinding('premature-enforce-risk', 'd', { domain: 'example.com' });
    const other = makeFinding('no-mx', 'd', { domain: 'example.com' });
    expect(tlsRptDigestLine(domainSessions(reports, 'example.com'), [other, risk])).toEqual({
      text: 'TLS-RPT since the last digest: 1,505 successful · 7 failed, from Microsoft Corporation, Google Inc., slack:U1 · Enforce would bounce mail now',
      attention: true,
    });
  });

  it('needs no attention when every session succeeded and the reports mean nothing to act on', () => {
    const reports = [storedReport({ summary: [summaryRow({ successful: 1200, failed: 0 })] })];
    expect(tlsRptDigestLine(domainSessions(reports, 'example.com'), [])).toEqual({
      text: 'TLS-RPT since the last digest: 1,200 successful · 0 failed, from Google Inc.',
      attention: false,
    });
  });

  it('is absent when no report arrived', () => {
    expect(tlsRptDigestLine(domainSessions([], 'example.com'), [])).toBeNull();
  });
});
