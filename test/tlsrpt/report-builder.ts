import { readFileSync } from 'node:fs';
import type { TlsRptResult } from '../../src/tlsrpt/tlsrpt-report.js';

/** A corpus file's bytes. */
export function corpus(name: string): Buffer {
  return readFileSync(new URL(`./corpus/${name}`, import.meta.url));
}

/** The bytes of a small well-formed report, with top-level members replaced or added by `overrides`. */
export function reportBytes(overrides: Record<string, unknown> = {}): Buffer {
  return Buffer.from(JSON.stringify(reportJson(overrides)));
}

export function reportJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'organization-name': 'Sender Inc.',
    'date-range': { 'start-datetime': '2026-11-30T00:00:00Z', 'end-datetime': '2026-11-30T23:59:59Z' },
    'contact-info': 'tlsrpt@sender.example',
    'report-id': 'r-1',
    policies: [stsEntry()],
    ...overrides,
  };
}

/** One sts policy entry for example.com: 10 successful, 1 failed on mx.example.com. */
export function stsEntry(
  overrides: { policy?: object; summary?: object; 'failure-details'?: unknown } = {},
): Record<string, unknown> {
  return {
    policy: {
      'policy-type': 'sts',
      'policy-string': ['version: STSv1', 'mode: testing', 'mx: mx.example.com', 'max_age: 86400'],
      'policy-domain': 'example.com',
      ...overrides.policy,
    },
    summary: { 'total-successful-session-count': 10, 'total-failure-session-count': 1, ...overrides.summary },
    'failure-details': overrides['failure-details'] ?? [
      {
        'result-type': 'certificate-expired',
        'sending-mta-ip': '192.0.2.1',
        'receiving-mx-hostname': 'mx.example.com',
        'failed-session-count': 1,
      },
    ],
  };
}

/** What corpus/google.json reads as, worked out by hand from the file. */
export const GOOGLE_SUMMARY: TlsRptResult = {
  accepted: true,
  report: {
    organization: 'Google Inc.',
    reportId: '2026-11-30T00:00:00Z_example.com',
    contactInfo: 'smtp-tls-reporting@google.com',
    start: '2026-11-30T00:00:00.000Z',
    end: '2026-11-30T23:59:59.000Z',
    policyCount: 1,
  },
  summary: [
    {
      policyDomain: 'example.com',
      policyType: 'sts',
      modes: ['testing'],
      mxPatterns: ['mx1.example.com', '*.backup.example.com'],
      successful: 1840,
      failed: 7,
      failuresByResultType: { 'certificate-expired': 5, 'certificate-host-mismatch': 2 },
      failingMxHosts: { 'mx1.example.com': 5, 'mx2.example.com': 2 },
      sendingMtas: { '(unknown)': 5, '209.85.220.41': 2 },
      uncoveredFailingMxHosts: ['mx2.example.com'],
    },
  ],
  warnings: [],
};
