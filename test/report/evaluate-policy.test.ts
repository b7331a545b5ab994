import { describe, expect, it } from 'vitest';
import type { PolicyProbeResult } from '../../src/probes/policy-probe.js';
import { evaluatePolicy } from '../../src/report/evaluate-policy.js';
import { certInfo, ENFORCE, policyServed, SHA } from './facts.js';

const failed = (cause: Extract<PolicyProbeResult, { ok: false }>['cause'], detail: string): PolicyProbeResult => ({
  ok: false,
  cause,
  detail,
  address: null,
  cert: null,
});

describe('evaluatePolicy', () => {
  it('given a valid enforce policy with a week of max_age, then served, parsed, and no finding', () => {
    expect(evaluatePolicy(policyServed(ENFORCE), 'example.com')).toEqual({
      policy: { sha256: SHA, mode: 'enforce', mx: ['mx1.example.com'], maxAge: 604_800 },
      parsed: { version: 'STSv1', mode: 'enforce', mx: ['mx1.example.com'], maxAge: 604_800, extensions: {} },
      served: true,
      unknown: false,
      findings: [],
    });
  });

  describe('policy-unreachable carries its cause as a field, the detail in words', () => {
    it.each([
      ['dns', 'dns', 'DNS lookup of mta-sts.example.com failed: servfail (ESERVFAIL)', true],
      ['no-such-host', 'dns', 'DNS lookup of mta-sts.example.com failed: nxdomain (ENOTFOUND)', false],
      ['connect', 'connect', 'Could not connect to mta-sts.example.com on port 443: 192.0.2.10 (ECONNREFUSED)', false],
      ['tls', 'tls', 'TLS handshake with 192.0.2.10 failed: wrong version number', false],
      ['http-status', 'http-status', 'HTTP 404 instead of 200', false],
      ['content-type', 'content-type', 'Content-Type "text/html" is not text/plain', false],
    ] as const)('given the probe cause %s, then cause %s', (probeCause, cause, detail, unknown) => {
      const evaluation = evaluatePolicy(failed(probeCause, detail), 'example.com');
      expect(evaluation).toMatchObject({ policy: null, parsed: null, served: false, unknown });
      expect(evaluation.findings).toEqual([
        {
          code: 'policy-unreachable',
          severity: 'error',
          title: 'Policy file unreachable',
          detail: `${detail}.`,
          fix: 'Serve the policy at `https://mta-sts.example.com/.well-known/mta-sts.txt` with status 200, Content-Type text/plain, no redirect and a body under 64 KiB, from a host with a valid certificate.',
          cause,
        },
      ]);
    });

    it('given a phrase in lower case, then the detail is a sentence: capital first letter, full stop', () => {
      const probes = [
        failed('too-large', 'the policy is larger than 65536 bytes'),
        failed('connect', 'connection failed: ECONNRESET'),
        failed('redirect', 'HTTP 301 redirect (no Location header); redirects must not be followed'),
      ];
      expect(probes.map((p) => evaluatePolicy(p, 'example.com').findings.map((f) => [f.cause, f.detail]))).toEqual([
        [['too-large', 'The policy is larger than 65536 bytes.']],
        [['connect', 'Connection failed: ECONNRESET.']],
        [['redirect', 'HTTP 301 redirect (no Location header); redirects must not be followed.']],
      ]);
    });

    it('given a timeout, then unknown (a policy may exist) and a plain detail saying senders may wait longer', () => {
      const evaluation = evaluatePolicy(
        failed('timeout', 'no answer within 10000 ms while waiting for the response from 192.0.2.10'),
        'example.com',
      );
      expect(evaluation.unknown).toBe(true);
      expect(evaluation.findings.map((f) => [f.cause, f.detail])).toEqual([
        [
          'timeout',
          'No answer within 10000 ms while waiting for the response from 192.0.2.10. Senders may wait longer: RFC 8461 §3.3 suggests up to a minute, though many give up sooner.',
        ],
      ]);
    });

    it('given a detail that already ends a sentence, then no second full stop', () => {
      const evaluation = evaluatePolicy(failed('tls', 'TLS handshake with 192.0.2.10 failed: alert…'), 'example.com');
      expect(evaluation.findings[0]?.detail).toBe('TLS handshake with 192.0.2.10 failed: alert…');
    });
  });

  it('given a private address, then blocked-address, which carries no cause', () => {
    const detail = 'mta-sts.example.com resolves only to addresses the scanner will not connect to: 10.0.0.1 (private)';
    const [finding] = evaluatePolicy(failed('blocked-address', detail), 'example.com').findings;
    expect(finding).toEqual({
      code: 'blocked-address',
      severity: 'error',
      title: 'Policy host resolves to a private address',
      detail,
      fix: 'Point `mta-sts.example.com` at a public address; senders on the internet cannot reach a private, loopback or link-local one.',
    });
    expect(finding).not.toHaveProperty('cause');
  });

  it('given a body that is not UTF-8 but declares STSv1, then policy-invalid and still served', () => {
    const body = Buffer.concat([
      Buffer.from('version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n#'),
      Buffer.from([0xff]),
    ]);
    const probe = policyServed('');
    if (!probe.ok) throw new Error('unreachable');
    const evaluation = evaluatePolicy({ ok: true, value: { ...probe.value, body } }, 'example.com');
    expect(evaluation).toMatchObject({
      policy: { sha256: SHA, mode: null, mx: [], maxAge: null },
      parsed: null,
      served: true,
    });
    expect(evaluation.findings.map((f) => [f.code, f.detail])).toEqual([
      ['policy-invalid', 'the policy is not valid UTF-8'],
    ]);
  });

  it('given an HTML page served as text/plain, then policy-invalid and not served (no STSv1 line)', () => {
    const evaluation = evaluatePolicy(policyServed('<html>hello</html>\n'), 'example.com');
    expect(evaluation.served).toBe(false);
    expect(evaluation.findings.map((f) => [f.code, f.detail])).toEqual([
      ['policy-invalid', 'line 1 "<html>hello</html>" is not a "name: value" field'],
    ]);
  });

  it('given mode in capitals, then policy-invalid with the case hint', () => {
    const evaluation = evaluatePolicy(
      policyServed('version: STSv1\nmode: Enforce\nmx: mx1.example.com\nmax_age: 604800\n'),
      'example.com',
    );
    expect(evaluation.served).toBe(true);
    expect(evaluation.findings.map((f) => f.detail)).toEqual([
      'mode "Enforce" is not one of enforce, testing, none (values are case-sensitive)',
    ]);
  });

  it('given max_age 3600, then max-age-too-low (an error)', () => {
    const evaluation = evaluatePolicy(
      policyServed('version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 3600\n'),
      'example.com',
    );
    expect(evaluation.policy).toEqual({ sha256: SHA, mode: 'testing', mx: ['mx1.example.com'], maxAge: 3600 });
    expect(evaluation.findings.map((f) => [f.code, f.severity, f.detail])).toEqual([
      ['max-age-too-low', 'error', '`max_age` is 3600 s; Google ignores policies below 86400 s (one day).'],
    ]);
  });

  it('given max_age of two days, then max-age-short (info)', () => {
    const evaluation = evaluatePolicy(
      policyServed('version: STSv1\nmode: none\nmax_age: 172800\n', certInfo([])),
      'example.com',
    );
    expect(evaluation.findings.map((f) => [f.code, f.severity, f.detail])).toEqual([
      ['max-age-short', 'info', '`max_age` is 172800 s, under the week (604800 s) RFC 8461 recommends.'],
    ]);
  });
});
