import type { Tone } from '../chat/chat-message.js';
import type {
  DigestChange,
  DigestCountKey,
  DigestDetail,
  DigestFold,
  DigestLine,
  DigestMessage,
} from '../chat/digest-message.js';
import { STATUS_LABELS } from '../chat/status-labels.js';
import { certDaysLeft } from '../report/cert-days-left.js';
import { VERDICTS, type Verdict } from '../report/report.js';
import type { DomainSnapshot, LastDigest } from '../store/watch-store.js';
import { formatDate } from '../text/format-date.js';
import { redactMailto } from '../text/redact-mailto.js';
import { CERT_WARNING_DAYS, digestChanges } from './digest-changes.js';
import type { DomainOutcome } from './run-digest.js';
import type { TlsRptLine } from './tlsrpt-digest-line.js';

export interface DigestContext {
  /** The channel's previous digest, to compare with; null for its first. */
  previous: LastDigest | null;
  /** When this digest is built. */
  now: Date;
  /** Per domain, its TLS-RPT line (see DigestLine.tlsrpt). */
  tlsrpt?: ReadonlyMap<string, TlsRptLine>;
}

/** How many domains a folded line names before "+N more". */
export const FOLD_NAMED = 8;

/** The digest of one channel from its scan outcomes. */
export function digestMessage(outcomes: DomainOutcome[], { previous, now, tlsrpt }: DigestContext): DigestMessage {
  const before = new Map(previous?.snapshots.map((snapshot) => [snapshot.domain, snapshot]));
  const lines: DigestLine[] = [];
  const quiet: DigestLine[] = [];
  for (const outcome of outcomes) {
    const line = briefLine(lineOf(outcome, before.get(outcome.domain), now));
    const report = tlsrpt?.get(outcome.domain);
    if (report === undefined) (needsAttention(line) ? lines : quiet).push(line);
    else (needsAttention(line) || report.attention ? lines : quiet).push({ ...line, tlsrpt: report.text });
  }
  lines.sort(byAttention);
  const counts = countLines([...lines, ...quiet]);
  const changed = lines.filter((line) => line.changes.length > 0).length;
  return {
    kind: 'digest',
    tone: toneOf(counts, changed, outcomes.length),
    headline: headlineOf(counts, outcomes.length),
    counts,
    noChanges: changed === 0,
    intro: introOf(previous, changed, now),
    lines,
    folded: foldsOf(quiet, previous === null ? null : before),
    details: outcomes.flatMap(detailOf),
  };
}

/**
 * A digest line leaves the id and hash to `watches`, and the certificate days to when they are close; not twice
 * when the line's cert-expiring change already says them.
 */
function briefLine(line: DigestLine): DigestLine {
  const close = line.certDaysLeft !== null && line.certDaysLeft <= CERT_WARNING_DAYS;
  const said = line.changes.some((change) => change.kind === 'cert-expiring');
  return { ...line, policyId: null, shortHash: null, certDaysLeft: close && !said ? line.certDaysLeft : null };
}

/** Changed, broken, unreachable, or a certificate close to its end (certDaysLeft kept by briefLine); else folded. */
function needsAttention(line: DigestLine): boolean {
  return line.changes.length > 0 || line.verdict === 'broken' || line.verdict === null || line.certDaysLeft !== null;
}

/**
 * Quiet domains by verdict, in the verdicts' order. Said to be unchanged only when compared: on a channel's first
 * digest there is nothing to compare with, and a domain the previous digest did not include is new to it.
 */
function foldsOf(quiet: DigestLine[], before: ReadonlyMap<string, DomainSnapshot> | null): DigestFold[] {
  const folds: DigestFold[] = [];
  for (const verdict of VERDICTS) {
    const ofVerdict = quiet.filter((line) => line.verdict === verdict).map((line) => line.domain);
    const groups: Array<[string, string[]]> =
      before === null
        ? [['', ofVerdict]]
        : [
            [', unchanged', ofVerdict.filter((domain) => before.has(domain))],
            [', new since the previous digest', ofVerdict.filter((domain) => !before.has(domain))],
          ];
    for (const [comparison, domains] of groups) {
      if (domains.length === 0) continue;
      const label = `${domains.length} ${STATUS_LABELS[verdict]}${comparison}`;
      folds.push({ verdict, label, domains: domains.sort(byName) });
    }
  }
  return folds;
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

/** The verdict each mode gives a healthy policy: a line names the mode only where the verdict does not. */
const VERDICT_OF_MODE: Record<string, Verdict> = { enforce: 'enforced', testing: 'testing', none: 'none' };

/** One domain's line from its recorded scan. */
export function recordLine(record: DomainSnapshot, now: Date, changes: DigestChange[]): DigestLine {
  return {
    domain: record.domain,
    verdict: record.verdict,
    mode: record.mode !== null && VERDICT_OF_MODE[record.mode] === record.verdict ? null : record.mode,
    policyId: record.policyId,
    shortHash: record.sha256?.slice(0, 12) ?? null,
    mxCoverage:
      record.sha256 === null || record.mode === 'none'
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
  return rank(a) - rank(b) || byName(a.domain, b.domain);
}

export function countLines(lines: DigestLine[]): Record<DigestCountKey, number> {
  const counts = Object.fromEntries([...VERDICTS, 'timed-out', 'failed'].map((key) => [key, 0])) as Record<
    DigestCountKey,
    number
  >;
  for (const line of lines) counts[line.verdict ?? (line.timedOut ? 'timed-out' : 'failed')] += 1;
  return counts;
}

/** "3 enforced · 1 broken …": the non-zero counts, in a fixed order. */
export function tallyOf(counts: Record<DigestCountKey, number>): string[] {
  return (Object.keys(STATUS_LABELS) as DigestCountKey[])
    .filter((key) => counts[key] > 0)
    .map((key) => `${counts[key]} ${STATUS_LABELS[key]}`);
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

function introOf(previous: LastDigest | null, changed: number, now: Date): string {
  if (previous === null) return 'First digest for this channel: from the next one on, changes are listed first.';
  const since = `since the previous digest (${formatDate(previous.at, now)})`;
  if (changed === 0) return `No changes ${since}.`;
  return `${changed} ${changed === 1 ? 'domain' : 'domains'} changed ${since}; listed first.`;
}
