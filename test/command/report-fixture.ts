import { type Report, reportSchema } from '../../src/report/report.js';

/** A healthy, enforced report for example.com; overrides replace whole top-level fields. Validated by reportSchema. */
export function reportFixture(overrides: Partial<Report> = {}): Report {
  return reportSchema.parse({
    domain: 'example.com',
    verdict: 'enforced',
    findings: [],
    txt: { record: 'v=STSv1; id=20240101000000', id: '20240101000000' },
    policy: {
      sha256: '3f2a9c1be07d44aa0b1c2d3e4f5061728394a5b6c7d8e9f00112233445566778',
      mode: 'enforce',
      mx: ['mx1.example.com', '*.mail.example.net'],
      maxAge: 604_800,
    },
    mx: [
      { host: 'mx1.example.com', priority: 10, matchedBy: 'mx1.example.com', smtp: null, dane: null },
      { host: 'b.mail.example.net', priority: 20, matchedBy: '*.mail.example.net', smtp: null, dane: null },
    ],
    cert: {
      subject: 'CN=mta-sts.example.com',
      issuer: 'CN=Example CA',
      san: ['mta-sts.example.com'],
      notBefore: '2024-01-01T00:00:00.000Z',
      notAfter: '2024-04-01T00:00:00.000Z',
      trusted: true,
      sanMatch: true,
      serial: '01',
    },
    tlsrpt: { record: 'v=TLSRPTv1; rua=mailto:tls-reports@example.com', rua: ['mailto:tls-reports@example.com'] },
    suggestions: {
      txtName: '_mta-sts.example.com',
      txt: 'v=STSv1; id=20240301000000;',
      policy: 'version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n',
      tlsrptName: '_smtp._tls.example.com',
      tlsrpt: 'v=TLSRPTv1; rua=mailto:tls-reports@example.com',
    },
    ...overrides,
  });
}

/** A broken report: the policy does not cover one live MX host. */
export function brokenReportFixture(domain = 'example.com'): Report {
  return reportFixture({
    domain,
    verdict: 'broken',
    mx: [
      { host: `mx1.${domain}`, priority: 10, matchedBy: `mx1.${domain}`, smtp: null, dane: null },
      { host: `backup.${domain}`, priority: 20, matchedBy: null, smtp: null, dane: null },
    ],
    findings: [
      {
        code: 'mx-mismatch',
        severity: 'error',
        title: `MX backup.${domain} is not covered by the policy`,
        detail: 'Senders enforcing the policy will refuse to deliver to this host.',
        fix: `Add "mx: backup.${domain}" to the policy and change the TXT id.`,
      },
      {
        code: 'max-age-short',
        severity: 'info',
        title: 'max_age is short',
        detail: 'Policies cached for less than a week protect less between fetches.',
        fix: '',
      },
    ],
  });
}

/** 2024-03-01T00:00:00Z: one month before the fixture certificate expires. */
export const FIXTURE_NOW = Date.parse('2024-03-01T00:00:00.000Z');
