import { describe, expect, it } from 'vitest';
import type { PolicyProbeResult } from '../../src/probes/policy-probe.js';
import { buildReport } from '../../src/report/build-report.js';
import { reportSchema } from '../../src/report/report.js';
import { certInfo, facts, mxAnswer, NO_TLSA, policyServed, SHA, smtpTls, tlsa } from './facts.js';

const summary = (report: ReturnType<typeof buildReport>) => ({
  verdict: report.verdict,
  findings: report.findings.map((f) => `${f.code} ${f.severity}`),
});
const unreachable = (cause: Extract<PolicyProbeResult, { ok: false }>['cause'], detail: string): PolicyProbeResult => ({
  ok: false,
  cause,
  detail,
  address: null,
  cert: null,
});
const SERVFAIL = { ok: false, cause: 'dns', detail: 'servfail: ESERVFAIL' } as const;

describe('buildReport', () => {
  it('given a healthy enforce deployment, then enforced, no finding, and the whole Report', () => {
    const report = buildReport(facts());
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report).toEqual({
      domain: 'example.com',
      verdict: 'enforced',
      findings: [],
      txt: { record: 'v=STSv1; id=20261101T000000;', id: '20261101T000000' },
      policy: { sha256: SHA, mode: 'enforce', mx: ['mx1.example.com'], maxAge: 604_800 },
      mx: [{ host: 'mx1.example.com', priority: 10, matchedBy: 'mx1.example.com', smtp: null, dane: null }],
      cert: {
        subject: 'CN=mta-sts.example.com',
        issuer: 'CN=Test Issuing CA',
        san: ['mta-sts.example.com'],
        notBefore: '2026-10-01T00:00:00.000Z',
        notAfter: '2027-01-30T00:00:00.000Z',
        trusted: true,
        sanMatch: true,
        serial: '0A1B',
      },
      tlsrpt: { record: 'v=TLSRPTv1; rua=mailto:tls@example.com', rua: ['mailto:tls@example.com'] },
      suggestions: {
        txtName: '_mta-sts.example.com',
        txt: 'v=STSv1; id=20261201120000;',
        policy: 'version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n',
        tlsrptName: '_smtp._tls.example.com',
        tlsrpt: null,
      },
    });
  });

  it('given nothing published, then not-configured, neutral: no finding, no TXT, policy or cert', () => {
    const report = buildReport(
      facts({
        txt: { ok: true, value: [] },
        policy: unreachable('no-such-host', 'DNS lookup of mta-sts.example.com failed: nxdomain (ENOTFOUND)'),
        tlsrpt: { ok: true, value: [] },
      }),
    );
    expect(summary(report)).toEqual({ verdict: 'not-configured', findings: [] });
    expect(report).toMatchObject({ txt: null, policy: null, cert: null, tlsrpt: null });
    expect(report.mx).toEqual([{ host: 'mx1.example.com', priority: 10, matchedBy: null, smtp: null, dane: null }]);
    expect(report.suggestions.policy).toBe('version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 604800\n');
    expect(report.suggestions.tlsrpt).toBe('v=TLSRPTv1; rua=mailto:tls-reports@example.com');
  });

  it('given TXT SERVFAIL and a policy host that does not exist (NXDOMAIN), then not-configured: nothing is served', () => {
    const report = buildReport(
      facts({
        txt: SERVFAIL,
        policy: unreachable('no-such-host', 'DNS lookup of mta-sts.example.com failed: nxdomain (ENOTFOUND)'),
      }),
    );
    expect(summary(report)).toEqual({ verdict: 'not-configured', findings: [] });
  });

  it('given TXT SERVFAIL and a policy host that SERVFAILs too, then broken: a policy may exist, nobody can tell', () => {
    const report = buildReport(
      facts({
        txt: SERVFAIL,
        policy: unreachable('dns', 'DNS lookup of mta-sts.example.com failed: servfail (ESERVFAIL)'),
      }),
    );
    expect(summary(report)).toEqual({
      verdict: 'broken',
      findings: ['txt-invalid error', 'policy-unreachable error'],
    });
    expect(report.findings[1]).toMatchObject({
      cause: 'dns',
      detail: 'DNS lookup of mta-sts.example.com failed: servfail (ESERVFAIL).',
    });
    expect(report.findings[0]).not.toHaveProperty('cause');
  });

  it('given TXT SERVFAIL beside a served policy, then broken on txt-invalid alone (no txt-missing too)', () => {
    expect(summary(buildReport(facts({ txt: SERVFAIL })))).toEqual({
      verdict: 'broken',
      findings: ['txt-invalid error'],
    });
  });

  it('given a policy served without a TXT record, then txt-missing', () => {
    const report = buildReport(facts({ txt: { ok: true, value: [] } }));
    expect(summary(report)).toEqual({ verdict: 'broken', findings: ['txt-missing error'] });
    expect(report.findings[0]?.detail).toBe(
      '`https://mta-sts.example.com/.well-known/mta-sts.txt` serves a policy, but `_mta-sts.example.com` has no `v=STSv1` TXT record, so no sender will fetch it.',
    );
    expect(report.txt).toBeNull();
  });

  it('given an enforce policy fetched over an untrusted certificate, then broken, the policy and cert still shown', () => {
    const cert = certInfo(['mta-sts.example.com'], { trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const report = buildReport(
      facts({ policy: policyServed('version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n', cert) }),
    );
    expect(summary(report)).toEqual({ verdict: 'broken', findings: ['cert-untrusted error'] });
    expect(report.policy?.mode).toBe('enforce');
    expect(report.cert).toMatchObject({ trusted: false, sanMatch: true });
    expect(report.mx[0]?.matchedBy).toBe('mx1.example.com');
  });

  it('given a 404 over a certificate for another host, then policy-unreachable and the cert findings, cause http-status', () => {
    const report = buildReport(
      facts({
        policy: {
          ok: false,
          cause: 'http-status',
          detail: 'HTTP 404 instead of 200',
          address: '192.0.2.10',
          cert: certInfo(['www.example.com']),
        },
      }),
    );
    expect(summary(report)).toEqual({
      verdict: 'broken',
      findings: ['policy-unreachable error', 'cert-san-mismatch error'],
    });
    expect(report.findings[0]).toMatchObject({ cause: 'http-status', detail: 'HTTP 404 instead of 200.' });
    expect(report.policy).toBeNull();
    expect(report.cert?.san).toEqual(['www.example.com']);
  });

  it('given mode none and an MX host not covered, then verdict none and no coverage finding', () => {
    const report = buildReport(
      facts({
        policy: policyServed('version: STSv1\nmode: none\nmax_age: 604800\n'),
        mx: mxAnswer([10, 'mx.elsewhere.net']),
      }),
    );
    expect(summary(report)).toEqual({ verdict: 'none', findings: [] });
    expect(report.mx[0]?.matchedBy).toBeNull();
    expect(report.suggestions.policy).toBe('version: STSv1\nmode: none\nmx: mx.elsewhere.net\nmax_age: 604800\n');
  });

  it('given the gate failing on one of three hosts under enforce, then broken on that host alone', () => {
    const hosts = ['mx1.example.com', 'mx2.example.com', 'mx3.example.com'];
    const report = buildReport(
      facts({
        policy: policyServed('version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 604800\n'),
        mx: mxAnswer([10, hosts[0]!], [20, hosts[1]!], [30, hosts[2]!]),
        gates: new Map(
          hosts.map((host) => [
            host,
            {
              smtp: smtpTls(certInfo([host === 'mx3.example.com' ? 'mail.example.org' : host])),
              tlsa: NO_TLSA,
            },
          ]),
        ),
      }),
    );
    expect(summary(report)).toEqual({ verdict: 'broken', findings: ['mx-cert-name-mismatch error'] });
    expect(report.findings[0]?.detail).toBe(
      'The certificate `mx3.example.com` presents on STARTTLS names `mail.example.org`; `mx3.example.com` is not among them. Senders applying the `mode: enforce` policy will not deliver to it.',
    );
    expect(report.findings[0]?.fix).toContain('`mx3.example.com`');
  });

  it('given the same gate failure under testing, then a warning: the verdict stays testing', () => {
    const report = buildReport(
      facts({
        policy: policyServed('version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 604800\n'),
        gates: new Map([['mx1.example.com', { smtp: smtpTls(certInfo(['mail.example.org'])), tlsa: NO_TLSA }]]),
      }),
    );
    expect(summary(report)).toEqual({ verdict: 'testing', findings: ['mx-cert-name-mismatch warning'] });
  });

  it('given DANE unusable and a PKIX chain failing under enforce, then broken on the PKIX failure', () => {
    const untrusted = certInfo(['mx1.example.com'], { trusted: false, trustError: 'SELF_SIGNED_CERT_IN_CHAIN' });
    const report = buildReport(
      facts({ gates: new Map([['mx1.example.com', { smtp: smtpTls(untrusted), tlsa: tlsa(true, [0, 0, 1, 'x']) }]]) }),
    );
    expect(summary(report)).toEqual({ verdict: 'broken', findings: ['mx-cert-untrusted error'] });
    expect(report.mx[0]?.dane).toEqual({ status: 'unusable', tlsa: ['0 0 1 78'] });
  });

  it('given a DANE mismatch with no MTA-STS at all, then broken: DANE senders will not deliver', () => {
    const report = buildReport(
      facts({
        txt: { ok: true, value: [] },
        policy: unreachable('no-such-host', 'mta-sts.example.com has no A or AAAA records'),
        gates: new Map([
          ['mx1.example.com', { smtp: smtpTls(certInfo(['mx1.example.com'])), tlsa: tlsa(true, [3, 0, 0, 'other']) }],
        ]),
      }),
    );
    expect(summary(report)).toEqual({ verdict: 'broken', findings: ['dane-mismatch error'] });
  });

  it('given TLS-RPT invalid while the enforce policy is fine, then still enforced, with two warnings', () => {
    const report = buildReport(facts({ tlsrpt: { ok: true, value: ['v=TLSRPTv1; rua=ftp://example.com/r'] } }));
    expect(summary(report)).toEqual({
      verdict: 'enforced',
      findings: ['tlsrpt-invalid warning', 'enforce-without-tlsrpt warning'],
    });
    expect(report.findings[1]?.detail).toBe(
      'The policy is in `mode: enforce` but `_smtp._tls.example.com` has no valid TLS-RPT record, so nobody hears about rejected mail.',
    );
    expect(report.suggestions.tlsrpt).toBe('v=TLSRPTv1; rua=mailto:tls-reports@example.com');
  });

  it('given no TLS-RPT record under testing, then tlsrpt-missing; under a failed lookup, only tlsrpt-invalid', () => {
    const testing = policyServed('version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 604800\n');
    const missing = buildReport(facts({ policy: testing, tlsrpt: { ok: true, value: [] } }));
    expect(summary(missing)).toEqual({ verdict: 'testing', findings: ['tlsrpt-missing warning'] });
    expect(missing.findings[0]?.detail).toBe('`_smtp._tls.example.com` has no `v=TLSRPTv1` record.');
    const failed = buildReport(facts({ policy: testing, tlsrpt: SERVFAIL }));
    expect(summary(failed)).toEqual({ verdict: 'testing', findings: ['tlsrpt-invalid warning'] });
  });

  it('given a new body under the same id, then stale-policy-id naming both hashes', () => {
    const report = buildReport(
      facts({ history: { otherBodiesUnderId: [{ sha256: 'cd'.repeat(32), firstSeen: '2026-11-02' }], clean: true } }),
    );
    expect(summary(report)).toEqual({ verdict: 'broken', findings: ['stale-policy-id error'] });
    expect(report.findings[0]?.detail).toBe(
      '`id=20261101T000000` has served 2 different bodies: `cdcdcdcdcdcd` (first seen 2026-11-02) and now `abababababab`. Senders that cached the old body keep it until `max_age` runs out.',
    );
  });

  it('given NXDOMAIN for the domain and nothing published, then domain-not-found alone', () => {
    const report = buildReport(
      facts({
        domain: 'exmaple.com',
        txt: { ok: true, value: [] },
        policy: unreachable('no-such-host', 'DNS lookup of mta-sts.exmaple.com failed: nxdomain (ENOTFOUND)'),
        tlsrpt: { ok: true, value: [] },
        mx: { ok: false, cause: 'nxdomain', detail: 'ENOTFOUND' },
      }),
    );
    expect(report.findings).toEqual([
      {
        code: 'domain-not-found',
        severity: 'error',
        title: 'Domain does not exist',
        detail: '`exmaple.com` does not exist in DNS (NXDOMAIN).',
        fix: "DNS answers that `exmaple.com` does not exist (NXDOMAIN), so there is nothing to configure: check the spelling (a typo is the likely cause), or wait until a new domain's registration is visible in DNS.",
      },
    ]);
    expect(report.verdict).toBe('broken');
    expect(report.mx).toEqual([]);
  });

  it('given an uncovered MX host, no TLS-RPT and a short max_age under testing, then errors before warnings before infos', () => {
    const report = buildReport(
      facts({
        policy: policyServed('version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 172800\n'),
        tlsrpt: { ok: true, value: [] },
        mx: mxAnswer([10, 'mx1.example.com'], [20, 'mx2.example.net']),
      }),
    );
    expect(summary(report)).toEqual({
      verdict: 'broken',
      findings: ['mx-mismatch error', 'tlsrpt-missing warning', 'max-age-short info'],
    });
  });

  it('given another scan clock, then the suggested TXT id is that time', () => {
    expect(buildReport(facts({ now: new Date('2027-03-04T05:06:07.000Z') })).suggestions.txt).toBe(
      'v=STSv1; id=20270304050607;',
    );
  });
});
