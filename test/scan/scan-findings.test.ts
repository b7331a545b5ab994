import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/scan.js';
import type { DomainSpec } from '../fixture/fixture-internet.js';
import { publishDomain } from '../fixture/fixture-internet.js';
import { CRLF_POLICY, codes, healthy, useFixtureScanner } from './scan-harness.js';

const fixture = useFixtureScanner('finding');

/** A healthy deployment with one part changed. */
const withChange =
  (change: (d: string) => Partial<DomainSpec>, mode: 'enforce' | 'testing' = 'enforce') =>
  (d: string) => ({
    ...healthy(mode)(d),
    ...change(d),
  });

describe('findings on the MTA-STS TXT record (RFC 8461 §3.1)', () => {
  it('txt-missing: a policy is served but no TXT record announces it', async () => {
    const report = await fixture.scanOf(withChange(() => ({ txt: null })));
    expect(report.verdict).toBe('broken');
    expect(codes(report)).toEqual(['txt-missing']);
    expect(report.policy?.mode).toBe('enforce');
  });

  it('txt-invalid: an id with a character outside 1-32 alphanumerics', async () => {
    const report = await fixture.scanOf(withChange(() => ({ txt: 'v=STSv1; id=2026-11-30;' })));
    expect(codes(report)).toEqual(['txt-invalid']);
    expect(report.txt).toEqual({ record: 'v=STSv1; id=2026-11-30;', id: null });
    expect(report.findings[0]?.detail).toContain('v=STSv1; id=2026-11-30;');
  });

  it('txt-invalid: a record plainly meant as STSv1 that senders discard (leading space), not a silent not-configured', async () => {
    const report = await fixture.scanOf(withChange(() => ({ txt: ' v=STSv1; id=20261130T000000;' })));
    expect(report.verdict).toBe('broken');
    expect(codes(report)).toEqual(['txt-invalid']);
    expect(report.findings[0]?.detail).toBe(
      '` v=STSv1; id=20261130T000000;` does not begin with exactly `v=STSv1;`, so senders discard it.',
    );
  });

  it('txt-multiple: two v=STSv1 records make senders ignore both', async () => {
    const report = await fixture.scanOf(withChange(() => ({ txt: ['v=STSv1; id=one;', 'v=STSv1; id=two;'] })));
    expect(codes(report)).toEqual(['txt-multiple']);
    expect(report.verdict).toBe('broken');
  });
  it('txt-invalid: the TXT lookup fails (SERVFAIL) while a policy is served', async () => {
    const domain = fixture.newDomain();
    await publishDomain(fixture.net(), domain, healthy()(domain));
    fixture.net().dns.fail(`_mta-sts.${domain}`, 'servfail');
    const report = await scan(domain, fixture.net().scanOptions);
    expect(codes(report)).toEqual(['txt-invalid']);
    expect(report.findings[0]?.detail).toContain('lookup failed');
    expect(report.findings[0]?.fix).toContain(`answer TXT queries for \`_mta-sts.${domain}\``);
  });

  it('a failing TXT lookup while the policy host cannot be resolved either is broken, never a false not-configured', async () => {
    const domain = fixture.newDomain();
    await publishDomain(fixture.net(), domain, { mx: [[10, `mx.${domain}`]] });
    fixture.net().dns.fail(`_mta-sts.${domain}`, 'servfail');
    fixture.net().dns.fail(`mta-sts.${domain}`, 'servfail');
    const report = await scan(domain, fixture.net().scanOptions);
    expect(report.verdict).toBe('broken');
    expect(codes(report)).toEqual(['txt-invalid', 'policy-unreachable', 'tlsrpt-missing']);
    expect(report.findings[1]).toMatchObject({ cause: 'dns', detail: expect.stringMatching(/servfail/) });
  });

  it('a failing TXT lookup on a domain that serves no policy is not-configured, not an alarm', async () => {
    const domain = fixture.newDomain();
    await publishDomain(fixture.net(), domain, { mx: [[10, `mx.${domain}`]] });
    fixture.net().dns.fail(`_mta-sts.${domain}`, 'servfail');
    const report = await scan(domain, fixture.net().scanOptions);
    expect(report.verdict).toBe('not-configured');
    expect(report.findings).toEqual([]);
  });
});

