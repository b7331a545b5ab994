import type { MxAnswer, TlsaAnswer } from '../../src/net/dns-resolver.js';
import type { CertInfo } from '../../src/probes/cert-info.js';
import type { MxGateFacts } from '../../src/probes/mx-gate-probe.js';
import type { PolicyProbeResult } from '../../src/probes/policy-probe.js';
import type { SmtpProbeResult } from '../../src/probes/smtp-probe.js';
import type { ScanFacts } from '../../src/report/scan-facts.js';

/** Hand-built probe results for the pure judge: a healthy enforce deployment of example.com, changed per test. */

export const NOW = new Date('2026-12-01T12:00:00.000Z');
export const SHA = 'ab'.repeat(32);
export const ENFORCE = 'version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n';

/** A certificate valid from 2026-10-01 to 2027-01-30 (59 days left at NOW), trusted, for the given names. */
export function certInfo(san: string[], changes: Partial<CertInfo> = {}): CertInfo {
  return {
    subject: `CN=${san[0] ?? 'nobody'}`,
    issuer: 'CN=Test Issuing CA',
    san,
    notBefore: '2026-10-01T00:00:00.000Z',
    notAfter: '2027-01-30T00:00:00.000Z',
    serial: '0A1B',
    trusted: true,
    trustError: null,
    ...changes,
  };
}

export function policyServed(body: string, cert: CertInfo = certInfo(['mta-sts.example.com'])): PolicyProbeResult {
  return {
    ok: true,
    value: {
      url: 'https://mta-sts.example.com/.well-known/mta-sts.txt',
      address: '192.0.2.10',
      status: 200,
      contentType: 'text/plain',
      body: Buffer.from(body, 'utf8'),
      sha256: SHA,
      cert,
    },
  };
}

export function mxAnswer(...hosts: [number, string][]): ScanFacts['mx'] {
  return { ok: true, value: hosts.map(([priority, exchange]): MxAnswer => ({ priority, exchange })) };
}

/** STARTTLS with TLSv1.3 and this certificate; the chain is the leaf's stand-in bytes "leaf-der". */
export function smtpTls(cert: CertInfo, address = '192.0.2.25'): SmtpProbeResult {
  return {
    ok: true,
    value: {
      address,
      greeting: '220 mx ESMTP',
      starttls: true,
      tls: { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', cert, chain: [Buffer.from('leaf-der')] },
    },
  };
}

export const NO_TLSA: MxGateFacts['tlsa'] = { ok: false, cause: 'nxdomain', detail: 'no such name' };

export function tlsa(authenticated: boolean, ...records: [number, number, number, string][]): MxGateFacts['tlsa'] {
  const answer: TlsaAnswer = {
    authenticated,
    records: records.map(([usage, selector, matchingType, data]) => ({
      usage,
      selector,
      matchingType,
      data: Buffer.from(data),
    })),
  };
  return { ok: true, value: answer };
}

export function facts(changes: Partial<ScanFacts> = {}): ScanFacts {
  return {
    domain: 'example.com',
    now: NOW,
    txt: { ok: true, value: ['v=STSv1; id=20261101T000000;'] },
    policy: policyServed(ENFORCE),
    tlsrpt: { ok: true, value: ['v=TLSRPTv1; rua=mailto:tls@example.com'] },
    mx: mxAnswer([10, 'mx1.example.com']),
    gates: new Map(),
    history: { otherBodiesUnderId: [], clean: false },
    ...changes,
  };
}
