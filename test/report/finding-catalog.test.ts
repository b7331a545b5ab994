import { describe, expect, it } from 'vitest';
import { FINDING_CATALOG } from '../../src/report/finding-catalog.js';
import { FINDING_CODES } from '../../src/report/finding-codes.js';
import { splitCodeSpans } from '../../src/text/inline-code.js';

describe('FINDING_CATALOG', () => {
  it.each(FINDING_CODES)('%s has a short title and a one- or two-sentence fix', (code) => {
    const entry = FINDING_CATALOG[code];
    expect(entry.title.length).toBeGreaterThan(5);
    expect(entry.title.length).toBeLessThanOrEqual(60);
    const fix = entry.fix({ domain: 'example.com', host: 'mx.example.com', pattern: '*.example.com' });
    expect(fix.length).toBeGreaterThan(20);
    expect(fix.split(/[.!?](\s|$)/).filter((s) => s && s.trim().length > 3).length).toBeLessThanOrEqual(3);
  });

  it('keeps the severities the interface promises', () => {
    const bySeverity = (s: string) => FINDING_CODES.filter((c) => FINDING_CATALOG[c].severity === s);
    expect(bySeverity('warning')).toEqual([
      'cert-expiring-soon',
      'tlsrpt-missing',
      'tlsrpt-invalid',
      'enforce-without-tlsrpt',
      'no-mx',
      'mx-cert-expiring-soon',
      'smtp-unreachable',
      'dane-unsigned',
      'premature-enforce-risk',
      'tlsrpt-failures',
    ]);
    expect(bySeverity('info')).toEqual(['max-age-short', 'dane-present', 'ready-to-enforce']);
    // starttls-missing and mx-cert-* are errors at most: evaluateGate lowers them where no policy enforces them.
    expect(bySeverity('error')).toHaveLength(19);
    expect(bySeverity('error')).toContain('domain-not-found');
  });

  it('says in the smtp-unreachable fix that port 25 may be filtered where the scan ran', () => {
    expect(FINDING_CATALOG['smtp-unreachable'].fix({ domain: 'example.com', host: 'mx.example.com' })).toContain(
      'Outbound port 25 may also be filtered where the scan ran',
    );
  });

  it.each(FINDING_CODES)('%s names the domain, host and pattern only inside inline code', (code) => {
    const context = { domain: 'd_1.example', host: 'mx_1.d_1.example', pattern: '*.m_1.d_1.example' };
    for (const lookupFailed of [false, true]) {
      const plain = splitCodeSpans(FINDING_CATALOG[code].fix({ ...context, lookupFailed }))
        .filter((part) => !part.code)
        .map((part) => part.text)
        .join('');
      expect(plain).not.toMatch(/d_1|mx_1|m_1/);
    }
  });

  it('keeps the wildcard to add whole, in one code span', () => {
    expect(FINDING_CATALOG['mx-wildcard-missing'].fix({ domain: 'example.com', pattern: '*.mx.example.com' })).toBe(
      'Add `mx: *.mx.example.com` to the policy, then rotate the TXT id.',
    );
  });
});
