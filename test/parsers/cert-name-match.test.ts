import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certNameMatches } from '../../src/parsers/cert-name-match.js';

describe('certNameMatches', () => {
  it('matches a dNSName equal to the host, case-insensitively, ignoring a trailing dot (RFC 6125 §6.4.1)', () => {
    expect(certNameMatches('mta-sts.example.com', 'mta-sts.example.com')).toBe(true);
    expect(certNameMatches('MTA-STS.Example.com.', 'mta-sts.example.COM')).toBe(true);
    expect(certNameMatches('www.example.com', 'mta-sts.example.com')).toBe(false);
    expect(certNameMatches('mta-sts.example.com', 'mta-sts.example.com.evil.example')).toBe(false);
    expect(certNameMatches('example.com', 'mta-sts.example.com')).toBe(false);
  });

  it('lets a wildcard that is the complete left-most label match exactly one label (RFC 6125 §6.4.3)', () => {
    expect(certNameMatches('*.example.com', 'mta-sts.example.com')).toBe(true);
    expect(certNameMatches('*.example.com', 'example.com')).toBe(false);
    expect(certNameMatches('*.example.com', 'a.mta-sts.example.com')).toBe(false);
  });

  it('never matches a partial-label wildcard such as "f*.example.com" or "*s.example.com" (RFC 9525 §6.3)', () => {
    expect(certNameMatches('mta*.example.com', 'mta-sts.example.com')).toBe(false);
    expect(certNameMatches('*sts.example.com', 'mta-sts.example.com')).toBe(false);
    expect(certNameMatches('m*s.example.com', 'mta-sts.example.com')).toBe(false);
  });

  it('never matches a wildcard outside the left-most label or one with a single label after it ("*.com")', () => {
    expect(certNameMatches('mta-sts.*.com', 'mta-sts.example.com')).toBe(false);
    expect(certNameMatches('*.com', 'example.com')).toBe(false);
    expect(certNameMatches('*', 'localhost')).toBe(false);
  });

  it('compares IDNs as A-labels: a wildcard covers a whole A-label, "xn--*" covers nothing, U-labels match nothing', () => {
    expect(certNameMatches('*.example.com', 'xn--bcher-kva.example.com')).toBe(true);
    expect(certNameMatches('xn--bcher-kva.example.com', 'XN--BCHER-KVA.example.com')).toBe(true);
    expect(certNameMatches('xn--*.example.com', 'xn--bcher-kva.example.com')).toBe(false);
    expect(certNameMatches('bücher.example.com', 'xn--bcher-kva.example.com')).toBe(false);
    expect(certNameMatches('xn--bcher-kva.example.com', 'bücher.example.com')).toBe(false);
  });

  it('never lets a wildcard name match a host of another length, nor one naming a public suffix directly', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,6}$/);
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 5 }),
        fc.array(label, { minLength: 1, maxLength: 5 }),
        (suffix, host) => {
          const name = `*.${suffix.join('.')}`;
          const matches = certNameMatches(name, host.join('.'));
          if (host.length !== suffix.length + 1 || suffix.length < 2) expect(matches).toBe(false);
          else expect(matches).toBe(host.slice(1).join('.') === suffix.join('.'));
        },
      ),
    );
  });
});
