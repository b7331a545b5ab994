import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { scan } from '../../src/scan/scan.js';
import { type DomainSpec, publishDomain } from '../fixture/fixture-internet.js';
import type { MxHost } from '../fixture/mx-server.js';
import { CRLF_POLICY, codes, healthy, useFixtureScanner } from './scan-harness.js';

const fixture = useFixtureScanner('gate');

/** A healthy deployment of the given mode whose one MX host, mx1.<d>, behaves as staged. */
function withMx(host: MxHost, mode: 'enforce' | 'testing' | 'none' = 'enforce') {
  return (d: string): DomainSpec => ({ ...healthy(mode)(d), mxHosts: { [`mx1.${d}`]: host } });
}

function finding(report: Report, code: string) {
  const found = report.findings.find((f) => f.code === code);
  if (!found) throw new Error(`no ${code} in ${codes(report).join(', ')}`);
  return found;
}

describe('the sender gate: certificates presented on STARTTLS (RFC 8461 §4.2)', () => {
  it('a trusted certificate sent with its intermediate passes, and the row records TLS and the certificate', async () => {
    const report = await fixture.scanOf(withMx({ viaIntermediate: true }));
    expect(report.verdict).toBe('enforced');
    expect(codes(report)).toEqual([]);
    expect(report.mx[0]?.smtp).toMatchObject({
      reached: true,
      starttls: true,
      tlsVersion: 'TLSv1.3',
      cert: { issuer: 'CN=mtasts fixture intermediate CA', trusted: true, nameMatch: true, daysLeft: 89 },
    });
  });

  it('mx-cert-untrusted when the leaf is sent without its intermediate (a sender fetches nothing)', async () => {
    const report = await fixture.scanOf(withMx({ viaIntermediate: true, leafOnly: true }));
    expect(codes(report)).toEqual(['mx-cert-untrusted']);
    expect(report.verdict).toBe('broken');
    expect(report.mx[0]?.smtp?.cert).toMatchObject({ trusted: false, nameMatch: true });
  });

  it('mx-cert-untrusted is an error under enforce', async () => {
    const report = await fixture.scanOf(withMx({ cert: 'self-signed' }));
    const f = finding(report, 'mx-cert-untrusted');
    expect(f.severity).toBe('error');
    expect(f.detail).toContain(`mx1.${report.domain}`);
    expect(report.verdict).toBe('broken');
  });

  it('mx-cert-untrusted is a warning under testing: senders report but still deliver', async () => {
    const report = await fixture.scanOf(withMx({ cert: 'self-signed' }, 'testing'));
    expect(report.findings).toMatchObject([{ code: 'mx-cert-untrusted', severity: 'warning' }]);
    expect(report.verdict).toBe('testing');
  });

  it('mx-cert-expired, an error under enforce', async () => {
    const report = await fixture.scanOf(withMx({ cert: 'expired' }));
    expect(report.findings).toMatchObject([{ code: 'mx-cert-expired', severity: 'error' }]);
    // notAfter was one day before the certificate was issued, a moment before the scan: floor(-1.00…) days.
    expect(report.mx[0]?.smtp?.cert?.daysLeft).toBe(-2);
  });

  it('mx-cert-expiring-soon five days ahead, a warning that leaves the domain enforced', async () => {
    const report = await fixture.scanOf(withMx({ cert: 'expiring-soon' }));
    expect(report.findings).toMatchObject([{ code: 'mx-cert-expiring-soon', severity: 'warning' }]);
    expect(report.verdict).toBe('enforced');
    expect(report.mx[0]?.smtp?.cert?.daysLeft).toBe(4);
  });

  it('mx-cert-name-mismatch for a trusted certificate that names the parent domain instead', async () => {
    const report = await fixture.scanOf(withMx({ cert: 'wrong-name' }));
    const f = finding(report, 'mx-cert-name-mismatch');
    expect(f.detail).toBe(
      `The certificate \`mx1.${report.domain}\` presents on STARTTLS names \`${report.domain}\`, \`www.${report.domain}\`; \`mx1.${report.domain}\` is not among them. Senders applying the \`mode: enforce\` policy will not deliver to it.`,
    );
    expect(codes(report)).toEqual(['mx-cert-name-mismatch']);
  });

  it('a wildcard certificate covers exactly one label: *.<d> matches mx1.<d>', async () => {
    const report = await fixture.scanOf((d) => ({ ...healthy()(d), mxHosts: { [`mx1.${d}`]: { names: [`*.${d}`] } } }));
    expect(codes(report)).toEqual([]);
    expect(report.mx[0]?.smtp?.cert).toMatchObject({ san: [`*.${report.domain}`], nameMatch: true });
  });

  it('a wildcard certificate two labels up does not: *.<d> does not match mx1.in.<d>', async () => {
    const report = await fixture.scanOf((d) => ({
      ...healthy()(d),
      policy: CRLF_POLICY('enforce', [`mx1.in.${d}`]),
      mx: [[10, `mx1.in.${d}`]],
      mxHosts: { [`mx1.in.${d}`]: { names: [`*.${d}`] } },
    }));
    expect(codes(report)).toEqual(['mx-cert-name-mismatch']);
  });
});