describe('findings on the policy file (RFC 8461 §3.2)', () => {
  it('policy-invalid: mode values are case-sensitive', async () => {
    const report = await fixture.scanOf(withChange((d) => ({ policy: CRLF_POLICY('Enforce', [`mx1.${d}`]) })));
    expect(codes(report)).toContain('policy-invalid');
    expect(report.policy).toMatchObject({ mode: null, mx: [], maxAge: null });
  });

  it('policy-invalid: a body that is not valid UTF-8 is refused, not silently repaired', async () => {
    const report = await fixture.scanOf(
      withChange((d) => ({
        policy: Buffer.concat([
          Buffer.from(CRLF_POLICY('enforce', [`mx1.${d}`])),
          Buffer.from([0x66, 0x6f, 0x6f, 0x3a, 0x20, 0xff, 0x0d, 0x0a]),
        ]),
      })),
    );
    expect(codes(report)).toEqual(['policy-invalid']);
    expect(report.findings[0]?.detail).toBe('the policy is not valid UTF-8');
  });

  it('max-age-too-low: below 86400 is an error (Google ignores such policies)', async () => {
    const report = await fixture.scanOf(withChange((d) => ({ policy: CRLF_POLICY('enforce', [`mx1.${d}`], 3600) })));
    expect(codes(report)).toEqual(['max-age-too-low']);
    expect(report.verdict).toBe('broken');
  });

  it('max-age-short: 86400 is allowed but under the recommended week (info only)', async () => {
    const report = await fixture.scanOf(withChange((d) => ({ policy: CRLF_POLICY('enforce', [`mx1.${d}`], 86400) })));
    expect(codes(report)).toEqual(['max-age-short']);
    expect(report.findings[0]?.severity).toBe('info');
    expect(report.verdict).toBe('enforced');
  });
});

describe('findings on the policy host certificate (taken from the fetch handshake)', () => {
  it('cert-san-mismatch: the certificate does not name mta-sts.<domain>; the policy is still shown', async () => {
    const report = await fixture.scanOf(withChange(() => ({ policyHost: { cert: 'wrong-name' } })));
    expect(codes(report)).toEqual(['cert-san-mismatch']);
    expect(report.cert?.sanMatch).toBe(false);
    expect(report.policy?.mode).toBe('enforce');
    expect(report.findings[0]?.detail).toContain('Senders will not use the policy');
  });

  it('cert-expired: an expired certificate', async () => {
    const report = await fixture.scanOf(withChange(() => ({ policyHost: { cert: 'expired' } })));
    expect(codes(report)).toEqual(['cert-expired']);
    expect(report.cert?.trusted).toBe(true);
  });

  it('cert-expired: a certificate not valid yet', async () => {
    const report = await fixture.scanOf(withChange(() => ({ policyHost: { cert: 'not-yet-valid' } })));
    expect(codes(report)).toEqual(['cert-expired']);
  });

  it('cert-untrusted: a self-signed certificate', async () => {
    const report = await fixture.scanOf(withChange(() => ({ policyHost: { cert: 'self-signed' } })));
    expect(codes(report)).toEqual(['cert-untrusted']);
    expect(report.cert?.trusted).toBe(false);
  });

  it('cert-expiring-soon: fewer than 14 days left is a warning, not a failure', async () => {
    const report = await fixture.scanOf(withChange(() => ({ policyHost: { cert: 'expiring-soon' } })));
    expect(codes(report)).toEqual(['cert-expiring-soon']);
    expect(report.verdict).toBe('enforced');
  });

  it('accepts a wildcard certificate *.<domain> for mta-sts.<domain> (RFC 6125)', async () => {
    const report = await fixture.scanOf(withChange(() => ({ policyHost: { cert: 'wildcard' } })));
    expect(report.verdict).toBe('enforced');
    expect(report.cert?.sanMatch).toBe(true);
  });
});

