import { describe, expect, it } from 'vitest';
import { mxRows, neededPatterns, uncoveredMx } from '../../src/report/mx-coverage.js';

const rows = (hosts: string[], patterns: string[]) =>
  mxRows(
    hosts.map((exchange, i) => ({ exchange, priority: i * 10 })),
    patterns,
  );

describe('uncoveredMx', () => {
  it('names the first matching pattern per row, in policy order', () => {
    expect(rows(['mx.example.com'], ['*.example.com', 'mx.example.com']).map((r) => r.matchedBy)).toEqual([
      '*.example.com',
    ]);
  });

  it('covers an A-label MX host with the U-label spelling of its pattern', () => {
    expect(rows(['mx.xn--aca-6ma.com'], ['mx.ñaca.com']).map((r) => r.matchedBy)).toEqual(['mx.ñaca.com']);
    expect(rows(['mx.xn--aca-6ma.com'], ['*.ñaca.com']).map((r) => r.matchedBy)).toEqual(['*.ñaca.com']);
  });

  it('sees a U-label wildcard one label too high over an A-label host', () => {
    const [u] = uncoveredMx(rows(['a.mx.xn--aca-6ma.com'], ['*.ñaca.com']), ['*.ñaca.com']);
    expect(u).toMatchObject({ pattern: '*.mx.xn--aca-6ma.com', wildcard: true });
  });

  it('suggests the exact host for an ordinary uncovered MX', () => {
    const r = rows(['mx2.example.com'], ['mx1.example.com']);
    expect(uncoveredMx(r, ['mx1.example.com'])).toEqual([
      { host: 'mx2.example.com', pattern: 'mx2.example.com', wildcard: false },
    ]);
  });

  it('flags a wildcard one label too high, whatever its case or trailing dot', () => {
    const [u] = uncoveredMx(rows(['a.b.example.com'], ['*.Example.COM.']), ['*.Example.COM.']);
    expect(u).toMatchObject({ pattern: '*.b.example.com', wildcard: true });
    expect(u?.note).toContain('exactly one label');
  });

  it('needs the provider wildcard for Exchange Online tenant hosts', () => {
    const [u] = uncoveredMx(rows(['contoso-com.mail.protection.outlook.com'], []), []);
    expect(u).toMatchObject({ pattern: '*.mail.protection.outlook.com', wildcard: true });
    expect(u?.note).toContain('own host name');
  });

  it('does not call a missing Google host a wildcard problem', () => {
    const [u] = uncoveredMx(rows(['smtp.google.com'], []), []);
    expect(u).toMatchObject({ pattern: 'smtp.google.com', wildcard: false });
  });

  it('tells a Microsoft 365 mx.microsoft tenant that *.mx.microsoft cannot cover it, even when the policy lacks it', () => {
    const [u] = uncoveredMx(rows(['contoso-com.b-v1.mx.microsoft'], []), []);
    expect(u).toMatchObject({ pattern: '*.b-v1.mx.microsoft', wildcard: true });
    expect(u?.note).toBe(
      'Not `*.mx.microsoft`: a wildcard matches exactly one label, so it cannot cover `contoso-com.b-v1.mx.microsoft`.',
    );
  });
});

describe('neededPatterns', () => {
  it('keeps the live pattern of a covered host and adds the wildcard one label deeper that the finding asks for', () => {
    const patterns = ['mx1.example.com', '*.example.com'];
    const r = rows(['mx1.example.com', 'a.mx.example.com', 'b.mx.example.com'], patterns);
    expect(neededPatterns(r, patterns)).toEqual(['mx1.example.com', '*.mx.example.com']);
  });

  it('gives a provider wildcard, a Google host and an exact host without a live policy', () => {
    const r = rows(['contoso-com.mail.protection.outlook.com', 'smtp.google.com', 'backup.example.com'], []);
    expect(neededPatterns(r, [])).toEqual(['*.mail.protection.outlook.com', 'smtp.google.com', 'backup.example.com']);
  });
});
