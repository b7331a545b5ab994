import { describe, expect, it } from 'vitest';
import { CRLF_POLICY, codes, useFixtureScanner } from './scan-harness.js';

const fixture = useFixtureScanner('hosted');

const deployment = (mx: Array<[number, string]>, patterns: string[]) => (d: string) => ({
  txt: 'v=STSv1; id=hosted1;',
  policy: CRLF_POLICY('enforce', patterns),
  mx,
  tlsrpt: `v=TLSRPTv1; rua=mailto:tls@${d}`,
});

describe('hosted mail providers', () => {
  it('Microsoft 365: *.mail.protection.outlook.com covers the tenant host', async () => {
    const report = await fixture.scanOf(
      deployment([[0, 'contoso-com.mail.protection.outlook.com']], ['*.mail.protection.outlook.com']),
    );
    expect(report.verdict).toBe('enforced');
    expect(report.mx[0]?.matchedBy).toBe('*.mail.protection.outlook.com');
  });

  it('Microsoft 365: a policy without the wildcard gets mx-wildcard-missing with the provider pattern as fix', async () => {
    const report = await fixture.scanOf(
      deployment([[0, 'contoso-com.mail.protection.outlook.com']], ['mail.protection.outlook.com']),
    );
    expect(codes(report)).toEqual(['mx-wildcard-missing']);
    expect(report.findings[0]?.fix).toContain('mx: *.mail.protection.outlook.com');
  });

  it('Microsoft 365 (mx.microsoft): *.mx.microsoft is one label too high, and the fix says so', async () => {
    const report = await fixture.scanOf(deployment([[0, 'contoso-com.b-v1.mx.microsoft']], ['*.mx.microsoft']));
    expect(codes(report)).toEqual(['mx-wildcard-missing']);
    expect(report.findings[0]?.fix).toContain('mx: *.b-v1.mx.microsoft');
    expect(report.findings[0]?.fix).toContain(
      '`*.mx.microsoft` does not cover `contoso-com.b-v1.mx.microsoft`: a wildcard matches exactly one label',
    );
  });

  it('Microsoft 365 (mx.microsoft): *.b-v1.mx.microsoft covers it', async () => {
    const report = await fixture.scanOf(deployment([[0, 'contoso-com.b-v1.mx.microsoft']], ['*.b-v1.mx.microsoft']));
    expect(report.verdict).toBe('enforced');
  });

  it('Google Workspace (smtp.google.com) is covered by the exact name', async () => {
    const report = await fixture.scanOf(deployment([[1, 'smtp.google.com']], ['smtp.google.com']));
    expect(report.verdict).toBe('enforced');
  });

  it('Google Workspace (legacy aspmx set) is covered by aspmx.l.google.com, *.aspmx.l.google.com and *.googlemail.com', async () => {
    const mx: Array<[number, string]> = [
      [1, 'aspmx.l.google.com'],
      [5, 'alt1.aspmx.l.google.com'],
      [5, 'alt2.aspmx.l.google.com'],
      [10, 'aspmx2.googlemail.com'],
      [10, 'aspmx3.googlemail.com'],
    ];
    const report = await fixture.scanOf(
      deployment(mx, ['aspmx.l.google.com', '*.aspmx.l.google.com', '*.googlemail.com']),
    );
    expect(report.verdict).toBe('enforced');
    expect(report.mx.every((row) => row.matchedBy !== null)).toBe(true);
  });

  it('Google Workspace hosts left out get mx-mismatch with the provider pattern, not a wildcard alarm', async () => {
    const report = await fixture.scanOf(
      deployment(
        [
          [1, 'aspmx.l.google.com'],
          [5, 'alt1.aspmx.l.google.com'],
          [5, 'alt2.aspmx.l.google.com'],
        ],
        ['aspmx.l.google.com'],
      ),
    );
    expect(codes(report)).toEqual(['mx-mismatch']);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.detail).toContain('`alt1.aspmx.l.google.com`, `alt2.aspmx.l.google.com`');
    expect(report.findings[0]?.fix).toContain('mx: *.aspmx.l.google.com');
  });

  it('suggests provider-aware wildcard patterns from the live MX set', async () => {
    const report = await fixture.scanOf((d) => ({
      mx: [
        [0, 'contoso-com.mail.protection.outlook.com'],
        [10, `backup.${d}`],
      ],
    }));
    expect(report.suggestions.policy).toContain('mx: *.mail.protection.outlook.com\n');
    expect(report.suggestions.policy).toContain(`mx: backup.${report.domain}\n`);
  });
});