describe('findings on MX coverage (RFC 8461 §4.1)', () => {
  it('mx-mismatch: an MX host no pattern covers, with the exact host as the fix', async () => {
    const report = await fixture.scanOf(
      withChange((d) => ({
        mx: [
          [10, `mx1.${d}`],
          [20, `backup.${d}`],
        ],
      })),
    );
    expect(codes(report)).toEqual(['mx-mismatch']);
    expect(report.mx.map((r) => r.matchedBy)).toEqual([`mx1.${report.domain}`, null]);
    expect(report.findings[0]?.fix).toContain(`mx: backup.${report.domain}`);
  });

  it('mx-wildcard-missing: a wildcard one label too high (*.d covers one label, not two)', async () => {
    const report = await fixture.scanOf(
      withChange((d) => ({ policy: CRLF_POLICY('enforce', [`*.${d}`]), mx: [[10, `a.mx.${d}`]] })),
    );
    expect(codes(report)).toEqual(['mx-wildcard-missing']);
    expect(report.findings[0]?.fix).toContain(`mx: *.mx.${report.domain}`);
  });

  it('no-mx: a live policy and no MX records', async () => {
    const report = await fixture.scanOf(withChange(() => ({ mx: [] })));
    expect(codes(report)).toEqual(['no-mx']);
    expect(report.findings[0]?.severity).toBe('warning');
  });

  it('no-mx: a null MX (RFC 7505) counts as no MX', async () => {
    const report = await fixture.scanOf(withChange(() => ({ mx: [[0, '.']] })));
    expect(codes(report)).toEqual(['no-mx']);
    expect(report.mx).toEqual([]);
    expect(report.findings[0]?.detail).toContain('null MX');
  });

  it('does not check MX coverage for a mode none policy', async () => {
    const report = await fixture.scanOf((d) => ({ ...healthy('none')(d), mx: [[10, `anything.${d}`]] }));
    expect(report.verdict).toBe('none');
  });
});

describe('findings on TLS-RPT (RFC 8460 §3)', () => {
  it('tlsrpt-missing: a testing policy without a TLS-RPT record', async () => {
    const report = await fixture.scanOf(withChange(() => ({ tlsrpt: null }), 'testing'));
    expect(codes(report)).toEqual(['tlsrpt-missing']);
    expect(report.verdict).toBe('testing');
  });

  it('enforce-without-tlsrpt: an enforce policy without a TLS-RPT record', async () => {
    const report = await fixture.scanOf(withChange(() => ({ tlsrpt: null })));
    expect(codes(report)).toEqual(['enforce-without-tlsrpt']);
    expect(report.verdict).toBe('enforced');
  });

  it('tlsrpt-invalid: the TLS-RPT lookup fails, with a DNS fix rather than a record to publish', async () => {
    const domain = fixture.newDomain();
    await publishDomain(fixture.net(), domain, healthy('testing')(domain));
    fixture.net().dns.fail(`_smtp._tls.${domain}`, 'servfail');
    const report = await scan(domain, fixture.net().scanOptions);
    expect(codes(report)).toEqual(['tlsrpt-invalid']);
    expect(report.findings[0]?.fix).toContain(`answer TXT queries for \`_smtp._tls.${domain}\``);
  });

  it('tlsrpt-invalid: a record missing the ";" after the version, which senders discard', async () => {
    const report = await fixture.scanOf(withChange((d) => ({ tlsrpt: `v=TLSRPTv1 rua=mailto:tls@${d}` }), 'testing'));
    expect(codes(report)).toEqual(['tlsrpt-invalid']);
  });

  it('tlsrpt-invalid: a record without rua', async () => {
    const report = await fixture.scanOf(withChange(() => ({ tlsrpt: 'v=TLSRPTv1;' }), 'testing'));
    expect(codes(report)).toEqual(['tlsrpt-invalid']);
    expect(report.tlsrpt).toEqual({ record: 'v=TLSRPTv1;', rua: [] });
  });
});
