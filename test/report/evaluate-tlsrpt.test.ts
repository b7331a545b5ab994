import { describe, expect, it } from 'vitest';
import { evaluateTlsRpt } from '../../src/report/evaluate-tlsrpt.js';

describe('evaluateTlsRpt', () => {
  it('given one valid record, then valid with its usable rua and no finding', () => {
    expect(
      evaluateTlsRpt(
        { ok: true, value: ['v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example.net/x'] },
        'example.com',
      ),
    ).toEqual({
      tlsrpt: {
        record: 'v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example.net/x',
        rua: ['mailto:tls@example.com', 'https://r.example.net/x'],
      },
      valid: true,
      findings: [],
    });
  });

  it('given no record, then not valid and no finding here (buildReport decides whether it is missing)', () => {
    expect(evaluateTlsRpt({ ok: true, value: ['v=spf1 -all'] }, 'example.com')).toEqual({
      tlsrpt: null,
      valid: false,
      findings: [],
    });
  });

  it('given a failed lookup, then tlsrpt-invalid (a warning) with the DNS fix', () => {
    expect(evaluateTlsRpt({ ok: false, cause: 'dns', detail: 'timeout: no answer' }, 'example.com')).toEqual({
      tlsrpt: null,
      valid: false,
      findings: [
        {
          code: 'tlsrpt-invalid',
          severity: 'warning',
          title: 'TLS-RPT record invalid',
          detail:
            'The `_smtp._tls.example.com` TXT lookup failed (timeout: no answer); senders cannot find where to report.',
          fix: 'Make the authoritative DNS servers of `example.com` answer TXT queries for `_smtp._tls.example.com`; while they fail, senders send no reports.',
        },
      ],
    });
  });

  it('given two records, then senders ignore both', () => {
    const rpt = evaluateTlsRpt(
      { ok: true, value: ['v=TLSRPTv1; rua=mailto:a@example.com', 'v=TLSRPTv1; rua=mailto:b@example.com'] },
      'example.com',
    );
    expect(rpt.tlsrpt).toEqual({ record: 'v=TLSRPTv1; rua=mailto:a@example.com', rua: [] });
    expect(rpt.valid).toBe(false);
    expect(rpt.findings.map((f) => f.detail)).toEqual([
      '2 `v=TLSRPTv1` records at `_smtp._tls.example.com`; senders ignore them all (RFC 8460 §3).',
    ]);
  });

  it('given a rua of another scheme only, then tlsrpt-invalid with the parser reason and the exact-record fix', () => {
    const rpt = evaluateTlsRpt({ ok: true, value: ['v=TLSRPTv1; rua=ftp://example.com/r'] }, 'example.com');
    expect(rpt.findings.map((f) => [f.code, f.detail, f.fix])).toEqual([
      [
        'tlsrpt-invalid',
        '`v=TLSRPTv1; rua=ftp://example.com/r`: rua has no usable mailto: or https: URI (found "ftp://example.com/r").',
        'Publish exactly one record at `_smtp._tls.example.com`: `v=TLSRPTv1; rua=mailto:…` (mailto: or https: URIs, comma-separated).',
      ],
    ]);
  });

  it('given a record with a leading space, then tlsrpt-invalid: senders discard it', () => {
    const rpt = evaluateTlsRpt({ ok: true, value: [' v=TLSRPTv1; rua=mailto:a@example.com'] }, 'example.com');
    expect(rpt.tlsrpt).toEqual({ record: ' v=TLSRPTv1; rua=mailto:a@example.com', rua: [] });
    expect(rpt.findings.map((f) => f.detail)).toEqual([
      '` v=TLSRPTv1; rua=mailto:a@example.com` does not begin with exactly `v=TLSRPTv1;`, so senders discard it.',
    ]);
  });
});