describe('the sender gate: STARTTLS', () => {
  it('starttls-missing is an error while an enforce or testing policy is live', async () => {
    const report = await fixture.scanOf(withMx({ behaviour: 'no-starttls' }, 'testing'));
    expect(report.findings).toMatchObject([{ code: 'starttls-missing', severity: 'error' }]);
    expect(report.verdict).toBe('broken');
    expect(report.mx[0]?.smtp).toMatchObject({ reached: true, starttls: false, tlsVersion: null, cert: null });
  });

  it('starttls-missing is a warning under mode none and on a domain without MTA-STS', async () => {
    const none = await fixture.scanOf(withMx({ behaviour: 'no-starttls' }, 'none'));
    expect(none.findings).toMatchObject([{ code: 'starttls-missing', severity: 'warning' }]);
    expect(none.verdict).toBe('none');
    const bare = await fixture.scanOf((d) => ({
      mx: [[10, `mx.${d}`]],
      mxHosts: { [`mx.${d}`]: { behaviour: 'no-starttls' } },
    }));
    expect(bare.findings).toMatchObject([{ code: 'starttls-missing', severity: 'warning' }]);
    expect(bare.verdict).toBe('not-configured');
  });
});

describe('the sender gate: hosts that cannot be reached end as smtp-unreachable, a warning, inside the deadline', () => {
  it.each<[string, MxHost, RegExp]>([
    [
      'greets then stalls',
      { behaviour: 'stall-after-greeting' },
      /^timeout: no answer within 1500 ms while waiting for the EHLO reply of 127\.0\.3\.\d+$/,
    ],
    [
      'a late multi-line greeting, STARTTLS accepted, then a TLS handshake that stalls',
      { behaviour: 'stall-tls' },
      /^timeout: .* while doing the TLS handshake with 127\.0\.3\.\d+$/,
    ],
    [
      'nothing listens on the port',
      { behaviour: 'closed-port' },
      /^connect: could not connect on port \d+: 127\.0\.2\.254 \(ECONNREFUSED\)$/,
    ],
    ['a 421 greeting', { behaviour: 'busy' }, /^refused: 127\.0\.3\.\d+ greeted with 421 .*Too busy, try later/],
    ['the connection is closed at once', { behaviour: 'close' }, /^protocol: .*closed the connection/],
  ])('%s', async (_, host, error) => {
    const report = await fixture.scanOf(withMx(host));
    expect(report.findings).toMatchObject([{ code: 'smtp-unreachable', severity: 'warning' }]);
    expect(report.findings[0]?.detail).toContain('Outbound port 25 may be filtered where the scan ran');
    expect(report.verdict).toBe('enforced');
    expect(report.mx[0]?.smtp).toMatchObject({ reached: false, starttls: null, cert: null });
    expect(report.mx[0]?.smtp?.error).toMatch(error);
  });

  it('an MX host on a private address is refused without allowPrivate, and never contacted', async () => {
    const domain = fixture.newDomain();
    const staged = await publishDomain(fixture.net(), domain, withMx({})(domain));
    const report = await scan(domain, { ...fixture.net().scanOptions, allowPrivate: false });
    const f = finding(report, 'smtp-unreachable');
    expect(f.detail).toMatch(
      new RegExp(`^\`mx1\\.${domain.replace('.', '\\.')}\`: .* will not connect to: 127\\.0\\.3\\.\\d+ \\(loopback\\)`),
    );
    expect(report.mx[0]?.smtp?.error).toMatch(/^blocked-address: /);
    expect(staged[`mx1.${domain}`]?.connections).toBe(0);
  });

  it('smtp: false probes nothing: no connection, and every row says so with smtp null', async () => {
    const domain = fixture.newDomain();
    const staged = await publishDomain(fixture.net(), domain, withMx({})(domain));
    const report = await scan(domain, { ...fixture.net().scanOptions, smtp: false });
    expect(report.mx).toEqual([
      {
        host: `mx1.${domain}`,
        priority: 10,
        matchedBy: `mx1.${domain}`,
        smtp: null,
        dane: { status: 'none', tlsa: [] },
      },
    ]);
    expect(staged[`mx1.${domain}`]?.connections).toBe(0);
    // The same host is contacted once the probe is on: the counter above is live.
    await scan(domain, fixture.net().scanOptions);
    expect(staged[`mx1.${domain}`]?.connections).toBe(1);
  });
});

describe('findings about one MX host name that host and no other', () => {
  it('three MX hosts, one with an expired certificate: only that one is named', async () => {
    const report = await fixture.scanOf((d) => ({
      ...healthy()(d),
      policy: CRLF_POLICY('enforce', [`*.${d}`]),
      mx: [
        [10, `alpha.${d}`],
        [20, `bravo.${d}`],
        [30, `charlie.${d}`],
      ],
      mxHosts: { [`bravo.${d}`]: { cert: 'expired' } },
    }));
    expect(codes(report)).toEqual(['mx-cert-expired']);
    const [f] = report.findings;
    for (const text of [f!.detail, f!.fix]) {
      expect(text).toContain(`bravo.${report.domain}`);
      expect(text).not.toContain('alpha.');
      expect(text).not.toContain('charlie.');
    }
    expect(report.mx.map((row) => row.smtp?.cert?.daysLeft)).toEqual([89, -2, 89]);
  });
});
