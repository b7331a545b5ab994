import { describe, expect, it } from 'vitest';
import { gatePasses, gateSummary } from '../../src/report/gate-summary.js';
import type { MxRow, MxSmtp } from '../../src/report/report.js';

const cert = {
  subject: 'CN=mx.example.com',
  issuer: 'CN=Example CA',
  san: ['mx.example.com'],
  notBefore: '2026-11-01T00:00:00.000Z',
  notAfter: '2027-01-30T00:00:00.000Z',
  serial: '01',
  trusted: true,
  nameMatch: true,
  daysLeft: 58,
};
const reached = {
  reached: true,
  error: null,
  address: '192.0.2.25',
  starttls: true,
  tlsVersion: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  cert,
};
const row = (smtp: MxSmtp | null): MxRow => ({
  host: 'mx.example.com',
  priority: 10,
  matchedBy: 'mx.example.com',
  smtp,
  dane: null,
});

describe('gateSummary and gatePasses', () => {
  it.each<[string, MxSmtp | null, string, boolean | null]>([
    ['a clean gate', reached, 'STARTTLS TLSv1.3, cert ok, 58 days', true],
    [
      'every certificate problem at once',
      { ...reached, tlsVersion: 'TLSv1.2', cert: { ...cert, trusted: false, nameMatch: false, daysLeft: -3 } },
      'STARTTLS TLSv1.2, cert untrusted + wrong name + expired, -3 days',
      false,
    ],
    ['no STARTTLS', { ...reached, starttls: false, tlsVersion: null, cipher: null, cert: null }, 'no STARTTLS', false],
    [
      'an unreachable host',
      {
        ...reached,
        reached: false,
        error: 'timeout: no answer within 5000 ms',
        starttls: null,
        tlsVersion: null,
        cipher: null,
        cert: null,
      },
      'SMTP unreachable (timeout)',
      null,
    ],
    ['the probe off', null, 'SMTP not probed', null],
  ])('%s', (_, smtp, summary, passes) => {
    expect(gateSummary(row(smtp))).toBe(summary);
    expect(gatePasses(row(smtp))).toBe(passes);
  });

  it.each<[string, MxRow['dane'], string, boolean | null]>([
    ['no TLSA records', { status: 'none', tlsa: [] }, 'STARTTLS TLSv1.3, cert ok, 58 days, DANE none', true],
    [
      'a validated match',
      { status: 'match', tlsa: ['3 1 1 ab'] },
      'STARTTLS TLSv1.3, cert ok, 58 days, DANE validated match',
      true,
    ],
    [
      'a validated mismatch fails the gate',
      { status: 'mismatch', tlsa: ['3 1 1 ab'] },
      'STARTTLS TLSv1.3, cert ok, 58 days, DANE mismatch',
      false,
    ],
    [
      'unsigned records',
      { status: 'unsigned', tlsa: ['3 1 1 ab'] },
      'STARTTLS TLSv1.3, cert ok, 58 days, DANE unsigned',
      true,
    ],
  ])('with DANE: %s', (_, dane, summary, passes) => {
    const withDane = { ...row(reached), dane };
    expect(gateSummary(withDane)).toBe(summary);
    expect(gatePasses(withDane)).toBe(passes);
  });
});
