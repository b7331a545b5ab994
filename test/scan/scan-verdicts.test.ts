import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/report/report.js';
import { scan } from '../../src/scan/scan.js';
import { CRLF_POLICY, cleanGate, codes, healthy, sha256, useFixtureScanner } from './scan-harness.js';

const fixture = useFixtureScanner('verdict');

describe('scan verdicts', () => {
  it('is enforced for a valid TXT, a valid enforce policy on a trusted host, covered MX and TLS-RPT', async () => {
    const report = await fixture.scanOf(healthy('enforce'));
    expect(report.verdict).toBe('enforced');
    expect(report.findings).toEqual([]);
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report.txt).toEqual({ record: 'v=STSv1; id=20261130T000000;', id: '20261130T000000' });
    expect(report.policy).toMatchObject({ mode: 'enforce', maxAge: 604800, mx: [`mx1.${report.domain}`] });
    expect(report.policy?.sha256).toBe(sha256(CRLF_POLICY('enforce', [`mx1.${report.domain}`])));
    expect(report.mx).toEqual([
      {
        host: `mx1.${report.domain}`,
        priority: 10,
        matchedBy: `mx1.${report.domain}`,
        smtp: cleanGate(`mx1.${report.domain}`),
        dane: { status: 'none', tlsa: [] },
      },
    ]);
    expect(report.cert).toMatchObject({ trusted: true, sanMatch: true, san: [`mta-sts.${report.domain}`] });
    expect(report.tlsrpt).toEqual({
      record: `v=TLSRPTv1; rua=mailto:tls-reports@${report.domain}`,
      rua: [`mailto:tls-reports@${report.domain}`],
    });
  });

  it('is testing for a clean testing-mode deployment', async () => {
    const report = await fixture.scanOf(healthy('testing'));
    expect(report.verdict).toBe('testing');
    expect(codes(report)).toEqual([]);
  });

  it('is none for a deliberate opt-out policy (mode none needs no mx lines)', async () => {
    const report = await fixture.scanOf(healthy('none'));
    expect(report.verdict).toBe('none');
    expect(codes(report)).toEqual([]);
    expect(report.policy?.mode).toBe('none');
  });

  it('is not-configured, with no findings, when there is neither a TXT record nor a policy host', async () => {
    const report = await fixture.scanOf((d) => ({ mx: [[10, `mx.${d}`]] }));
    expect(report.verdict).toBe('not-configured');
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ txt: null, policy: null, cert: null, tlsrpt: null });
    expect(report.mx).toEqual([
      {
        host: `mx.${report.domain}`,
        priority: 10,
        matchedBy: null,
        smtp: cleanGate(`mx.${report.domain}`),
        dane: { status: 'none', tlsa: [] },
      },
    ]);
  });

  it('says a domain whose own name does not exist (NXDOMAIN) is not found, instead of offering records to publish', async () => {
    const report = await fixture.scanOf(() => ({}));
    expect(report.verdict).toBe('broken');
    expect(report.findings).toEqual([
      {
        code: 'domain-not-found',
        severity: 'error',
        title: 'Domain does not exist',
        detail: `\`${report.domain}\` does not exist in DNS (NXDOMAIN).`,
        fix: `DNS answers that \`${report.domain}\` does not exist (NXDOMAIN), so there is nothing to configure: check the spelling (a typo is the likely cause), or wait until a new domain's registration is visible in DNS.`,
      },
    ]);
    expect(report).toMatchObject({ txt: null, policy: null, cert: null, tlsrpt: null, mx: [] });
  });

  it('is not-configured, not "not found", for a name that exists with no MX and nothing of MTA-STS', async () => {
    const domain = fixture.newDomain();
    fixture.net().dns.set(domain, 'TXT', ['v=spf1 -all']);
    const report = await scan(domain, fixture.net().scanOptions);
    expect(report.verdict).toBe('not-configured');
    expect(report.findings).toEqual([]);
  });

  it('is not-configured when there is no TXT record and the policy host answers 404', async () => {
    const report = await fixture.scanOf((d) => ({
      policy: 'not found',
      policyHost: { status: 404 },
      mx: [[10, `mx.${d}`]],
    }));
    expect(report.verdict).toBe('not-configured');
    expect(report.findings).toEqual([]);
  });

  it('is not-configured when no TXT is published and the host serves something that is not a policy', async () => {
    const report = await fixture.scanOf(() => ({ policy: '<html>welcome</html>' }));
    expect(report.verdict).toBe('not-configured');
  });

  it('still reports an invalid TLS-RPT record on a domain without MTA-STS, without calling it broken', async () => {
    const report = await fixture.scanOf(() => ({ tlsrpt: 'v=TLSRPTv1;' }));
    expect(report.verdict).toBe('not-configured');
    expect(codes(report)).toEqual(['tlsrpt-invalid']);
  });

  it('is broken as soon as any error finding exists, whatever the mode', async () => {
    const report = await fixture.scanOf((d) => ({ ...healthy('testing')(d), mx: [[10, `other.${d}`]] }));
    expect(report.verdict).toBe('broken');
    expect(codes(report)).toContain('mx-mismatch');
  });

  it('suggests a fresh timestamp id, a policy from the live MX set and a TLS-RPT line', async () => {
    const report = await fixture.scanOf((d) => ({
      mx: [
        [10, `mx1.${d}`],
        [20, `mx2.${d}`],
      ],
    }));
    expect(report.suggestions.txtName).toBe(`_mta-sts.${report.domain}`);
    expect(report.suggestions.txt).toMatch(/^v=STSv1; id=\d{14};$/);
    expect(report.suggestions.policy).toBe(
      `version: STSv1\nmode: testing\nmx: mx1.${report.domain}\nmx: mx2.${report.domain}\nmax_age: 604800\n`,
    );
    expect(report.suggestions.tlsrptName).toBe(`_smtp._tls.${report.domain}`);
    expect(report.suggestions.tlsrpt).toBe(`v=TLSRPTv1; rua=mailto:tls-reports@${report.domain}`);
  });

  it('suggests a policy in the live mode: enforce stays enforce, none stays none, without any history', async () => {
    const enforce = await fixture.scanOf((d) => ({
      ...healthy('enforce')(d),
      mx: [
        [10, `mx1.${d}`],
        [20, `mx2.${d}`],
      ],
    }));
    expect(enforce.verdict).toBe('broken');
    expect(enforce.suggestions.policy).toBe(
      `version: STSv1\nmode: enforce\nmx: mx1.${enforce.domain}\nmx: mx2.${enforce.domain}\nmax_age: 604800\n`,
    );
    const none = await fixture.scanOf(healthy('none'));
    expect(none.suggestions.policy).toBe(`version: STSv1\nmode: none\nmx: mx1.${none.domain}\nmax_age: 604800\n`);
  });

  it('accepts LF and CRLF policy bodies alike, and ignores unknown keys, while hashing the bytes as served', async () => {
    const lf = await fixture.scanOf((d) => ({
      ...healthy()(d),
      policy: `version: STSv1\nmode: enforce\nmx: mx1.${d}\nfoo: bar\nmax_age: 604800\n`,
    }));
    const crlf = await fixture.scanOf(healthy());
    expect([lf.verdict, crlf.verdict]).toEqual(['enforced', 'enforced']);
    expect(lf.policy?.sha256).toBe(
      sha256(`version: STSv1\nmode: enforce\nmx: mx1.${lf.domain}\nfoo: bar\nmax_age: 604800\n`),
    );
  });

  it('joins a TXT record split into several character-strings, and ignores unrelated TXT records beside it', async () => {
    const report = await fixture.scanOf((d) => ({
      ...healthy()(d),
      txt: [['v=STSv1; ', 'id=split2026;'], 'google-site-verification=abc', 'v=spf1 -all'] as unknown as string[],
    }));
    expect(report.txt).toEqual({ record: 'v=STSv1; id=split2026;', id: 'split2026' });
    expect(report.verdict).toBe('enforced');
  });
});
