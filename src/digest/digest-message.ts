import type { Tone } from '../chat/chat-message.js';
import type { DigestChange, DigestCountKey, DigestDetail, DigestLine, DigestMessage } from '../chat/digest-message.js';
import { certDaysLeft } from '../report/cert-days-left.js';
import { VERDICTS } from '../report/report.js';
import type { DomainSnapshot, LastDigest } from '../store/watch-store.js';
import { redactMailto } from '../text/redact-mailto.js';
import { digestChanges } from './digest-changes.js';
import type { DomainOutcome } from './run-digest.js';

export interface DigestContext {
  /** The channel's previous digest, to compare with; null for its first. */
  previous: LastDigest | null;
  /** When this digest is built. */
  now: Date;
  /** Per domain, its TLS-RPT line (see DigestLine.tlsrpt). */
  tlsrpt?: ReadonlyMap<string, string>;
}

/** The digest of one channel from its scan outcomes. */
export function digestMessage(outcomes: DomainOutcome[], { previous, now, tlsrpt }: DigestContext): DigestMessage {
  const before = new Map(previous?.snapshots.map((snapshot) => [snapshot.domain, snapshot]));
  const lines = outcomes
    .map((outcome) => withTlsRpt(lineOf(outcome, before.get(outcome.domain), now), tlsrpt?.get(outcome.domain)))
    .sort(byAttention);
  const counts = countLines(lines);
  const changed = lines.filter((line) => line.changes.length > 0).length;
  return {
    kind: 'digest',
    tone: toneOf(counts, changed, lines.length),
    headline: headlineOf(counts, lines.length),
    counts,
    noChanges: changed === 0,
    intro: introOf(previous, changed),
    lines,
    details: outcomes.flatMap(detailOf),
  };
}

function withTlsRpt(line: DigestLine, tlsrpt: string | undefined): DigestLine {
  return tlsrpt === undefined ? line : { ...line, tlsrpt };
}

function detailOf(outcome: DomainOutcome): DigestDetail[] {
  if (outcome.status !== 'scanned' || outcome.snapshot.verdict !== 'broken') return [];
  const findings = outcome.findings.map(({ code, severity, title, detail, fix }) => ({
    code,
    severity,
    title: redactMailto(title),
    detail: redactMailto(detail),
    fix, // ours, meant to be pasted: its mailbox is a visible placeholder, never redacted
  }));
  return [{ domain: outcome.domain, findings }];
}

function lineOf(outcome: DomainOutcome, previous: DomainSnapshot | undefined, now: Date): DigestLine {
  if (outcome.status !== 'scanned') {
    const none = {
      verdict: null,
      mode: null,
      policyId: null,
      shortHash: null,
      mxCoverage: null,
      certDaysLeft: null,
      changes: [],
    };
    return {
      domain: outcome.domain,
      ...none,
      timedOut: outcome.status === 'timed-out',
      failed: outcome.status === 'failed',
    };
  }
  return recordLine(outcome.snapshot, now, previous === undefined ? [] : digestChanges(previous, outcome.snapshot));
}

/** One domain's line from its recorded scan. */
export function recordLine(record: DomainSnapshot, now: Date, changes: DigestChange[]): DigestLine {
  return {
    domain: record.domain,
    verdict: record.verdict,
    mode: record.mode,
    policyId: record.policyId,
    shortHash: record.sha256?.slice(0, 12) ?? null,
    mxCoverage:
      record.sha256 === null
        ? null
        : { covered: record.mx.length - record.uncoveredMx.length, total: record.mx.length },
    certDaysLeft: certDaysLeft(record.certNotAfter, now),
    timedOut: false,
    failed: false,
    changes,
  };
}

/** Changed domains first, then broken or unreachable ones, then by name. */
export function byAttention(a: DigestLine, b: DigestLine): number {
  const rank = (line: DigestLine): number =>
    (line.changes.length > 0 ? 0 : 2) + (line.verdict === 'broken' || line.verdict === null ? 0 : 1);
  return rank(a) - rank(b) || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0);
}

export function countLines(lines: DigestLine[]): Record<DigestCountKey, number> {
  const counts = Object.fromEntries([...VERDICTS, 'timed-out', 'failed'].map((key) => [key, 0])) as Record<
    DigestCountKey,
    number
  >;
  for (const line of lines) counts[line.verdict ?? (line.timedOut ? 'timed-out' : 'failed')] += 1;
  return counts;
}

const COUNT_LABELS: Record<DigestCountKey, string> = {
  enforced: 'enforced',
  testing: 'testing',
  none: 'mode none',
  'not-configured': 'not configured',
  broken: 'broken',
  'timed-out': 'timed out',
  failed: 'scan failed',
};

/** "3 enforced · 1 broken …": the non-zero counts, in a fixed order. */
export function tallyOf(counts: Record<DigestCountKey, number>): string[] {
  return (Object.keys(COUNT_LABELS) as DigestCountKey[])
    .filter((key) => counts[key] > 0)
    .map((key) => `${counts[key]} ${COUNT_LABELS[key]}`);
}

function headlineOf(counts: Record<DigestCountKey, number>, total: number): string {
  return [`MTA-STS digest: ${domainCount(total)}`, ...tallyOf(counts)].join(' · ');
}

export function domainCount(total: number): string {
  return `${total} ${total === 1 ? 'domain' : 'domains'}`;
}

export function toneOf(counts: Record<DigestCountKey, number>, changed: number, total: number): Tone {
  if (counts.broken + counts['timed-out'] + counts.failed > 0) return 'warning';
  if (changed > 0) return 'info';
  return total > 0 && counts.enforced === total ? 'good' : 'neutral';
}

function introOf(previous: LastDigest | null, changed: number): string {
  if (previous === null) return 'First digest for this channel: from the next one on, changes are listed first.';
  const since = `since the previous digest (${previous.at.slice(0, 16).replace('T', ' ')} UTC)`;
  if (changed === 0) return `No changes ${since}.`;
  return `${changed} ${changed === 1 ? 'domain' : 'domains'} changed ${since}; listed first.`;
}
