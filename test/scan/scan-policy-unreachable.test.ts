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
  return report.findings.find((f) => f.code === 'policy-unreachable')!.detail;
}

describe('policy-unreachable names its cause (RFC 8461 §3.3)', () => {
  it('dns: the policy host does not resolve', async () => {
    expect(await unreachable(() => ({ policy: null }))).toMatch(/^dns: /);
  });

  it('connect: nothing listens on the policy host', async () => {
    expect(await unreachable((_, net) => ({ policyAddress: net.https.refusedAddress }))).toMatch(/^connect: /);
  });

  it('tls: the host does not speak TLS', async () => {
    expect(await unreachable((_, net) => ({ policyAddress: net.https.plainHttpAddress }))).toMatch(/^tls: /);
  });

  it('timeout: the host accepts TCP and never answers, and the finding says senders may wait longer', async () => {
    const detail = await unreachable((_, net) => ({ policyAddress: net.https.tarpitAddress }), 400);
    expect(detail).toMatch(/^timeout: /);
    expect(detail).toContain('up to a minute');
  });

  it('timeout: the host takes the request and never responds', async () => {
    expect(await unreachable(() => ({ policyHost: { behaviour: 'never-respond' } }), 400)).toMatch(/^timeout: /);
  });

  it('http-status: anything but 200', async () => {
    expect(await unreachable(() => ({ policyHost: { status: 500 } }))).toMatch(/^http-status: .*500/);
  });

  it('redirect: redirects are never followed', async () => {
    const detail = await unreachable((d) => ({
      policyHost: { status: 301, headers: { location: `https://www.${d}/mta-sts.txt` } },
    }));
    expect(detail).toMatch(/^redirect: .*301/);
  });

  it('content-type: the media type must be text/plain', async () => {
    expect(await unreachable(() => ({ policyHost: { contentType: 'text/html' } }))).toMatch(
      /^content-type: .*text\/html/,
    );
  });

  it('too-large: a body over 64 KiB', async () => {
    const detail = await unreachable((d) => ({
      policy: `version: STSv1\nmode: enforce\nmx: mx1.${d}\nmax_age: 604800\n${'x'.repeat(70_000)}`,
    }));
    expect(detail).toMatch(/^too-large: /);
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
