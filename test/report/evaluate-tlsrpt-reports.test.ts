import { describe, expect, it } from 'vitest';
import { evaluateTlsRptReports } from '../../src/report/evaluate-tlsrpt-reports.js';
import type { Report } from '../../src/report/report.js';
import { reportFixture } from '../command/report-fixture.js';
import { storedReport, summaryRow } from '../store/tlsrpt-fixtures.js';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const POLICY = { sha256: 'a'.repeat(64), mx: ['mx1.example.com', 'mx2.example.com'], maxAge: 1_209_600 };
const inMode = (mode: 'testing' | 'enforce'): Report =>
  reportFixture({ verdict: mode === 'enforce' ? 'enforced' : 'testing', policy: { ...POLICY, mode } });
const day = (date: string) => ({
  start: `${date}T00:00:00.000Z`,
  end: new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString(),
});

const googleFailing = storedReport({
  ...day('2026-11-29'),
  summary: [
    summaryRow({
      successful: 1000,
      failed: 12,
      failuresByResultType: { 'certificate-host-mismatch': 10, 'starttls-not-supported': 2 },
      failingMxHosts: { 'mx2.example.com': 10, 'mx1.example.com': 2 },
      sendingMtas: { '209.85.220.41': 12 },
    }),
  ],
});
const microsoftFetchError = storedReport({
  organization: 'Microsoft Corporation',
  ...day('2026-11-29'),
  summary: [
    summaryRow({
      successful: 500,
      failed: 3,
      failuresByResultType: { 'sts-policy-fetch-error': 3 },
      failingMxHosts: { '(unknown)': 3 },
    }),
  ],
});

describe('evaluateTlsRptReports', () => {
  it('warns a testing domain that enforce would bounce the mail of the senders whose sessions fail at its MX hosts', () => {
    expect(evaluateTlsRptReports(inMode('testing'), [googleFailing, microsoftFetchError], NOW)).toEqual([
      {
        code: 'premature-enforce-risk',
        severity: 'warning',
        title: 'Enforce would bounce mail now',
        detail:
          'Reports of the last 7 days show sessions failing at MX hosts that enforce would refuse (certificate-host-mismatch (10), starttls-not-supported (2)): flipping to enforce now would bounce mail from these senders: Google Inc. (12). Failing MX hosts: `mx2.example.com` (10), `mx1.example.com` (2).',
        fix: 'Stay in `mode: testing` and fix what the reports show first: Serve a certificate on `mx2.example.com` whose subjectAltName names that MX host; the one served names another host. Switch to `mode: enforce` once the reports of every sender are clean.',
      },
    ]);
  });

  it('counts a failing MX host the policy does not cover as refused under enforce, whatever the result type', () => {
    const uncovered = storedReport({
      ...day('2026-11-30'),
      summary: [
        summaryRow({
          failed: 4,
          failuresByResultType: { 'sts-policy-invalid': 4 },
          failingMxHosts: { 'mx9.example.com': 4 },
          uncoveredFailingMxHosts: ['mx9.example.com'],
        }),
      ],
    });
    const [finding] = evaluateTlsRptReports(inMode('testing'), [uncovered], NOW);
    expect(finding?.detail).toBe(
      'Reports of the last 7 days show sessions failing at MX hosts that enforce would refuse: flipping to enforce now would bounce mail from these senders: Google Inc. (4). Failing MX hosts: `mx9.example.com` (4).',
    );
  });

  it('says nothing of a testing domain whose only failures are policy fetches, nor of failures over a week old', () => {
    const old = { ...googleFailing, ...day('2026-11-20') };
    expect(evaluateTlsRptReports(inMode('testing'), [microsoftFetchError, old], NOW)).toEqual([]);
  });

  it('reports failures of an enforced domain with the top fix, and nothing once they are clean', () => {
    expect(evaluateTlsRptReports(inMode('enforce'), [googleFailing], NOW)).toEqual([
      {
        code: 'tlsrpt-failures',
        severity: 'warning',
        title: 'Senders report TLS failures under enforce',
        detail:
          'Reports of the last 7 days: 12 of 1012 sessions failed (most: certificate-host-mismatch), from Google Inc. (12); failing MX hosts: `mx2.example.com` (10), `mx1.example.com` (2).',
        fix: 'Under `mode: enforce` these senders do not deliver: Serve a certificate on `mx2.example.com` whose subjectAltName names that MX host; the one served names another host.',
      },
    ]);
    expect(evaluateTlsRptReports(inMode('enforce'), [storedReport(day('2026-11-29'))], NOW)).toEqual([]);
  });

  describe('ready-to-enforce', () => {
    const failedBefore = { ...googleFailing, reportId: 'f', ...day('2026-11-13') };
    const clean = [
      storedReport({ reportId: 'a', ...day('2026-11-14') }),
      storedReport({
        reportId: 'b',
        organization: 'Microsoft Corporation',
        ...day('2026-11-20'),
        summary: [summaryRow({ successful: 50 })],
      }),
      storedReport({ reportId: 'c', ...day('2026-11-29') }),
    ];

    it('gives the exact policy change after 14+ clean days from 2+ senders, counted from the last failure', () => {
      expect(evaluateTlsRptReports(inMode('testing'), [...clean, failedBefore], NOW)).toEqual([
        {
          code: 'ready-to-enforce',
          severity: 'info',
          title: 'Ready to enforce',
          detail:
            '250 sessions and no failure since 2026-11-14, reported by 2 senders (Google Inc., Microsoft Corporation). New policy: `version: STSv1` / `mode: enforce` / `mx: mx1.example.com` / `mx: mx2.example.com` / `max_age: 1209600`; then `_mta-sts.example.com TXT "v=STSv1; id=20261201120000"`.',
          fix: 'In `https://mta-sts.example.com/.well-known/mta-sts.txt` change `mode: testing` to `mode: enforce`, then publish a new id at `_mta-sts.example.com` so senders fetch it (the detail gives both).',
        },
      ]);
    });

    it('waits for a second sender, for 14 days, and for reports that reach the last three days', () => {
      expect(evaluateTlsRptReports(inMode('testing'), [clean[0]!, clean[2]!], NOW)).toEqual([]);
      expect(evaluateTlsRptReports(inMode('testing'), [clean[1]!, clean[2]!], NOW)).toEqual([]);
      const stale = [clean[0]!, clean[1]!, storedReport({ reportId: 'c', ...day('2026-11-27') })];
      expect(evaluateTlsRptReports(inMode('testing'), stale, NOW)).toEqual([]);
      expect(evaluateTlsRptReports(inMode('enforce'), clean, NOW)).toEqual([]);
    });
  });
});
