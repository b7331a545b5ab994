import type { NoticeMessage, ReportMessage } from '../../../src/command/chat-message.js';

export function brokenReport(overrides: Partial<ReportMessage> = {}): ReportMessage {
  return {
    kind: 'report',
    domain: 'example.com',
    verdict: 'broken',
    tone: 'warning',
    headline: 'example.com — Broken',
    summary: ['Policy id 20240101 · mode enforce · max_age 604800', 'TLS-RPT: mailto:***@example.com'],
    mxTable: [
      { host: 'mx1.example.com', priority: 10, matchedBy: 'mx1.example.com' },
      { host: 'mx2.elsewhere.net', priority: 20, matchedBy: null },
    ],
    findings: [
      {
        code: 'mx-mismatch',
        severity: 'error',
        title: 'An MX host is not covered by the policy',
        detail: 'mx2.elsewhere.net is not matched by any mx: line, so senders in enforce mode will refuse it.',
      },
    ],
    fixes: [
      { title: 'Add the MX host to the policy', text: 'Publish this policy body:', code: 'version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: mx2.elsewhere.net\nmax_age: 604800' },
      { title: 'Change the policy id', text: 'Publish this TXT record at _mta-sts.example.com:', code: 'v=STSv1; id=20240102' },
    ],
    rescan: true,
    ...overrides,
  };
}

export function enforcedReport(): ReportMessage {
  return brokenReport({ verdict: 'enforced', tone: 'good', headline: 'example.com — Enforced', findings: [], fixes: [] });
}

export function refusal(): NoticeMessage {
  return { kind: 'notice', tone: 'neutral', text: 'You have used your 3 scans; try again in 7 minutes.', private: true };
}
