import { describe, expect, it } from 'vitest';
import { readTlsRptReport } from '../../src/tlsrpt/read-report.js';
import type { TlsRptRejection } from '../../src/tlsrpt/tlsrpt-report.js';
import { reportBytes, reportJson, stsEntry } from './report-builder.js';

function rejection(bytes: Uint8Array): Omit<TlsRptRejection, 'message'> {
  const result = readTlsRptReport(bytes);
  if (result.accepted) throw new Error('accepted');
  expect(result.error.message).not.toBe('');
  return { code: result.error.code, path: result.error.path };
}

const text = (s: string) => Buffer.from(s);

describe('readTlsRptReport: rejections name a code and the first offending path', () => {
  it('rejects what is not JSON, or not UTF-8, with no path', () => {
    expect(rejection(text('{"policies": ['))).toEqual({ code: 'invalid-json', path: null });
    expect(rejection(text(''))).toEqual({ code: 'invalid-json', path: null });
    expect(rejection(Buffer.from([0x7b, 0xff, 0x7d]))).toEqual({ code: 'invalid-json', path: null });
  });

  it('keeps remote text out of the invalid-json message', () => {
    const result = readTlsRptReport(text('{"a": \u001b[31mEVIL'));
    expect(result.accepted === false && result.error.message).toBe('the report is not valid JSON');
  });

  it('rejects JSON that is not a report', () => {
    expect(rejection(text('[]'))).toEqual({ code: 'not-a-report', path: null });
    expect(rejection(text('"policies"'))).toEqual({ code: 'not-a-report', path: null });
    expect(rejection(text('null'))).toEqual({ code: 'not-a-report', path: null });
    expect(rejection(text('{"organization-name": "x"}'))).toEqual({ code: 'not-a-report', path: 'policies' });
    expect(rejection(reportBytes({ policies: null }))).toEqual({ code: 'not-a-report', path: 'policies' });
  });

  it('rejects policies, a policy entry or failure-details of the wrong type', () => {
    expect(rejection(reportBytes({ policies: {} }))).toEqual({ code: 'invalid-type', path: 'policies' });
    expect(rejection(reportBytes({ policies: [stsEntry(), 'sts'] }))).toEqual({
      code: 'invalid-type',
      path: 'policies[1]',
    });
    expect(rejection(reportBytes({ policies: [stsEntry({ 'failure-details': {} })] }))).toEqual({
      code: 'invalid-type',
      path: 'policies[0].failure-details',
    });
    expect(rejection(reportBytes({ policies: [stsEntry({ 'failure-details': [null] })] }))).toEqual({
      code: 'invalid-type',
      path: 'policies[0].failure-details[0]',
    });
  });

  it('rejects any other value of the wrong type at its path', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ 'organization-name': 42 }, 'organization-name'],
      [{ 'date-range': 'today' }, 'date-range'],
      [{ 'contact-info': ['a'] }, 'contact-info'],
      [{ 'report-id': 7 }, 'report-id'],
      [{ policies: [{ ...stsEntry(), policy: [] }] }, 'policies[0].policy'],
      [{ policies: [{ ...stsEntry(), summary: 3 }] }, 'policies[0].summary'],
      [{ policies: [stsEntry({ policy: { 'policy-type': 1 } })] }, 'policies[0].policy.policy-type'],
      [{ policies: [stsEntry({ policy: { 'policy-domain': { name: 'x' } } })] }, 'policies[0].policy.policy-domain'],
      [
        { policies: [stsEntry({ policy: { 'policy-string': ['mode: testing', 5] } })] },
        'policies[0].policy.policy-string[1]',
      ],
      [{ policies: [stsEntry({ policy: { 'mx-host': [null] } })] }, 'policies[0].policy.mx-host[0]'],
      [{ policies: [stsEntry({ policy: { 'mx-host-pattern': 3 } })] }, 'policies[0].policy.mx-host-pattern'],
      [
        {
          policies: [
            stsEntry({ 'failure-details': [{ 'result-type': 'certificate-expired', 'sending-mta-ip': 3232235777 }] }),
          ],
        },
        'policies[0].failure-details[0].sending-mta-ip',
      ],
    ];
    for (const [overrides, path] of cases)
      expect(rejection(reportBytes(overrides))).toEqual({ code: 'invalid-type', path });
  });

  it('rejects a missing date-range, policy, summary or policy-type', () => {
    const json = reportJson();
    delete json['date-range'];
    expect(rejection(text(JSON.stringify(json)))).toEqual({ code: 'missing-field', path: 'date-range' });
    expect(rejection(reportBytes({ 'date-range': { 'end-datetime': '2026-11-30T23:59:59Z' } }))).toEqual({
      code: 'missing-field',
      path: 'date-range.start-datetime',
    });
    const { policy: _policy, ...noPolicy } = stsEntry();
    expect(rejection(reportBytes({ policies: [noPolicy] }))).toEqual({
      code: 'missing-field',
      path: 'policies[0].policy',
    });
    const { summary: _summary, ...noSummary } = stsEntry();
    expect(rejection(reportBytes({ policies: [stsEntry(), noSummary] }))).toEqual({
      code: 'missing-field',
      path: 'policies[1].summary',
    });
    expect(rejection(reportBytes({ policies: [stsEntry({ policy: { 'policy-type': null } })] }))).toEqual({
      code: 'missing-field',
      path: 'policies[0].policy.policy-type',
    });
  });

  it('rejects date-times that are not RFC 3339 or not real dates, and a range that ends before it starts', () => {
    const range = (start: unknown, end: unknown = '2026-11-30T23:59:59Z') =>
      reportBytes({ 'date-range': { 'start-datetime': start, 'end-datetime': end } });
    for (const bad of [
      'yesterday',
      '2026-11-30',
      '2026-02-29T00:00:00Z',
      '2026-11-31T00:00:00Z',
      '2026-11-30T25:00:00Z',
      '2026-11-30T24:00:01Z',
      '2026-11-30T00:60:00Z',
      '2026-11-30T00:00:00+24:00',
      1764460800,
    ]) {
      expect(rejection(range(bad))).toEqual({ code: 'invalid-datetime', path: 'date-range.start-datetime' });
    }
    expect(rejection(range('2026-11-30T00:00:00Z', '2026-11-29T23:59:59Z'))).toEqual({
      code: 'invalid-datetime',
      path: 'date-range.end-datetime',
    });
  });

  it('rejects counts that are strings, negative, fractional or above 2^53−1', () => {
    const summaryCount = (value: unknown) =>
      reportBytes({ policies: [stsEntry({ summary: { 'total-successful-session-count': value } })] });
    const path = 'policies[0].summary.total-successful-session-count';
    for (const bad of ['10', -1, 1.5, 9007199254740992, true, [], {}]) {
      expect(rejection(summaryCount(bad))).toEqual({ code: 'invalid-count', path });
    }
    expect(
      rejection(
        text(
          reportBytes()
            .toString()
            .replace('"total-successful-session-count":10', '"total-successful-session-count":1e400'),
        ),
      ),
    ).toEqual({
      code: 'invalid-count',
      path,
    });
    expect(
      rejection(
        text(
          reportBytes()
            .toString()
            .replace('"total-successful-session-count":10', '"total-successful-session-count":99999999999999999999'),
        ),
      ),
    ).toEqual({
      code: 'invalid-count',
      path,
    });
    const detailCount = reportBytes({
      policies: [
        stsEntry(),
        stsEntry({ 'failure-details': [{ 'result-type': 'certificate-expired', 'failed-session-count': -3 }] }),
      ],
    });
    expect(rejection(detailCount)).toEqual({
      code: 'invalid-count',
      path: 'policies[1].failure-details[0].failed-session-count',
    });
  });

  it('accepts the largest exact count, 2^53−1', () => {
    const result = readTlsRptReport(
      reportBytes({ policies: [stsEntry({ summary: { 'total-successful-session-count': 9007199254740991 } })] }),
    );
    expect(result.accepted && result.summary[0]!.successful).toBe(9007199254740991);
  });

  it('names the first offending value in RFC 8460 order when there are several', () => {
    const bytes = reportBytes({
      'date-range': { 'start-datetime': 'soon', 'end-datetime': '2026-11-30T23:59:59Z' },
      policies: [stsEntry({ summary: { 'total-failure-session-count': -1 } })],
    });
    expect(rejection(bytes)).toEqual({ code: 'invalid-datetime', path: 'date-range.start-datetime' });
  });

  it('rejects plain JSON above 10 MiB and accepts it at exactly 10 MiB', () => {
    const report = reportBytes();
    const padded = (size: number) => Buffer.concat([report, Buffer.alloc(size - report.length, ' ')]);
    expect(readTlsRptReport(padded(10 * 1024 * 1024)).accepted).toBe(true);
    expect(rejection(padded(10 * 1024 * 1024 + 1))).toEqual({ code: 'too-large', path: null });
  });
});
