import type {
  ChangeKind,
  DigestCountKey,
  DigestDetail,
  DigestLine,
  DigestMessage,
} from '../../../src/chat/digest-message.js';

export function digestLine(domain: string, overrides: Partial<DigestLine> = {}): DigestLine {
  return {
    domain,
    verdict: 'enforced',
    mode: 'enforce',
    policyId: '20240101',
    shortHash: '3f2a1b2c3d4e',
    mxCoverage: { covered: 2, total: 2 },
    certDaysLeft: 45,
    timedOut: false,
    failed: false,
    changes: [],
    ...overrides,
  };
}

const unknown = {
  verdict: null,
  mode: null,
  policyId: null,
  shortHash: null,
  mxCoverage: null,
  certDaysLeft: null,
} as const;

export function brokenDetail(domain: string): DigestDetail {
  return {
    domain,
    findings: [
      {
        code: 'mx-mismatch',
        severity: 'error',
        title: 'An MX host is not covered by the policy',
        detail: 'mx2.elsewhere.net is not matched by any mx line, so senders in enforce mode will refuse it.',
        fix: 'Add "mx: mx2.elsewhere.net" to the policy and publish a new id.',
      },
      {
        code: 'tlsrpt-missing',
        severity: 'warning',
        title: 'No TLS-RPT record',
        detail: 'Nobody hears about failed deliveries.',
        fix: 'Publish v=TLSRPTv1; rua=mailto:tls@example.com at _smtp._tls.',
      },
    ],
  };
}

/** Counts and headline as the core derives them from the lines. */
export function digestOf(lines: DigestLine[], overrides: Partial<DigestMessage> = {}): DigestMessage {
  const counts: Record<DigestCountKey, number> = {
    enforced: 0,
    testing: 0,
    none: 0,
    'not-configured': 0,
    broken: 0,
    'timed-out': 0,
    failed: 0,
  };
  for (const line of lines) counts[line.verdict ?? (line.timedOut ? 'timed-out' : 'failed')] += 1;
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${n} ${key}`);
  const changed = lines.filter((line) => line.changes.length > 0).length;
  return {
    kind: 'digest',
    tone: counts.broken > 0 ? 'warning' : changed > 0 ? 'info' : 'good',
    headline: [`MTA-STS digest: ${lines.length} domains`, ...parts].join(' · '),
    counts,
    noChanges: changed === 0,
    intro:
      changed === 0
        ? 'No changes since the previous digest (2026-11-23 09:00 UTC).'
        : `${changed} domains changed since the previous digest (2026-11-23 09:00 UTC); listed first.`,
    lines,
    details: [],
    ...overrides,
  };
}

/** Two changed domains first (one broken), then a timed-out one, a healthy one and one without MTA-STS. */
export function sampleDigest(): DigestMessage {
  return digestOf(
    [
      digestLine('broken.example', {
        verdict: 'broken',
        mxCoverage: { covered: 1, total: 2 },
        certDaysLeft: 12,
        changes: [
          { kind: 'verdict-changed', text: 'verdict enforced → broken' },
          { kind: 'mx-uncovered', text: 'MX not covered by the policy: mx2.elsewhere.net' },
        ],
      }),
      digestLine('rollout.example', {
        verdict: 'testing',
        mode: 'testing',
        policyId: '20241102',
        changes: [{ kind: 'id-rotated', text: 'id rotated: 20241101 → 20241102' }],
      }),
      digestLine('slow.example', { ...unknown, timedOut: true }),
      digestLine('good.example', { certDaysLeft: -3 }),
      digestLine('bare.example', { ...unknown, verdict: 'not-configured' }),
    ],
    { details: [brokenDetail('broken.example')] },
  );
}

const KINDS: ChangeKind[] = [
  'verdict-changed',
  'id-rotated',
  'mode-flipped',
  'mx-added',
  'mx-removed',
  'mx-uncovered',
  'cert-renewed',
];

/** A label-and-digit domain of about `length` characters, unique by `i`; no markdown in it, so it shows as is. */
function domainOf(i: number, length: number): string {
  const base = `d${i}-`;
  const labels: string[] = [];
  let left = Math.max(base.length + 8, length - '.example'.length);
  while (left > 0) {
    const size = Math.min(63, left);
    labels.push((labels.length === 0 ? base : '').padEnd(size, String.fromCharCode(97 + ((i + labels.length) % 26))));
    left -= size + 1;
  }
  return `${labels.join('.')}.example`;
}

/**
 * `count` varied lines, as many a channel can watch: some domains 253 characters long, a tenth changed (some with
 * every kind of change and MX lists far past any line budget), every verdict, timed-out and failed scans.
 */
export function hugeDigest(count = 500): DigestMessage {
  const verdicts = ['enforced', 'testing', 'none', 'not-configured', 'broken'] as const;
  const lines = Array.from({ length: count }, (_, i): DigestLine => {
    const domain = domainOf(i, i % 25 === 0 ? 253 : 12 + ((i * 37) % 90));
    if (i % 41 === 0) return digestLine(domain, { ...unknown, timedOut: i % 2 === 0, failed: i % 2 !== 0 });
    const changes =
      i % 10 !== 0
        ? []
        : Array.from({ length: i % 30 === 0 ? 11 : 2 }, (_, k) => ({
            kind: KINDS[k % KINDS.length]!,
            text: `${KINDS[k % KINDS.length]}: ${Array.from({ length: 1 + (i % 40) }, (_, h) => `mx${h}.mail-${i}.example.net`).join(', ')}`,
          }));
    return digestLine(domain, {
      verdict: verdicts[i % verdicts.length]!,
      policyId: i % 13 === 0 ? `id${'9'.repeat(60)}${i}` : `2024${String(i).padStart(4, '0')}`,
      mxCoverage: { covered: i % 7, total: 6 + (i % 7) },
      certDaysLeft: (i % 200) - 20,
      changes,
    });
  });
  const changedFirst = [
    ...lines.filter((line) => line.changes.length > 0),
    ...lines.filter((line) => line.changes.length === 0),
  ];
  const details = changedFirst.filter((line) => line.verdict === 'broken').map((line) => brokenDetail(line.domain));
  return digestOf(changedFirst, { details });
}
