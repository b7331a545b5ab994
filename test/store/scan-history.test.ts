import { describe, expect, it } from 'vitest';
import { scanRecord } from '../../src/store/scan-history.js';
import { reportFixture } from '../digest/digest-fixtures.js';

const AT = new Date('2026-11-30T09:00:00.000Z');

describe('scanRecord', () => {
  it('is the summary history keeps: verdict, codes, id, body hash, MX set and coverage, certificate, TLS-RPT', () => {
    const report = reportFixture('a.example', {
      mx: [
        { host: 'mx1.a.example', priority: 10, matchedBy: 'mx1.a.example', smtp: null, dane: null },
        { host: 'spare.a.example', priority: 20, matchedBy: null, smtp: null, dane: null },
      ],
    });
    expect(scanRecord(report, AT)).toEqual({
      domain: 'a.example',
      scannedAt: AT.toISOString(),
      verdict: 'enforced',
      codes: [],
      policyId: '20261101T000000',
      sha256: 'b'.repeat(64),
      mode: 'enforce',
      mx: ['mx1.a.example', 'spare.a.example'],
      uncoveredMx: ['spare.a.example'],
      certSerial: '01',
      certNotAfter: '2027-02-28T00:00:00.000Z',
      tlsrpt: 'v=TLSRPTv1; rua=mailto:tls@a.example',
    });
  });

  it('calls no MX host uncovered when no policy is served', () => {
    const report = reportFixture('a.example', {
      verdict: 'not-configured',
      txt: null,
      policy: null,
      cert: null,
      mx: [{ host: 'mx1.a.example', priority: 10, matchedBy: null, smtp: null, dane: null }],
    });
    expect(scanRecord(report, AT).uncoveredMx).toEqual([]);
  });
});

describe('scanRecord at the MX gate', () => {
  it('keeps each probed host with the serial it presented and its gate failures, smtp-unreachable aside', () => {
    const cert = {
      subject: 'CN=x',
      issuer: 'CN=ca',
      san: [],
      notBefore: '2026-01-01T00:00:00.000Z',
      notAfter: '2026-02-01T00:00:00.000Z',
      serial: 'AB12',
      trusted: false,
      nameMatch: false,
      daysLeft: -300,
    };
    const base = {
      reached: true,
      error: null,
      address: '192.0.2.1',
      starttls: true,
      tlsVersion: 'TLSv1.3',
      cipher: 'TLS_AES_128_GCM_SHA256',
    };
    const report = reportFixture('g.example', {
      mx: [
        { host: 'a.g.example', priority: 10, matchedBy: null, smtp: { ...base, cert }, dane: null },
        {
          host: 'b.g.example',
          priority: 20,
          matchedBy: null,
          smtp: { ...base, starttls: false, tlsVersion: null, cipher: null, cert: null },
          dane: null,
        },
        {
          host: 'c.g.example',
          priority: 30,
          matchedBy: null,
          smtp: {
            ...base,
            reached: false,
            error: 'timeout: no answer',
            starttls: null,
            tlsVersion: null,
            cipher: null,
            cert: null,
          },
          dane: null,
        },
      ],
    });
    expect(scanRecord(report, new Date('2026-12-01T00:00:00Z')).mxGates).toEqual([
      {
        host: 'a.g.example',
        certSerial: 'AB12',
        failures: ['mx-cert-untrusted', 'mx-cert-name-mismatch', 'mx-cert-expired'],
      },
      { host: 'b.g.example', certSerial: null, failures: ['starttls-missing'] },
      { host: 'c.g.example', certSerial: null, failures: [] },
    ]);
  });
});
