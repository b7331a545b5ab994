import { describe, expect, it } from 'vitest';
import { readTlsRptReport } from '../../src/tlsrpt/read-report.js';
import type { TlsRptResult, TlsRptSummaryRow } from '../../src/tlsrpt/tlsrpt-report.js';
import { corpus, GOOGLE_SUMMARY, reportBytes, reportJson, stsEntry } from './report-builder.js';

function accepted(result: TlsRptResult) {
  if (!result.accepted) throw new Error(`rejected: ${JSON.stringify(result.error)}`);
  return result;
}

const NO_FAILURES = { failuresByResultType: {}, failingMxHosts: {}, sendingMtas: {} };

describe('readTlsRptReport: reports in the shapes real senders write', () => {
  it('reads a Google report: one line, mx-host array, an empty sending-mta-ip counted as (unknown)', () => {
    expect(readTlsRptReport(corpus('google.json'))).toEqual(GOOGLE_SUMMARY);
  });

  it('reads a Microsoft report: NNN+domain id, zone-less times as UTC, tlsa and sts rows kept apart, fetch error without MX', () => {
    const result = accepted(readTlsRptReport(corpus('microsoft.json')));
    expect(result.report).toEqual({
      organization: 'Microsoft Corporation',
      reportId: '133774272000000000+example.org',
      contactInfo: 'tlsrpt-noreply@microsoft.com',
      start: '2026-11-30T00:00:00.000Z',
      end: '2026-11-30T23:59:59.000Z',
      policyCount: 2,
    });
    expect(result.summary).toEqual<TlsRptSummaryRow[]>([
      {
        policyDomain: 'example.org',
        policyType: 'tlsa',
        modes: [],
        mxPatterns: ['mx.example.org'],
        successful: 310,
        failed: 4,
        failuresByResultType: { 'validation-failure': 4 },
        failingMxHosts: { 'mx.example.org': 4 },
        sendingMtas: { '52.100.0.1': 4 },
        uncoveredFailingMxHosts: null,
      },
      {
        policyDomain: 'example.org',
        policyType: 'sts',
        modes: ['enforce'],
        mxPatterns: ['mx.example.org'],
        successful: 310,
        failed: 4,
        failuresByResultType: { 'sts-policy-fetch-error': 4 },
        failingMxHosts: { '(unknown)': 4 },
        sendingMtas: { '52.100.0.2': 4 },
        uncoveredFailingMxHosts: [],
      },
    ]);
    expect(result.warnings).toEqual(['datetime-without-timezone']);
  });

  it('reads a Postfix-based report: no policy-domain (a null-domain row), empty failure-details, next-day midnight end', () => {
    const result = accepted(readTlsRptReport(corpus('postfix.json')));
    expect(result.report.end).toBe('2026-12-01T00:00:00.000Z');
    expect(result.summary).toEqual([
      {
        policyDomain: null,
        policyType: 'sts',
        modes: ['enforce'],
        mxPatterns: ['*.mx.example.com'],
        successful: 42,
        failed: 0,
        ...NO_FAILURES,
        uncoveredFailingMxHosts: [],
      },
    ]);
    expect(result.warnings).toEqual(['missing-policy-domain']);
  });

  it('reads the RFC 8460 Appendix B example, every failing host covered by its wildcard', () => {
    const result = accepted(readTlsRptReport(corpus('rfc8460-appendix-b.json')));
    expect(result.report).toEqual({
      organization: 'Company-X',
      reportId: '5065427c-23d3-47ca-b6e0-946ea0e8c4be',
      contactInfo: 'sts-reporting@company-x.example',
      start: '2016-04-01T00:00:00.000Z',
      end: '2016-04-01T23:59:59.000Z',
      policyCount: 1,
    });
    expect(result.summary).toEqual([
      {
        policyDomain: 'company-y.example',
        policyType: 'sts',
        modes: ['testing'],
        mxPatterns: ['*.mail.company-y.example'],
        successful: 5326,
        failed: 303,
        failuresByResultType: { 'starttls-not-supported': 200, 'certificate-expired': 100, 'validation-failure': 3 },
        failingMxHosts: {
          'mx2.mail.company-y.example': 200,
          'mx1.mail.company-y.example': 100,
          'mx-backup.mail.company-y.example': 3,
        },
        sendingMtas: { '2001:db8:abcd:0013::1': 200, '2001:db8:abcd:0012::1': 100, '198.51.100.62': 3 },
        uncoveredFailingMxHosts: [],
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps the total as failed when overlapping details add up to more, with a warning; null contact-info and extension keys pass silently', () => {
    const result = accepted(readTlsRptReport(corpus('details-exceed-total.json')));
    expect(result.report.contactInfo).toBeNull();
    expect(result.summary[0]).toMatchObject({
      failed: 3,
      failuresByResultType: { 'certificate-not-trusted': 3, 'certificate-host-mismatch': 2 },
      failingMxHosts: { 'mx.example.net': 5 },
      mxPatterns: ['mx.example.net'],
      uncoveredFailingMxHosts: [],
    });
    expect(result.warnings).toEqual(['failure-details-exceed-total']);
  });

  it('counts every registered result type without a warning', () => {
    const result = accepted(readTlsRptReport(corpus('every-result-type.json')));
    expect(result.summary[0]!.failuresByResultType).toEqual({
      'sts-webpki-invalid': 11,
      'sts-policy-invalid': 10,
      'sts-policy-fetch-error': 9,
      'dane-required': 8,
      'dnssec-invalid': 7,
      'tlsa-invalid': 6,
      'validation-failure': 5,
      'certificate-not-trusted': 4,
      'certificate-expired': 3,
      'certificate-host-mismatch': 2,
      'starttls-not-supported': 1,
    });
    expect(result.summary[0]!.failed).toBe(66);
    expect(result.summary[0]!.failingMxHosts).toEqual({ 'mx.example.com': 66 });
    expect(result.warnings).toEqual([]);
  });

  it('summarises a 5,000-detail report', () => {
    const details = Array.from({ length: 5000 }, (_, i) => ({
      'result-type': i % 2 === 0 ? 'starttls-not-supported' : 'certificate-expired',
      'sending-mta-ip': `10.0.${Math.floor(i / 250)}.${i % 250}`,
      'receiving-mx-hostname': `mx${i % 4}.example.com`,
      'failed-session-count': 1,
    }));
    const bytes = reportBytes({
      policies: [stsEntry({ summary: { 'total-failure-session-count': 5000 }, 'failure-details': details })],
    });
    const row = accepted(readTlsRptReport(bytes)).summary[0]!;
    expect(row.failed).toBe(5000);
    expect(row.failuresByResultType).toEqual({ 'certificate-expired': 2500, 'starttls-not-supported': 2500 });
    expect(row.failingMxHosts).toEqual({
      'mx0.example.com': 1250,
      'mx1.example.com': 1250,
      'mx2.example.com': 1250,
      'mx3.example.com': 1250,
    });
    expect(Object.keys(row.sendingMtas)).toHaveLength(5000);
    expect(row.sendingMtas['10.0.19.249']).toBe(1);
    expect(row.uncoveredFailingMxHosts).toEqual([
      'mx0.example.com',
      'mx1.example.com',
      'mx2.example.com',
      'mx3.example.com',
    ]);
  });
});

describe('readTlsRptReport: summary rows', () => {
  it('sums entries with the same (domain, type): a policy changed during the day', () => {
    const enforce = stsEntry({
      policy: {
        'policy-string': ['version: STSv1', 'mode: enforce', 'mx: *.example.com', 'max_age: 86400'],
        'policy-domain': 'Example.COM.',
      },
      summary: { 'total-successful-session-count': 5, 'total-failure-session-count': 2 },
      'failure-details': [
        {
          'result-type': 'certificate-expired',
          'sending-mta-ip': '192.0.2.1',
          'receiving-mx-hostname': 'MX.example.com.',
          'failed-session-count': 2,
        },
      ],
    });
    const result = accepted(readTlsRptReport(reportBytes({ policies: [stsEntry(), enforce] })));
    expect(result.summary).toEqual([
      {
        policyDomain: 'example.com',
        policyType: 'sts',
        modes: ['testing', 'enforce'],
        mxPatterns: ['mx.example.com', '*.example.com'],
        successful: 15,
        failed: 3,
        failuresByResultType: { 'certificate-expired': 3 },
        failingMxHosts: { 'mx.example.com': 3 },
        sendingMtas: { '192.0.2.1': 3 },
        uncoveredFailingMxHosts: [],
      },
    ]);
    expect(result.report.policyCount).toBe(2);
  });

  it('lists failing hosts no pattern covers, one label deep only, never (unknown)', () => {
    const entry = stsEntry({
      policy: { 'mx-host': ['*.example.com', 'mx.other.example'] },
      summary: { 'total-failure-session-count': 9 },
      'failure-details': [
        {
          'result-type': 'starttls-not-supported',
          'receiving-mx-hostname': 'a.b.example.com',
          'failed-session-count': 4,
        },
        {
          'result-type': 'starttls-not-supported',
          'receiving-mx-hostname': 'mx1.example.com',
          'failed-session-count': 3,
        },
        { 'result-type': 'sts-policy-fetch-error', 'receiving-mx-hostname': '', 'failed-session-count': 1 },
        { 'result-type': 'starttls-not-supported', 'receiving-mx-hostname': 'example.com', 'failed-session-count': 1 },
      ],
    });
    const row = accepted(readTlsRptReport(reportBytes({ policies: [entry] }))).summary[0]!;
    expect(row.mxPatterns).toEqual(['*.example.com', 'mx.other.example']);
    expect(row.failingMxHosts).toEqual({
      'a.b.example.com': 4,
      'mx1.example.com': 3,
      '(unknown)': 1,
      'example.com': 1,
    });
    expect(row.sendingMtas).toEqual({ '(unknown)': 9 });
    expect(row.uncoveredFailingMxHosts).toEqual(['a.b.example.com', 'example.com']);
  });

  it('gives null uncovered hosts to an sts row without patterns and to other types', () => {
    const noPatterns = stsEntry({ policy: { 'policy-string': ['version: STSv1', 'mode: testing'] } });
    const noPolicy = {
      policy: { 'policy-type': 'no-policy-found', 'policy-domain': 'example.com' },
      summary: { 'total-successful-session-count': 3, 'total-failure-session-count': 0 },
    };
    const rows = accepted(readTlsRptReport(reportBytes({ policies: [noPatterns, noPolicy] }))).summary;
    expect(rows.map((r) => [r.policyType, r.mxPatterns, r.uncoveredFailingMxHosts])).toEqual([
      ['sts', [], null],
      ['no-policy-found', [], null],
    ]);
    expect(rows[1]).toEqual({
      policyDomain: 'example.com',
      policyType: 'no-policy-found',
      modes: [],
      mxPatterns: [],
      successful: 3,
      failed: 0,
      ...NO_FAILURES,
      uncoveredFailingMxHosts: null,
    });
  });

  it('accepts an empty policies array as a report with no rows', () => {
    const result = accepted(readTlsRptReport(reportBytes({ policies: [] })));
    expect([result.summary, result.report.policyCount, result.warnings]).toEqual([[], 0, []]);
  });

  it('keeps a remote "__proto__" key an ordinary count key', () => {
    const entry = stsEntry({
      'failure-details': [
        { 'result-type': 'certificate-expired', 'receiving-mx-hostname': '__proto__', 'failed-session-count': 1 },
      ],
    });
    const row = accepted(readTlsRptReport(reportBytes({ policies: [entry] }))).summary[0]!;
    expect(Object.entries(row.failingMxHosts)).toEqual([['__proto__', 1]]);
    expect(JSON.parse(JSON.stringify(row)).failingMxHosts).toEqual(JSON.parse('{"__proto__":1}'));
  });
});

describe('readTlsRptReport: tolerated with a warning', () => {
  const warningsOf = (bytes: Buffer) => accepted(readTlsRptReport(bytes)).warnings;

  it('reads mx-host given as one string', () => {
    const result = accepted(
      readTlsRptReport(reportBytes({ policies: [stsEntry({ policy: { 'mx-host': '*.example.com' } })] })),
    );
    expect(result.summary[0]!.mxPatterns).toEqual(['*.example.com']);
    expect(result.warnings).toEqual(['mx-host-not-array']);
  });

  it('strips an "mx: " prefix from mx-host entries and reads mx-host-pattern too', () => {
    const entry = stsEntry({
      policy: { 'mx-host': ['mx: mx.example.com'], 'mx-host-pattern': ['MX:*.backup.example.com'] },
    });
    const result = accepted(readTlsRptReport(reportBytes({ policies: [entry] })));
    expect(result.summary[0]!.mxPatterns).toEqual(['mx.example.com', '*.backup.example.com']);
    expect(result.warnings).toEqual(['mx-host-prefixed']);
  });

  it('reads a policy-string given as one string of lines', () => {
    const entry = stsEntry({
      policy: { 'policy-string': 'version: STSv1\r\nmode: enforce\r\nmx: mx.example.com\r\nmax_age: 86400\r\n' },
    });
    const result = accepted(readTlsRptReport(reportBytes({ policies: [entry] })));
    expect(result.summary[0]).toMatchObject({ modes: ['enforce'], mxPatterns: ['mx.example.com'] });
    expect(result.warnings).toEqual(['policy-string-not-array']);
  });

  it('counts a missing count as 0', () => {
    const entry = stsEntry({
      summary: { 'total-successful-session-count': undefined },
      'failure-details': [{ 'result-type': 'certificate-expired', 'receiving-mx-hostname': 'mx.example.com' }],
    });
    const result = accepted(readTlsRptReport(reportBytes({ policies: [entry] })));
    expect(result.summary[0]).toMatchObject({
      successful: 0,
      failed: 1,
      failuresByResultType: { 'certificate-expired': 0 },
    });
    expect(result.warnings).toEqual(['missing-count-defaulted']);
  });

  it('keeps unknown policy and result types under their raw strings, never added to known rows', () => {
    const entry = {
      ...stsEntry({
        'failure-details': [
          { 'result-type': 'x-timeout', 'receiving-mx-hostname': 'mx.example.com', 'failed-session-count': 1 },
        ],
      }),
    };
    const other = stsEntry({ policy: { 'policy-type': 'x-dane-lite' } });
    const result = accepted(readTlsRptReport(reportBytes({ policies: [entry, other] })));
    expect(result.summary.map((r) => [r.policyType, r.failuresByResultType])).toEqual([
      ['sts', { 'x-timeout': 1 }],
      ['x-dane-lite', { 'certificate-expired': 1 }],
    ]);
    expect(result.warnings).toEqual(['unknown-policy-type', 'unknown-result-type']);
  });

  it('reads a missing result-type as (unknown), with the unknown-result-type warning', () => {
    const entry = stsEntry({
      'failure-details': [{ 'receiving-mx-hostname': 'mx.example.com', 'failed-session-count': 1 }],
    });
    const result = accepted(readTlsRptReport(reportBytes({ policies: [entry] })));
    expect(result.summary[0]!.failuresByResultType).toEqual({ '(unknown)': 1 });
    expect(result.warnings).toEqual(['unknown-result-type']);
  });

  it('normalises an end time written 24:00 to next-day midnight', () => {
    const range = { 'start-datetime': '2026-11-30T00:00:00Z', 'end-datetime': '2026-11-30T24:00:00Z' };
    const result = accepted(readTlsRptReport(reportBytes({ 'date-range': range })));
    expect([result.report.start, result.report.end]).toEqual(['2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
  });

  it('reads offsets as UTC instants', () => {
    const range = { 'start-datetime': '2026-11-30T02:00:00+02:00', 'end-datetime': '2026-11-30T18:59:59.5-05:00' };
    const result = accepted(readTlsRptReport(reportBytes({ 'date-range': range })));
    expect([result.report.start, result.report.end]).toEqual(['2026-11-30T00:00:00.000Z', '2026-11-30T23:59:59.500Z']);
    expect(result.warnings).toEqual([]);
  });

  it('gathers several warnings as a sorted set', () => {
    const entries = [
      stsEntry({ policy: { 'policy-domain': '' } }),
      stsEntry({ policy: { 'policy-domain': undefined, 'mx-host': 'mx.example.com' } }),
    ];
    expect(warningsOf(reportBytes({ policies: entries }))).toEqual(['missing-policy-domain', 'mx-host-not-array']);
  });

  it('accepts a UTF-8 byte order mark silently', () => {
    const result = accepted(
      readTlsRptReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), corpus('rfc8460-appendix-b.json')])),
    );
    expect([result.report.organization, result.warnings]).toEqual(['Company-X', []]);
  });

  it('accepts contact-info null, missing organization and report id, and unknown keys everywhere', () => {
    const json = reportJson({ 'contact-info': null, 'x-extension': { anything: [1] } });
    delete json['organization-name'];
    delete json['report-id'];
    const entry = stsEntry({ policy: { 'x-policy-ext': true }, summary: { 'x-summary-ext': 'y' } });
    const result = accepted(
      readTlsRptReport(Buffer.from(JSON.stringify({ ...json, policies: [{ ...entry, 'x-entry-ext': 1 }] }))),
    );
    expect(result.report).toMatchObject({ organization: null, reportId: null, contactInfo: null });
    expect(result.warnings).toEqual([]);
  });
});
