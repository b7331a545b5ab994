import { describe, expect, it } from 'vitest';
import type { DomainSpec, FixtureInternet } from '../fixture/fixture-internet.js';
import { codes, healthy, useFixtureScanner } from './scan-harness.js';

const fixture = useFixtureScanner('unreach');

const hostWith = (change: (d: string, net: FixtureInternet) => Partial<DomainSpec>) => (d: string) => ({
  ...healthy()(d),
  ...change(d, fixture.net()),
});

async function unreachable(change: (d: string, net: FixtureInternet) => Partial<DomainSpec>, timeoutMs?: number) {
  const report = await fixture.scanOf(hostWith(change), timeoutMs ? { timeoutMs } : {});
  expect(report.verdict).toBe('broken');
  expect(codes(report)).toContain('policy-unreachable');
  return report.findings.find((f) => f.code === 'policy-unreachable')!;
}

describe('policy-unreachable carries its cause as a field (RFC 8461 §3.3)', () => {
  it('dns: the policy host does not resolve', async () => {
    expect(await unreachable(() => ({ policy: null }))).toMatchObject({
      cause: 'dns',
      detail: expect.stringMatching(/^DNS lookup of mta-sts\.\S+ failed: nxdomain /),
    });
  });

  it('connect: nothing listens on the policy host', async () => {
    expect(await unreachable((_, net) => ({ policyAddress: net.https.refusedAddress }))).toMatchObject({
      cause: 'connect',
      detail: expect.stringMatching(/^Could not connect to mta-sts\.\S+ on port \d+: /),
    });
  });

  it('tls: the host does not speak TLS', async () => {
    expect(await unreachable((_, net) => ({ policyAddress: net.https.plainHttpAddress }))).toMatchObject({
      cause: 'tls',
      detail: expect.stringMatching(/^TLS handshake with \S+ failed: /),
    });
  });

  it('timeout: the host accepts TCP and never answers, and the finding says senders may wait longer', async () => {
    const finding = await unreachable((_, net) => ({ policyAddress: net.https.tarpitAddress }), 400);
    expect(finding.cause).toBe('timeout');
    expect(finding.detail).toMatch(
      /^No answer within 400 ms while \S.*\. Senders may wait longer: RFC 8461 §3\.3 suggests up to a minute, though many give up sooner\.$/,
    );
  });

  it('timeout: the host takes the request and never responds', async () => {
    expect(await unreachable(() => ({ policyHost: { behaviour: 'never-respond' } }), 400)).toMatchObject({
      cause: 'timeout',
    });
  });

  it('http-status: anything but 200', async () => {
    expect(await unreachable(() => ({ policyHost: { status: 500 } }))).toMatchObject({
      cause: 'http-status',
      detail: 'HTTP 500 instead of 200.',
    });
  });

  it('redirect: redirects are never followed', async () => {
    const finding = await unreachable((d) => ({
      policyHost: { status: 301, headers: { location: `https://www.${d}/mta-sts.txt` } },
    }));
    expect(finding.cause).toBe('redirect');
    expect(finding.detail).toMatch(
      /^HTTP 301 redirect \(Location: https:\/\/www\.\S+\/mta-sts\.txt\); redirects must not be followed\.$/,
    );
  });

  it('content-type: the media type must be text/plain', async () => {
    expect(await unreachable(() => ({ policyHost: { contentType: 'text/html' } }))).toMatchObject({
      cause: 'content-type',
      detail: 'Content-Type "text/html" is not text/plain.',
    });
  });

  it('too-large: a body over 64 KiB', async () => {
    const finding = await unreachable((d) => ({
      policy: `version: STSv1\nmode: enforce\nmx: mx1.${d}\nmax_age: 604800\n${'x'.repeat(70_000)}`,
    }));
    expect(finding.cause).toBe('too-large');
  });

  it('keeps the certificate facts when the failure came after the handshake', async () => {
    const report = await fixture.scanOf(hostWith(() => ({ policyHost: { status: 404 } })));
    expect(report.cert).toMatchObject({ trusted: true, sanMatch: true });
    expect(report.policy).toBeNull();
  });
});

describe('blocked-address: the scanner never connects to a private address unless allowed', () => {
  it('reports the loopback policy host and opens no connection to it', async () => {
    const before = fixture.net().https.connections;
    const smtpBefore = fixture.net().smtp.connections;
    const report = await fixture.scanOf(healthy(), { allowPrivate: false });
    // The MX host is on loopback too: the SMTP probe refuses it the same way.
    expect(codes(report)).toEqual(['blocked-address', 'smtp-unreachable']);
    expect(report.findings[0]?.detail).toContain('127.0.0.1');
    expect(report.findings[1]?.detail).toContain('127.0.0.1 (loopback)');
    expect(fixture.net().https.connections).toBe(before);
    expect(fixture.net().smtp.connections).toBe(smtpBefore);
  });

  it('reports an RFC 1918 address', async () => {
    const report = await fixture.scanOf(
      (d) => ({ ...healthy()(d), policyAddress: '10.1.2.3', mxAddresses: { [`mx1.${d}`]: '10.1.2.4' } }),
      { allowPrivate: false },
    );
    expect(codes(report)).toEqual(['blocked-address', 'smtp-unreachable']);
    expect(report.findings[1]?.detail).toContain('10.1.2.4 (private)');
  });
});
