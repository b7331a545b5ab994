import type { FindingLine, FixBlock, NoticeMessage, ReportMessage } from '../../../src/chat/chat-message.js';

export function brokenReport(overrides: Partial<ReportMessage> = {}): ReportMessage {
  return {
    kind: 'report',
    domain: 'example.com',
    verdict: 'broken',
    tone: 'warning',
    headline: 'example.com — Broken',
    facts: [
      { label: 'Policy id', value: '`20240101`' },
      { label: 'Body', value: 'sha256 `3f2a9c1be07d…`' },
      { label: 'Mode', value: '`enforce`' },
      { label: 'max_age', value: '604800 s (7 days)' },
      { label: 'Certificate', value: 'expires 2 Dec 21:59 UTC (in 89 days)' },
      { label: 'TLS-RPT', value: '`mailto:***@example.com`' },
    ],
    summary: [],
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
    watch: true,
    policyFile: 'https://mta-sts.example.com/.well-known/mta-sts.txt',
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
    facts: ['Policy id', 'Body', 'Mode', 'max_age', 'Certificate', 'TLS-RPT'].map((label) => ({
      label,
      value: `\`${'v'.repeat(2000)}\``,
    })),
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

/** 60 findings' fixes, as a badly broken domain gets them: a sentence each, every third with a record to paste. */
export function sixtyFixes(): FixBlock[] {
  return Array.from({ length: 60 }, (_, i) => ({
    title: `Finding ${i + 1}: an MX host is not covered by the policy`,
    text: `Add \`mx: mx${i + 1}.example.com\` to the policy, then change the id of the TXT record at _mta-sts.example.com so senders fetch it again.`,
    ...(i % 3 === 0 ? { code: `v=STSv1; id=2024010${i % 10}\nmx: mx${i + 1}.example.com\n` } : {}),
  }));
}
