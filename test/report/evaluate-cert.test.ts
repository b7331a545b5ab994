import { describe, expect, it } from 'vitest';
import { chainTrusted, evaluateCert } from '../../src/report/evaluate-cert.js';
import { certInfo, NOW } from './facts.js';

const HOST = 'mta-sts.example.com';
const judged = (info: ReturnType<typeof certInfo>, now = NOW) =>
  evaluateCert(info, HOST, 'example.com', now).findings.map((f) => [f.code, f.severity, f.detail]);

describe('evaluateCert', () => {
  it('given a trusted certificate for the host with 59 days left, then the facts and no finding', () => {
    expect(evaluateCert(certInfo([HOST]), HOST, 'example.com', NOW)).toEqual({
      cert: {
        subject: 'CN=mta-sts.example.com',
        issuer: 'CN=Test Issuing CA',
        san: [HOST],
        notBefore: '2026-10-01T00:00:00.000Z',
        notAfter: '2027-01-30T00:00:00.000Z',
        trusted: true,
        sanMatch: true,
        serial: '0A1B',
      },
      findings: [],
    });
  });

  it('given a wildcard one label up, then it matches', () => {
    expect(evaluateCert(certInfo(['*.example.com']), HOST, 'example.com', NOW).cert.sanMatch).toBe(true);
  });

  it('given a self-signed certificate, then cert-untrusted naming the issuer and the OpenSSL code', () => {
    const info = certInfo([HOST], { trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT', issuer: 'CN=me' });
    expect(evaluateCert(info, HOST, 'example.com', NOW).findings).toEqual([
      {
        code: 'cert-untrusted',
        severity: 'error',
        title: 'Cert not trusted',
        detail:
          'The certificate of `mta-sts.example.com`, issued by "CN=me", does not chain to a trusted root (DEPTH_ZERO_SELF_SIGNED_CERT). Senders will not use the policy served with it.',
        fix: 'Serve a certificate for `mta-sts.example.com` from a public CA with the full intermediate chain; self-signed or incomplete chains make senders reject the policy.',
      },
    ]);
  });

  it('given a chain that failed only on its dates, then trusted, and the dates judged on the scan clock', () => {
    const info = certInfo([HOST], {
      trusted: false,
      trustError: 'CERT_HAS_EXPIRED',
      notAfter: '2026-11-21T12:00:00.000Z',
    });
    expect(chainTrusted(info)).toBe(true);
    expect(judged(info)).toEqual([
      [
        'cert-expired',
        'error',
        'The certificate of `mta-sts.example.com` expired on 21 Nov 12:00 UTC (10 days ago). Senders will not use the policy served with it.',
      ],
    ]);
  });

  it('given a certificate for other names, then cert-san-mismatch listing them as code', () => {
    expect(judged(certInfo(['example.com', 'www.example.com']))).toEqual([
      [
        'cert-san-mismatch',
        'error',
        'The certificate of `mta-sts.example.com` names `example.com`, `www.example.com`; `mta-sts.example.com` is not among them. Senders will not use the policy served with it.',
      ],
    ]);
  });

  it('given no DNS names at all and an untrusted chain, then both findings', () => {
    expect(
      judged(certInfo([], { trusted: false, trustError: null })).map(([code, , detail]) => [code, detail]),
    ).toEqual([
      [
        'cert-untrusted',
        'The certificate of `mta-sts.example.com`, issued by "CN=Test Issuing CA", does not chain to a trusted root. Senders will not use the policy served with it.',
      ],
      [
        'cert-san-mismatch',
        'The certificate of `mta-sts.example.com` names no host; `mta-sts.example.com` is not among them. Senders will not use the policy served with it.',
      ],
    ]);
  });

  it('given a certificate not valid yet, then cert-expired saying from when', () => {
    expect(judged(certInfo([HOST], { notBefore: '2026-12-02T00:00:00.000Z' }))).toEqual([
      [
        'cert-expired',
        'error',
        'The certificate of `mta-sts.example.com` is not valid before 2026-12-02T00:00:00.000Z. Senders will not use the policy served with it.',
      ],
    ]);
  });

  it('given 13 days left, then cert-expiring-soon (a warning); 14 days left, nothing', () => {
    expect(judged(certInfo([HOST], { notAfter: '2026-12-15T00:00:00.000Z' }))).toEqual([
      [
        'cert-expiring-soon',
        'warning',
        'The certificate of `mta-sts.example.com` expires on 15 Dec 00:00 UTC (in 13 days).',
      ],
    ]);
    expect(judged(certInfo([HOST], { notAfter: '2026-12-15T12:00:00.000Z' }))).toEqual([]);
  });
});
