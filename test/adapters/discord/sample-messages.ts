import type { FindingLine, NoticeMessage, ReportMessage } from '../../../src/chat/chat-message.js';

export function brokenReport(overrides: Partial<ReportMessage> = {}): ReportMessage {
  return {
    kind: 'report',
    domain: 'example.com',
    verdict: 'broken',
    tone: 'warning',
    headline: 'example.com — Broken',
    summary: [
      'Policy id 20240101 beside body sha256 3f2a…',
      'mode enforce · max_age 604800',
      'TLS-RPT: mailto:***@example.com',
    ],
    mxTable: [
      {
        host: 'mx1.example.com',
        priority: 10,
        matchedBy: 'mx1.example.com',
        gate: 'STARTTLS TLSv1.3, cert ok, 89 days',
        gateOk: true,
      },
      {
        host: 'mx2.elsewhere.net',
        priority: 20,
        matchedBy: null,
        gate: 'STARTTLS TLSv1.3, cert ok, 89 days',
        gateOk: true,
      },
    ],
    policyToMatch: true,
    findings: [
      {
        code: 'mx-mismatch',
        severity: 'error',
        title: 'An MX host is not covered by the policy',
        detail: 'mx2.elsewhere.net is not matched by any mx line, so senders in enforce mode will refuse it.',
      },
    ],
    fixes: [
      {
        title: 'Add the MX host to the policy',
        text: 'Serve this policy body at https://mta-sts.example.com/.well-known/mta-sts.txt:',
        code: 'version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: mx2.elsewhere.net\nmax_age: 604800',
      },
      {
        title: 'Change the policy id',
        text: 'Publish this TXT record at _mta-sts.example.com:',
        code: 'v=STSv1; id=20240102',
      },
    ],
    rescan: true,
    ...overrides,
  };
}

export function enforcedReport(): ReportMessage {
  return brokenReport({
    verdict: 'enforced',
    tone: 'good',
    headline: 'example.com — Enforced',
    findings: [],
    fixes: [],
  });
}

export function refusal(): NoticeMessage {
  return {
    kind: 'notice',
    code: 'rate-limited',
    tone: 'neutral',
    text: ['You have used your 3 scans; try again in 7 minutes.'],
    private: true,
  };
}

/** A report as big as a hostile or huge deployment can make it: 300 MX hosts and 40 long findings. */
export function hugeReport(): ReportMessage {
  const findings: FindingLine[] = Array.from({ length: 40 }, (_, i) => ({
    code: 'mx-mismatch',
    severity: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info',
    title: `Finding ${i} ${'t'.repeat(300)}`,
    detail: `Detail ${i} ${'d'.repeat(2000)}`,
  }));
  return brokenReport({
    headline: `${'h'.repeat(400)}.example — Broken`,
    summary: Array.from({ length: 50 }, (_, i) => `summary line ${i} ${'s'.repeat(200)}`),
    mxTable: Array.from({ length: 300 }, (_, i) => ({
      host: `mx${i}.${'m'.repeat(60)}.example.com`,
      priority: i,
      matchedBy: i % 2 === 0 ? `*.${'m'.repeat(60)}.example.com` : null,
      gate: 'STARTTLS TLSv1.2, cert untrusted + wrong name + expired, -3 days',
      gateOk: false,
    })),
    findings,
    fixes: findings.map((finding) => ({ title: finding.title, text: finding.detail, code: 'x'.repeat(5000) })),
  });
}
