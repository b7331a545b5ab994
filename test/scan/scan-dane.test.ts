import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/scan.js';
import { type DomainSpec, publishDomain } from '../fixture/fixture-internet.js';
import type { MxHost } from '../fixture/mx-server.js';
import { codes, healthy, useFixtureScanner } from './scan-harness.js';

/**
 * DNSSEC here is the fixture DNS server acting as a validating resolver (FixtureDns.sign): it sets AD on the
 * answers a case marks as signed, and only when the query asks with DO or AD. That is faithful to what a DANE
 * client sees: RFC 7672 §2.1.1 has it trust the AD bit of its resolver, and never validate signatures itself.
 */
const fixture = useFixtureScanner('dane');

const der = (pem: string) => new X509Certificate(pem).raw;
const spki = (pem: string) => new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
const sha = (algorithm: 'sha256' | 'sha512', bytes: Buffer) => createHash(algorithm).update(bytes).digest();

/** Stages mx1.<d> (with its certificate issued now), then publishes TLSA records computed from that certificate. */
async function scanWithTlsa(
  host: MxHost,
  records: (leafPem: string) => Array<{ usage: number; selector: number; matchingType: number; data: Buffer }>,
  signed = true,
  options: { smtp?: boolean } = {},
) {
  const domain = fixture.newDomain();
  const spec: DomainSpec = { ...healthy()(domain), mxHosts: { [`mx1.${domain}`]: host } };
  const staged = await publishDomain(fixture.net(), domain, spec);
  const leafPem = staged[`mx1.${domain}`]!.cert!.certPem;
  await publishDomain(fixture.net(), domain, {
    ...spec,
    mxHosts: {},
    mxAddresses: { [`mx1.${domain}`]: staged[`mx1.${domain}`]!.address },
    tlsa: { [`mx1.${domain}`]: { records: records(leafPem), signed } },
  });
  return scan(domain, { ...fixture.net().scanOptions, ...options });
}

describe('DANE at the MX hosts (RFC 7672)', () => {
  it('3 1 1 that matches the leaf key, validated: dane-present, and the domain stays enforced', async () => {
    const report = await scanWithTlsa({}, (leaf) => [
      { usage: 3, selector: 1, matchingType: 1, data: sha('sha256', spki(leaf)) },
    ]);
    expect(report.findings).toMatchObject([{ code: 'dane-present', severity: 'info' }]);
    expect(report.verdict).toBe('enforced');
    expect(report.mx[0]?.dane?.status).toBe('match');
    expect(report.mx[0]?.dane?.tlsa[0]).toMatch(/^3 1 1 [0-9a-f]{64}$/);
  });

  it('3 1 1 that matches nothing, validated: dane-mismatch, an error naming the host', async () => {
    const report = await scanWithTlsa({}, () => [
      { usage: 3, selector: 1, matchingType: 1, data: Buffer.alloc(32, 7) },
    ]);
    expect(report.findings).toMatchObject([{ code: 'dane-mismatch', severity: 'error' }]);
    expect(report.findings[0]?.detail).toContain(`_25._tcp.mx1.${report.domain}`);
    expect(report.verdict).toBe('broken');
    expect(report.mx[0]?.dane?.status).toBe('mismatch');
  });

  it('validated records of PKIX usages only (0 and 1), even matching ones: unusable for SMTP, never a mismatch', async () => {
    const report = await scanWithTlsa({}, (leaf) => [
      { usage: 1, selector: 1, matchingType: 1, data: sha('sha256', spki(leaf)) },
      { usage: 0, selector: 0, matchingType: 1, data: Buffer.alloc(32, 7) },
      { usage: 3, selector: 1, matchingType: 9, data: Buffer.alloc(32, 7) },
    ]);
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('enforced');
    expect(report.mx[0]?.dane?.status).toBe('unusable');
  });

  it('matching TLSA records without the AD bit: dane-unsigned, senders ignore them', async () => {
    const report = await scanWithTlsa(
      {},
      (leaf) => [{ usage: 3, selector: 1, matchingType: 1, data: sha('sha256', spki(leaf)) }],
      false,
    );
    expect(report.findings).toMatchObject([{ code: 'dane-unsigned', severity: 'warning' }]);
    expect(report.mx[0]?.dane?.status).toBe('unsigned');
  });

  it('2 0 1 against the intermediate the host sends', async () => {
    const intermediate = der(fixture.net().ca.intermediatePem);
    const report = await scanWithTlsa({ viaIntermediate: true }, () => [
      { usage: 2, selector: 0, matchingType: 1, data: sha('sha256', intermediate) },
    ]);
    expect(codes(report)).toEqual(['dane-present']);
  });

  it('3 0 2: SHA-512 of the whole leaf certificate', async () => {
    const report = await scanWithTlsa({}, (leaf) => [
      { usage: 3, selector: 0, matchingType: 2, data: sha('sha512', der(leaf)) },
    ]);
    expect(codes(report)).toEqual(['dane-present']);
  });

  it('a rollover pair, the old key and the new one: one match is enough', async () => {
    const report = await scanWithTlsa({}, (leaf) => [
      { usage: 3, selector: 1, matchingType: 1, data: Buffer.alloc(32, 1) },
      { usage: 3, selector: 1, matchingType: 1, data: sha('sha256', spki(leaf)) },
    ]);
    expect(codes(report)).toEqual(['dane-present']);
    expect(report.mx[0]?.dane?.tlsa).toHaveLength(2);
  });

  it('under DANE-EE an expired certificate still matches (RFC 7672 §3.1.1); MTA-STS still flags it', async () => {
    const report = await scanWithTlsa({ cert: 'expired' }, (leaf) => [
      { usage: 3, selector: 1, matchingType: 1, data: sha('sha256', spki(leaf)) },
    ]);
    expect(codes(report)).toEqual(['mx-cert-expired', 'dane-present']);
    expect(report.mx[0]?.dane?.status).toBe('match');
  });

  it('with the SMTP probe off, validated records are listed but unchecked', async () => {
    const report = await scanWithTlsa(
      {},
      (leaf) => [{ usage: 3, selector: 1, matchingType: 1, data: sha('sha256', spki(leaf)) }],
      true,
      { smtp: false },
    );
    expect(codes(report)).toEqual([]);
    expect(report.mx[0]?.dane?.status).toBe('unchecked');
  });
});
