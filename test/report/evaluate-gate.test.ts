import { describe, expect, it } from 'vitest';
import type { MxGateFacts } from '../../src/probes/mx-gate-probe.js';
import { evaluateGate } from '../../src/report/evaluate-gate.js';
import type { CoverageRow } from '../../src/report/mx-coverage.js';
import type { PolicyMode } from '../../src/report/report.js';
import { certInfo, NO_TLSA, NOW, smtpTls, tlsa } from './facts.js';

const row = (host: string, priority = 10): CoverageRow => ({ host, priority, matchedBy: host });
const goodSmtp = (host: string) => smtpTls(certInfo([host]));
const gates = (entries: [string, MxGateFacts][]) => new Map(entries);
const judged = (host: string, facts: MxGateFacts, mode: PolicyMode | null) =>
  evaluateGate([row(host)], gates([[host, facts]]), mode, 'example.com', NOW);
const codesOf = (findings: { code: string; severity: string }[]) => findings.map((f) => `${f.code} ${f.severity}`);

describe('evaluateGate', () => {
  it('given a host with no gate facts (SMTP off, TLSA not looked up), then smtp and dane are null', () => {
    expect(evaluateGate([row('mx1.example.com')], new Map(), 'enforce', 'example.com', NOW)).toEqual({
      rows: [{ host: 'mx1.example.com', priority: 10, matchedBy: 'mx1.example.com', smtp: null, dane: null }],
      findings: [],
    });
  });

  it('given STARTTLS with a good certificate and no TLSA, then the full row and no finding', () => {
    expect(judged('mx1.example.com', { smtp: goodSmtp('mx1.example.com'), tlsa: NO_TLSA }, 'enforce')).toEqual({
      rows: [
        {
          host: 'mx1.example.com',
          priority: 10,
          matchedBy: 'mx1.example.com',
          smtp: {
            reached: true,
            error: null,
            address: '192.0.2.25',
            starttls: true,
            tlsVersion: 'TLSv1.3',
            cipher: 'TLS_AES_256_GCM_SHA384',
            cert: {
              subject: 'CN=mx1.example.com',
              issuer: 'CN=Test Issuing CA',
              san: ['mx1.example.com'],
              notBefore: '2026-10-01T00:00:00.000Z',
              notAfter: '2027-01-30T00:00:00.000Z',
              serial: '0A1B',
              trusted: true,
              nameMatch: true,
              daysLeft: 59,
            },
          },
          dane: { status: 'none', tlsa: [] },
        },
      ],
      findings: [],
    });
  });

  it('given the gate failing on one of three hosts under enforce, then one error naming that host only', () => {
    const hosts = ['mx1.example.com', 'mx2.example.com', 'mx3.example.com'];
    const bad = smtpTls(certInfo(['mx2.example.com'], { trusted: false, trustError: 'UNABLE_TO_GET_ISSUER_CERT' }));
    const evaluation = evaluateGate(
      hosts.map((h, i) => row(h, 10 * (i + 1))),
      gates([
        ['mx1.example.com', { smtp: goodSmtp('mx1.example.com'), tlsa: NO_TLSA }],
        ['mx2.example.com', { smtp: bad, tlsa: NO_TLSA }],
        ['mx3.example.com', { smtp: goodSmtp('mx3.example.com'), tlsa: NO_TLSA }],
      ]),
      'enforce',
      'example.com',
      NOW,
    );
    expect(evaluation.rows.map((r) => [r.host, r.smtp?.cert?.trusted])).toEqual([
      ['mx1.example.com', true],
      ['mx2.example.com', false],
      ['mx3.example.com', true],
    ]);
    expect(evaluation.findings).toEqual([
      {
        code: 'mx-cert-untrusted',
        severity: 'error',
        title: 'MX certificate not trusted',
        detail:
          'The certificate `mx2.example.com` presents on STARTTLS, issued by "CN=Test Issuing CA", does not chain to a trusted root (UNABLE_TO_GET_ISSUER_CERT). Senders applying the `mode: enforce` policy will not deliver to it.',
        fix: 'Serve a certificate for `mx2.example.com` from a public CA, with its full intermediate chain, on STARTTLS; senders enforcing MTA-STS refuse self-signed or incomplete chains.',
      },
    ]);
  });

  it('given the same untrusted certificate under testing or no policy, then a warning without the consequence', () => {
    const facts = {
      smtp: smtpTls(certInfo(['mx1.example.com'], { trusted: false, trustError: null })),
      tlsa: NO_TLSA,
    };
    for (const mode of ['testing', 'none', null] as const) {
      expect(judged('mx1.example.com', facts, mode).findings.map((f) => [f.severity, f.detail])).toEqual([
        [
          'warning',
          'The certificate `mx1.example.com` presents on STARTTLS, issued by "CN=Test Issuing CA", does not chain to a trusted root.',
        ],
      ]);
    }
  });

  it('given a certificate for another name, expired, under enforce, then name mismatch and expired, both errors', () => {
    const cert = certInfo(['example.com'], { notAfter: '2026-11-30T00:00:00.000Z' });
    const evaluation = judged('mx1.example.com', { smtp: smtpTls(cert), tlsa: NO_TLSA }, 'enforce');
    expect(evaluation.rows[0]?.smtp?.cert).toMatchObject({ nameMatch: false, daysLeft: -2 });
    expect(evaluation.findings.map((f) => [f.code, f.severity, f.detail])).toEqual([
      [
        'mx-cert-name-mismatch',
        'error',
        'The certificate `mx1.example.com` presents on STARTTLS names `example.com`; `mx1.example.com` is not among them. Senders applying the `mode: enforce` policy will not deliver to it.',
      ],
      [
        'mx-cert-expired',
        'error',
        'The certificate `mx1.example.com` presents on STARTTLS expired on 30 Nov 00:00 UTC. Senders applying the `mode: enforce` policy will not deliver to it.',
      ],
    ]);
  });

  it('given a certificate not yet valid, or 5 days from expiry, then mx-cert-expired or mx-cert-expiring-soon', () => {
    const early = certInfo(['mx1.example.com'], { notBefore: '2026-12-05T00:00:00.000Z' });
    const late = certInfo(['mx1.example.com'], { notAfter: '2026-12-07T00:00:00.000Z' });
    expect(
      judged('mx1.example.com', { smtp: smtpTls(early), tlsa: NO_TLSA }, 'testing').findings.map((f) => [
        f.code,
        f.severity,
        f.detail,
      ]),
    ).toEqual([
      [
        'mx-cert-expired',
        'warning',
        'The certificate `mx1.example.com` presents on STARTTLS is not valid before 2026-12-05T00:00:00.000Z.',
      ],
    ]);
    expect(
      judged('mx1.example.com', { smtp: smtpTls(late), tlsa: NO_TLSA }, 'enforce').findings.map((f) => [
        f.code,
        f.severity,
        f.detail,
      ]),
    ).toEqual([
      [
        'mx-cert-expiring-soon',
        'warning',
        'The certificate `mx1.example.com` presents on STARTTLS expires on 7 Dec 00:00 UTC (in 5 days).',
      ],
    ]);
  });

  it('given no STARTTLS, then an error under testing or enforce, a warning otherwise', () => {
    const plain: MxGateFacts = {
      smtp: { ok: true, value: { address: '192.0.2.25', greeting: '220 mx', starttls: false, tls: null } },
      tlsa: NO_TLSA,
    };
    expect(judged('mx1.example.com', plain, 'testing').findings.map((f) => [f.code, f.severity, f.detail])).toEqual([
      [
        'starttls-missing',
        'error',
        '`mx1.example.com` (192.0.2.25) does not offer STARTTLS in its EHLO reply, so mail to it travels in plaintext and senders applying the `mode: testing` policy will not deliver to it.',
      ],
    ]);
    expect(judged('mx1.example.com', plain, null).findings.map((f) => [f.severity, f.detail])).toEqual([
      [
        'warning',
        '`mx1.example.com` (192.0.2.25) does not offer STARTTLS in its EHLO reply, so mail to it travels in plaintext.',
      ],
    ]);
    expect(judged('mx1.example.com', plain, null).rows[0]?.smtp).toEqual({
      reached: true,
      error: null,
      address: '192.0.2.25',
      starttls: false,
      tlsVersion: null,
      cipher: null,
      cert: null,
    });
  });

  it('given port 25 unreachable under enforce, then smtp-unreachable stays a warning', () => {
    const evaluation = judged(
      'mx1.example.com',
      {
        smtp: {
          ok: false,
          cause: 'timeout',
          detail: 'no answer within 10000 ms while connecting',
          address: '192.0.2.25',
        },
        tlsa: NO_TLSA,
      },
      'enforce',
    );
    expect(evaluation.rows[0]?.smtp).toEqual({
      reached: false,
      error: 'timeout: no answer within 10000 ms while connecting',
      address: '192.0.2.25',
      starttls: null,
      tlsVersion: null,
      cipher: null,
      cert: null,
    });
    expect(evaluation.findings.map((f) => [f.code, f.severity, f.detail])).toEqual([
      [
        'smtp-unreachable',
        'warning',
        '`mx1.example.com`: no answer within 10000 ms while connecting. Outbound port 25 may be filtered where the scan ran.',
      ],
    ]);
  });

  describe('DANE (RFC 7672)', () => {
    const dane = (answer: MxGateFacts['tlsa'], smtp: MxGateFacts['smtp'] = goodSmtp('mx1.example.com')) =>
      judged('mx1.example.com', { smtp, tlsa: answer }, 'enforce');

    it('given a validated DANE-EE record matching the leaf, then match and dane-present (info)', () => {
      const evaluation = dane(tlsa(true, [3, 0, 0, 'leaf-der']));
      expect(evaluation.rows[0]?.dane).toEqual({ status: 'match', tlsa: ['3 0 0 6c6561662d646572'] });
      expect(evaluation.findings.map((f) => [f.code, f.severity, f.detail])).toEqual([
        [
          'dane-present',
          'info',
          '`_25._tcp.mx1.example.com` has DNSSEC-validated TLSA records, and `3 0 0 6c6561662d646572…` matches what `mx1.example.com` presents.',
        ],
      ]);
    });

    it('given a validated record for another certificate, then mismatch, an error even when PKIX passes', () => {
      const evaluation = dane(tlsa(true, [3, 0, 0, 'other-der']));
      expect(evaluation.rows[0]?.dane?.status).toBe('mismatch');
      expect(evaluation.findings.map((f) => [f.code, f.severity, f.detail])).toEqual([
        [
          'dane-mismatch',
          'error',
          '`_25._tcp.mx1.example.com` has DNSSEC-validated TLSA records, and none of the 1 matches the certificate chain `mx1.example.com` presents; DANE senders will not deliver to it.',
        ],
      ]);
    });

    it('given records without the AD bit, then unsigned and dane-unsigned (a warning)', () => {
      const evaluation = dane(tlsa(false, [3, 0, 0, 'leaf-der'], [3, 1, 1, 'x']));
      expect(evaluation.rows[0]?.dane).toEqual({ status: 'unsigned', tlsa: ['3 0 0 6c6561662d646572', '3 1 1 78'] });
      expect(evaluation.findings.map((f) => [f.code, f.severity, f.detail])).toEqual([
        [
          'dane-unsigned',
          'warning',
          '`_25._tcp.mx1.example.com` publishes 2 TLSA record(s), but the answer was not DNSSEC-validated (no AD bit from the resolver), so DANE senders ignore them.',
        ],
      ]);
    });

    it('given DANE unusable (PKIX usages only) and a PKIX chain that fails, then the PKIX failure alone decides', () => {
      const untrusted = smtpTls(
        certInfo(['mx1.example.com'], { trusted: false, trustError: 'SELF_SIGNED_CERT_IN_CHAIN' }),
      );
      const evaluation = dane(tlsa(true, [1, 0, 0, 'leaf-der']), untrusted);
      expect(evaluation.rows[0]?.dane).toEqual({ status: 'unusable', tlsa: ['1 0 0 6c6561662d646572'] });
      expect(codesOf(evaluation.findings)).toEqual(['mx-cert-untrusted error']);
    });

    it('given validated records but SMTP off, then unchecked and no finding', () => {
      const evaluation = dane(tlsa(true, [3, 0, 0, 'leaf-der']), null);
      expect(evaluation.rows[0]).toMatchObject({ smtp: null, dane: { status: 'unchecked' } });
      expect(evaluation.findings).toEqual([]);
    });

    it('given a TLSA lookup that failed, then lookup-failed and no finding; NODATA is none', () => {
      expect(dane({ ok: false, cause: 'servfail', detail: 'ESERVFAIL' }).rows[0]?.dane).toEqual({
        status: 'lookup-failed',
        tlsa: [],
      });
      expect(dane({ ok: false, cause: 'nodata', detail: '' }).rows[0]?.dane).toEqual({ status: 'none', tlsa: [] });
    });
  });
});
