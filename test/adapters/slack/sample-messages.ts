import type { FixBlock, NoticeMessage, ReportMessage } from '../../../src/chat/chat-message.js';
import type { DigestLine, DigestMessage } from '../../../src/chat/digest-message.js';

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
        detail: 'mx2.elsewhere.net is not matched by any mx: line, so senders in enforce mode will refuse it.',
      },
    ],
    fixes: [
      {
        title: 'Add the MX host to the policy',
        text: 'Publish this policy body:',
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

/** 60 findings' fixes, as a badly broken domain gets them: a sentence each, every third with a record to paste. */
export function sixtyFixes(): FixBlock[] {
  return Array.from({ length: 60 }, (_, i) => ({
    title: `Finding ${i + 1}: an MX host is not covered by the policy`,
    text: `Add \`mx: mx${i + 1}.example.com\` to the policy, then change the id of the TXT record at _mta-sts.example.com so senders fetch it again.`,
    ...(i % 3 === 0 ? { code: `v=STSv1; id=2024010${i % 10}\nmx: mx${i + 1}.example.com\n` } : {}),
  }));
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

/** No MTA-STS yet: one MX host, no policy to match it against, the setup as the thread. */
export function notConfiguredReport(overrides: Partial<ReportMessage> = {}): ReportMessage {
  return brokenReport({
    verdict: 'not-configured',
    tone: 'neutral',
    headline: 'example.com — Not configured',
    findings: [],
    policyToMatch: false,
    mxTable: [
      {
        host: 'mx1.example.com',
        priority: 10,
        matchedBy: null,
        gate: 'STARTTLS TLSv1.3, cert ok, 89 days',
        gateOk: true,
      },
    ],
    fixes: [
      { title: 'TXT record at _mta-sts.example.com', text: 'Publish this record.', code: 'v=STSv1; id=20240102' },
    ],
    ...overrides,
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

export function digestLine(overrides: Partial<DigestLine> = {}): DigestLine {
  return {
    domain: 'example.com',
    verdict: 'enforced',
    mode: 'enforce',
    policyId: '20240101',
    shortHash: '0123456789ab',
    mxCoverage: { covered: 2, total: 2 },
    certDaysLeft: 45,
    timedOut: false,
    failed: false,
    changes: [],
    ...overrides,
  };
}

/** Three domains: one broken that changed since the previous digest, one healthy, one that timed out. */
export function sampleDigest(overrides: Partial<DigestMessage> = {}): DigestMessage {
  return {
    kind: 'digest',
    tone: 'warning',
    headline: 'MTA-STS digest: 3 domains · 1 enforced · 1 broken · 1 timed out',
    counts: { enforced: 1, testing: 0, none: 0, 'not-configured': 0, broken: 1, 'timed-out': 1, failed: 0 },
    noChanges: false,
    intro: '1 domain changed since the previous digest (2024-06-02 09:00 UTC); listed first.',
    lines: [
      digestLine({
        domain: 'broken.example',
        verdict: 'broken',
        mxCoverage: { covered: 1, total: 2 },
        changes: [
          { kind: 'verdict-changed', text: 'verdict enforced → broken' },
          { kind: 'mx-added', text: 'MX added: mx2.elsewhere.net' },
        ],
      }),
      digestLine({ domain: 'good.example' }),
      digestLine({
        domain: 'slow.example',
        verdict: null,
        mode: null,
        policyId: null,
        shortHash: null,
        mxCoverage: null,
        certDaysLeft: null,
        timedOut: true,
      }),
    ],
    details: [
      {
        domain: 'broken.example',
        findings: [
          {
            code: 'mx-mismatch',
            severity: 'error',
            title: 'MX not covered by policy',
            detail: 'mx2.elsewhere.net is not matched by any mx: line.',
            fix: 'Add "mx: mx2.elsewhere.net" to the policy, then change the TXT id.',
          },
        ],
      },
    ],
    ...overrides,
  };
}

const VERDICT_CYCLE: Array<DigestLine['verdict']> = ['enforced', 'testing', 'none', 'not-configured', 'broken', null];

/**
 * A digest of `count` distinct domains, varied and long: every seventh domain is 253 characters, every fifth has
 * up to eight long changes holding characters that grow when escaped, and broken ones have several findings.
 */
export function largeDigest(count: number): DigestMessage {
  const lines = Array.from({ length: count }, (_, i): DigestLine => {
    const verdict = VERDICT_CYCLE[i % VERDICT_CYCLE.length]!;
    const domain =
      i % 7 === 0
        ? `d${String(i).padStart(4, '0')}-${'a'.repeat(57)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'e'.repeat(57)}.com`
        : `domain-${i}.example.org`;
    const changes =
      i % 5 === 0
        ? Array.from({ length: 1 + (i % 8) }, (_, c) => ({
            kind: 'mx-added' as const,
            text: `MX added: ${Array.from({ length: 20 }, (_, h) => `mx${c}-${h}&<x>.${domain}`).join(', ')}`,
          }))
        : [];
    return digestLine({
      domain,
      verdict,
      mode:
        verdict === null || verdict === 'not-configured'
          ? null
          : verdict === 'broken' || verdict === 'enforced'
            ? 'enforce'
            : verdict,
      policyId: verdict === null ? null : `${'Z'.repeat(24)}${String(i).padStart(8, '0')}`,
      mxCoverage: verdict === null ? null : { covered: i % 3, total: 2 + (i % 3) },
      certDaysLeft: verdict === null ? null : (i % 200) - 20,
      timedOut: verdict === null && i % 2 === 0,
      failed: verdict === null && i % 2 === 1,
      changes,
    });
  });
  lines.sort((a, b) => Number(b.changes.length > 0) - Number(a.changes.length > 0));
  const broken = lines.filter((line) => line.verdict === 'broken');
  return sampleDigest({
    headline: `MTA-STS digest: ${count} domains`,
    lines,
    details: broken.map((line, i) => ({
      domain: line.domain,
      findings: Array.from({ length: 1 + (i % 4) }, (_, f) => ({
        code: 'mx-mismatch' as const,
        severity: 'error' as const,
        title: `Finding ${f} of ${line.domain}`,
        detail: `Detail & <more> `.repeat(20 + f * 40),
        fix: `Fix ${f}: `.repeat(30),
      })),
    })),
  });
}
