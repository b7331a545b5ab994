import fc from 'fast-check';
import { validateMx } from 'mailauth/lib/mta-sts.js';
import { describe, expect, it } from 'vitest';
import { mxPatternMatches } from '../../src/parsers/mx-pattern.js';
import { hostName, mxPattern } from './sts-arbitraries.js';

function mailauthMatches(pattern: string, host: string): boolean {
  return validateMx(host, { mode: 'enforce', mx: [pattern] }).valid;
}

describe('mxPatternMatches against mailauth 7 validateMx', () => {
  it('agrees on generated patterns and hosts: related names, case and trailing dots mixed in', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,5}$/);
    const caseAndDot = (name: string) =>
      fc
        .tuple(fc.boolean(), fc.boolean())
        .map(([upper, dot]) => (upper ? name.toUpperCase() : name) + (dot ? '.' : ''));
    const pair = fc
      .tuple(mxPattern, fc.array(label, { maxLength: 2 }), fc.array(label, { maxLength: 1 }), fc.boolean())
      .chain(([pattern, extra, tail, drop]) => {
        const base = pattern.replace(/^\*\./, '');
        const labels = base.split('.');
        const host = [...extra, ...(drop ? labels.slice(1) : labels), ...tail].join('.') || base;
        return fc.tuple(caseAndDot(pattern), caseAndDot(host));
      });
    fc.assert(
      fc.property(fc.oneof(pair, fc.tuple(mxPattern, hostName)), ([pattern, host]) => {
        expect(mxPatternMatches(pattern, host)).toBe(mailauthMatches(pattern, host));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees that a U-label host matches the A-label spelling of its name', () => {
    expect(mxPatternMatches('xn--bcher-kva.example', 'bücher.example')).toBe(true);
    expect(mailauthMatches('xn--bcher-kva.example', 'bücher.example')).toBe(true);
  });

  describe('known disagreements', () => {
    it('a name with an empty label matches nothing here (a DNS label is 1 to 63 octets, RFC 1035 §2.3.4); mailauth compares it as text', () => {
      expect(mxPatternMatches('a..example.com', 'a..example.com')).toBe(false);
      expect(mailauthMatches('a..example.com', 'a..example.com')).toBe(true);
    });
  });
});
