import { describe, expect, it } from 'vitest';
import { reportMessage } from '../../src/command/report-message.js';
import type { Verdict } from '../../src/report/report.js';
import { brokenReportFixture, FIXTURE_NOW, reportFixture } from './report-fixture.js';

describe('reportMessage', () => {
  it.each<[Verdict, string]>([
    ['enforced', 'good'],
    ['testing', 'info'],
    ['none', 'neutral'],
    ['not-configured', 'neutral'],
    ['broken', 'warning'],
  ])('gives a %s verdict the %s tone', (verdict, tone) => {
    const message = reportMessage(reportFixture({ verdict }), { now: FIXTURE_NOW });
    expect(message.tone).toBe(tone);
    expect(message.verdict).toBe(verdict);
    expect(message.headline.startsWith('example.com — ')).toBe(true);
  });

  it('summarises a healthy report: policy id beside the body hash, mode, max_age, certificate expiry, TLS-RPT', () => {
    const message = reportMessage(reportFixture(), { now: FIXTURE_NOW });
    expect(message.headline).toBe('example.com — Enforced');
    expect(message.facts).toEqual([
      { label: 'Policy id', value: '`20240101000000`' },
      { label: 'Body', value: 'sha256 `3f2a9c1be07d…`' },
      { label: 'Mode', value: '`enforce`' },
      { label: 'max_age', value: '604800 s (7 days)' },
      { label: 'Certificate', value: 'expires 1 Apr 00:00 UTC (in 31 days)' },
      { label: 'TLS-RPT', value: '`mailto:***@example.com`' },
    ]);
    expect(message.summary).toEqual([]);
    expect(message.policyFile).toBe('https://mta-sts.example.com/.well-known/mta-sts.txt');
    expect(message.watch).toBe(true);
    expect(message.mxTable).toEqual([
      { host: 'mx1.example.com', priority: 10, matchedBy: 'mx1.example.com', gate: 'SMTP not probed', gateOk: null },
      {
        host: 'b.mail.example.net',
        priority: 20,
        matchedBy: '*.mail.example.net',
        gate: 'SMTP not probed',
        gateOk: null,
      },
    ]);
    expect(message.fixes).toEqual([]);
    expect(message.rescan).toBe(true);
  });

  it('never shows a published mailto: local part; the fixes to paste carry a visible placeholder, never ***', () => {
    const report = reportFixture({
      verdict: 'broken',
      tlsrpt: { record: 'v=TLSRPTv1; rua=mailto:alice.secret@corp.example', rua: ['mailto:alice.secret@corp.example'] },
      findings: [
        {
          code: 'tlsrpt-invalid',
          severity: 'warning',
          title: 'Odd rua mailto:alice.secret@corp.example',
          detail: 'Seen: v=TLSRPTv1; rua=mailto:alice.secret@corp.example',
          fix: 'Publish _smtp._tls.example.com TXT "v=TLSRPTv1; rua=mailto:tls-reports@example.com".',
        },
      ],
      suggestions: {
        txtName: '_mta-sts.example.com',
        txt: 'v=STSv1; id=1;',
        policy: 'version: STSv1\n',
        tlsrptName: '_smtp._tls.example.com',
        tlsrpt: 'v=TLSRPTv1; rua=mailto:tls-reports@example.com',
      },
    });
    const message = reportMessage(report, { now: FIXTURE_NOW });
    expect(JSON.stringify(message)).not.toContain('alice.secret');
    expect(message.facts).toContainEqual({ label: 'TLS-RPT', value: '`mailto:***@corp.example`' });
    expect(message.findings[0]).toMatchObject({
      title: 'Odd rua mailto:***@corp.example',
      detail: 'Seen: v=TLSRPTv1; rua=mailto:***@corp.example',
    });
    expect(JSON.stringify(message.fixes.map((fix) => [fix.text, fix.code]))).not.toContain('***');
    expect(message.fixes[0]?.text).toBe(
      'Publish _smtp._tls.example.com TXT "v=TLSRPTv1; rua=mailto:tls-reports@example.com".',
    );
    expect(message.fixes.find((fix) => fix.title === 'TLS-RPT record at `_smtp._tls.example.com`')).toEqual({
      title: 'TLS-RPT record at `_smtp._tls.example.com`',
      text: 'Publish this record to get daily reports of TLS failures (RFC 8460), with the mailbox that should receive them in place of `tls-reports@example.com`.',
      code: 'Name:  _smtp._tls.example.com\nType:  TXT\nValue: v=TLSRPTv1; rua=mailto:tls-reports@example.com\n\n; zone file:\n_smtp._tls.example.com. IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@example.com"',
    });
  });

  it('heads a domain that does not exist "Domain not found" and offers only its fix, no records to publish', () => {
    const fix = 'Check the spelling.';
    const report = reportFixture({
      domain: 'exmaple.com',
      verdict: 'broken',
      txt: null,
      policy: null,
      mx: [],
      cert: null,
      tlsrpt: null,
      findings: [
        {
          code: 'domain-not-found',
          severity: 'error',
          title: 'Domain does not exist',
          detail: 'exmaple.com does not exist in DNS (NXDOMAIN).',
          fix,
        },
      ],
    });
    const message = reportMessage(report, { now: FIXTURE_NOW });
    expect(message.headline).toBe('exmaple.com — Domain not found');
    expect(message.fixes).toEqual([{ title: 'Domain does not exist', text: fix }]);
  });

  it('offers no TLS-RPT record when a valid one is published', () => {
    const base = brokenReportFixture();
    const message = reportMessage(
      { ...base, suggestions: { ...base.suggestions, tlsrpt: null } },
      { now: FIXTURE_NOW },
    );
    expect(message.fixes.map((fix) => fix.title)).toEqual([
      'MX backup.example.com is not covered by the policy',
      'TXT record at `_mta-sts.example.com`',
      'Policy at `https://mta-sts.example.com/.well-known/mta-sts.txt`',
    ]);
  });

  it('lists the fixes of a broken report: one block per finding with a fix, then the three suggestions as code', () => {
    const message = reportMessage(brokenReportFixture(), { now: FIXTURE_NOW });
    expect(message.fixes.map((fix) => fix.title)).toEqual([
      'MX backup.example.com is not covered by the policy',
      'TXT record at `_mta-sts.example.com`',
      'Policy at `https://mta-sts.example.com/.well-known/mta-sts.txt`',
      'TLS-RPT record at `_smtp._tls.example.com`',
    ]);
    expect(message.fixes[0]).toEqual({
      title: 'MX backup.example.com is not covered by the policy',
      text: 'Add "mx: backup.example.com" to the policy and change the TXT id.',
    });
    expect(message.fixes[1]?.code).toBe(
      'Name:  _mta-sts.example.com\nType:  TXT\nValue: v=STSv1; id=20240301000000;\n\n; zone file:\n_mta-sts.example.com. IN TXT "v=STSv1; id=20240301000000;"',
    );
    expect(message.fixes[2]?.code).toBe('version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n');
    expect(message.findings.map((f) => f.code)).toEqual(['mx-mismatch', 'max-age-short']);
    expect(message.mxTable[1]).toEqual({
      host: 'backup.example.com',
      priority: 20,
      matchedBy: null,
      gate: 'SMTP not probed',
      gateOk: null,
    });
  });

  it('offers fixes for a warning even when the verdict itself is fine', () => {
    const report = reportFixture({
      verdict: 'testing',
      findings: [
        { code: 'tlsrpt-missing', severity: 'warning', title: 'No TLS-RPT record', detail: 'd', fix: 'Publish one.' },
      ],
    });
    expect(reportMessage(report, { now: FIXTURE_NOW }).fixes[0]).toEqual({
      title: 'No TLS-RPT record',
      text: 'Publish one.',
    });
  });

  it('gives a not-configured domain its ready-to-paste setup as the thread, and no policy to match its MX hosts against', () => {
    const report = reportFixture({
      verdict: 'not-configured',
      txt: null,
      policy: null,
      cert: null,
      tlsrpt: null,
      findings: [{ code: 'max-age-short', severity: 'info', title: 'i', detail: 'd', fix: 'f' }],
    });
    const message = reportMessage(report, { now: FIXTURE_NOW });
    expect(message.fixes.map((fix) => fix.title)).toEqual([
      'i',
      'TXT record at `_mta-sts.example.com`',
      'Policy at `https://mta-sts.example.com/.well-known/mta-sts.txt`',
      'TLS-RPT record at `_smtp._tls.example.com`',
    ]);
    expect(message.policyToMatch).toBe(false);
    expect(message.summary).toEqual(['No MTA-STS TXT record or policy published']);
    expect(message.facts).toEqual([{ label: 'TLS-RPT', value: 'none' }]);
    expect(message.headline).toBe('example.com — Not configured');
  });

  it('flags an expired, untrusted certificate whose names do not match', () => {
    const report = reportFixture({
      cert: { ...reportFixture().cert!, notAfter: '2024-02-01T00:00:00.000Z', trusted: false, sanMatch: false },
    });
    expect(reportMessage(report, { now: FIXTURE_NOW }).facts).toContainEqual({
      label: 'Certificate',
      value: 'expired 1 Feb 00:00 UTC, untrusted, name mismatch',
    });
  });

  it('marks a policy served over a failing certificate as not usable by senders, beside its id', () => {
    const report = reportFixture({
      verdict: 'broken',
      findings: [{ code: 'cert-untrusted', severity: 'error', title: 'Cert not trusted', detail: 'd', fix: 'f' }],
    });
    expect(reportMessage(report, { now: FIXTURE_NOW }).facts.slice(0, 2)).toEqual([
      { label: 'Policy id', value: '`20240101000000`' },
      { label: 'Body', value: 'sha256 `3f2a9c1be07d…` · not usable by senders (untrusted certificate)' },
    ]);
  });

  it('says which parts could not be read instead of inventing values', () => {
    const report = reportFixture({
      txt: { record: 'v=STSv1; id=bad id!', id: null },
      policy: { sha256: 'ab'.repeat(32), mode: null, mx: [], maxAge: null },
    });
    expect(reportMessage(report, { now: FIXTURE_NOW }).facts.slice(0, 4)).toEqual([
      { label: 'Policy id', value: '(no valid id)' },
      { label: 'Body', value: 'sha256 `abababababab…`' },
      { label: 'Mode', value: 'unreadable' },
      { label: 'max_age', value: 'unreadable' },
    ]);
  });

  it('offers no policy-file link for a name that is not exactly a domain', () => {
    expect(reportMessage(reportFixture({ domain: 'Exa mple.com' }), { now: FIXTURE_NOW }).policyFile).toBeNull();
  });

  it('appends notes such as the cache age after the report lines', () => {
    const message = reportMessage(reportFixture(), { now: FIXTURE_NOW, notes: ['Cached 42 s ago'] });
    expect(message.summary.at(-1)).toBe('Cached 42 s ago');
  });
});
