import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/scan.js';
import { type DomainSpec, publishDomain } from '../fixture/fixture-internet.js';
import { cleanGate, codes, useFixtureScanner } from './scan-harness.js';

const fixture = useFixtureScanner('snap');

/** Deployments shaped like well-known published setups (served here by the fixture, never fetched from the internet). */
const SNAPSHOTS: Record<string, DomainSpec> = {
  'google.com': {
    txt: 'v=STSv1; id=20190429T010101;',
    policy:
      'version: STSv1\nmode: enforce\nmx: smtp.google.com\nmx: aspmx.l.google.com\nmx: *.aspmx.l.google.com\nmax_age: 86400\n',
    mx: [[10, 'smtp.google.com']],
    tlsrpt: 'v=TLSRPTv1; rua=mailto:sts-reports@google.com',
  },
  'microsoft.com': {
    txt: 'v=STSv1; id=20190225000000Z;',
    policy: 'version: STSv1\r\nmode: enforce\r\nmx: *.mail.protection.outlook.com\r\nmax_age: 604800\r\n',
    mx: [[10, 'microsoft-com.mail.protection.outlook.com']],
    tlsrpt: 'v=TLSRPTv1; rua=https://tlsrpt.azurewebsites.net/report',
  },
  'gov.uk': {
    txt: 'v=STSv1; id=20210923T144500;',
    policy: 'version: STSv1\nmode: testing\nmx: *.mimecast.com\nmax_age: 1209600\n',
    mx: [
      [10, 'eu-smtp-inbound-1.mimecast.com'],
      [10, 'eu-smtp-inbound-2.mimecast.com'],
    ],
    tlsrpt: 'v=TLSRPTv1;rua=mailto:tls-rua@mailcheck.service.ncsc.gov.uk',
  },
  'github.com': {
    txt: 'v=STSv1; id=2023090101;',
    policy: 'version: STSv1\nmode: enforce\nmx: aspmx.l.google.com\nmx: *.aspmx.l.google.com\nmax_age: 604800\n',
    mx: [
      [1, 'aspmx.l.google.com'],
      [5, 'alt1.aspmx.l.google.com'],
      [5, 'alt2.aspmx.l.google.com'],
      [10, 'alt3.aspmx.l.google.com'],
      [10, 'alt4.aspmx.l.google.com'],
    ],
    tlsrpt: 'v=TLSRPTv1; rua=mailto:tls-reports@github.com',
  },
};

async function scanSnapshot(domain: string) {
  await publishDomain(fixture.net(), domain, SNAPSHOTS[domain]!);
  return scan(domain, fixture.net().scanOptions);
}

describe('realistic snapshots', () => {
  it('google.com-shaped: enforced, with the one-day max_age flagged as short (info)', async () => {
    const report = await scanSnapshot('google.com');
    expect(report.verdict).toBe('enforced');
    expect(codes(report)).toEqual(['max-age-short']);
    expect(report.mx).toEqual([
      {
        host: 'smtp.google.com',
        priority: 10,
        matchedBy: 'smtp.google.com',
        smtp: cleanGate('smtp.google.com'),
        dane: { status: 'none', tlsa: [] },
      },
    ]);
  });

  it('microsoft.com-shaped: enforced through the Exchange Online wildcard, https TLS-RPT', async () => {
    const report = await scanSnapshot('microsoft.com');
    expect(report.verdict).toBe('enforced');
    expect(codes(report)).toEqual([]);
    expect(report.tlsrpt?.rua).toEqual(['https://tlsrpt.azurewebsites.net/report']);
  });

  it('gov.uk-shaped: testing, with both Mimecast hosts covered by one wildcard', async () => {
    const report = await scanSnapshot('gov.uk');
    expect(report.verdict).toBe('testing');
    expect(codes(report)).toEqual([]);
    expect(report.mx.map((r) => r.matchedBy)).toEqual(['*.mimecast.com', '*.mimecast.com']);
  });

  it('github.com-shaped: enforced on the legacy Google MX set', async () => {
    const report = await scanSnapshot('github.com');
    expect(report.verdict).toBe('enforced');
    expect(report.mx).toHaveLength(5);
    expect(report.mx.every((r) => r.matchedBy !== null)).toBe(true);
  });
});
