import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mxPatternMatches } from '../../src/parsers/mx-pattern.js';
import { hostName, mxPattern } from './sts-arbitraries.js';

describe('mxPatternMatches', () => {
  it('matches an exact MX host name (RFC 8461 §4.1)', () => {
    expect(mxPatternMatches('mail.example.com', 'mail.example.com')).toBe(true);
    expect(mxPatternMatches('mail.example.com', 'mail2.example.com')).toBe(false);
  });

  it('lets "*.example.com" match exactly one extra left-most label, never example.com nor a.b.example.com (§4.1)', () => {
    expect(mxPatternMatches('*.example.com', 'mx1.example.com')).toBe(true);
    expect(mxPatternMatches('*.example.com', 'example.com')).toBe(false);
    expect(mxPatternMatches('*.example.com', 'a.b.example.com')).toBe(false);
    expect(mxPatternMatches('*.example.com', 'mx1.example.net')).toBe(false);
  });

  it('compares case-insensitively and ignores a trailing dot on the pattern or the host', () => {
    expect(mxPatternMatches('*.EXAMPLE.com', 'Mx1.example.COM.')).toBe(true);
    expect(mxPatternMatches('mail.example.com.', 'MAIL.EXAMPLE.COM')).toBe(true);
  });

  it('matches a U-label pattern or host against its A-label form (one name, two spellings)', () => {
    expect(mxPatternMatches('mx.ñaca.com', 'mx.xn--aca-6ma.com')).toBe(true);
    expect(mxPatternMatches('mx.xn--aca-6ma.com', 'mx.ñaca.com')).toBe(true);
    expect(mxPatternMatches('*.ñaca.com', 'mx.xn--aca-6ma.com')).toBe(true);
    expect(mxPatternMatches('*.ÑACA.com.', 'MX.xn--aca-6ma.com')).toBe(true);
    expect(mxPatternMatches('*.ñaca.com', 'a.mx.xn--aca-6ma.com')).toBe(false);
    expect(mxPatternMatches('mx.ñaca.com', 'mx.xn--aca-7ma.com')).toBe(false);
  });

  it('does not treat a partial-label or inner "*" as a wildcard', () => {
    expect(mxPatternMatches('mx*.example.com', 'mx1.example.com')).toBe(false);
    expect(mxPatternMatches('mx.*.com', 'mx.example.com')).toBe(false);
  });

  it('never matches a host with a different number of labels than the pattern', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,4}$/);
    // Hosts built from the pattern itself, with labels added or removed at either end, so most share its suffix or prefix.
    const related = fc.tuple(
      mxPattern,
      label,
      fc.array(label, { maxLength: 2 }),
      fc.array(label, { maxLength: 2 }),
      fc.nat({ max: 2 }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(related, ([pattern, fill, before, after, drop, dot]) => {
        const labels = pattern.replace(/^\*/, fill).split('.');
        const kept =
          drop > 0 && drop < labels.length ? (after.length > 0 ? labels.slice(drop) : labels.slice(0, -drop)) : labels;
        const hostLabels = [...before, ...kept, ...after];
        const matches = mxPatternMatches(pattern, hostLabels.join('.') + (dot ? '.' : ''));
        if (hostLabels.length !== labels.length) expect(matches).toBe(false);
        else if (before.length === 0 && after.length === 0 && kept === labels) expect(matches).toBe(true);
      }),
    );
  });

  it('does not match on a shared prefix or suffix alone', () => {
    expect(mxPatternMatches('mail.example', 'mail.example.com')).toBe(false);
    expect(mxPatternMatches('mail.example.com', 'example.com')).toBe(false);
    expect(mxPatternMatches('example.com', 'mail.example.com')).toBe(false);
  });

  it('matches every host against itself and against "*." plus its parent, whatever the case', () => {
    fc.assert(
      fc.property(hostName, fc.stringMatching(/^[a-z0-9]{1,8}$/), (parent, first) => {
        const host = `${first}.${parent}`;
        expect(mxPatternMatches(host.toUpperCase(), host)).toBe(true);
        expect(mxPatternMatches(`*.${parent}`, host)).toBe(true);
        expect(mxPatternMatches(`*.${parent}`, parent)).toBe(false);
      }),
    );
  });
});
