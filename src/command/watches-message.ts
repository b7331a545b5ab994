import { certDaysLeft } from '../digest/cert-days-left.js';
import type { DigestCountKey, DigestLine, DigestMessage } from '../digest/digest-message.js';
import { describeSchedule } from '../digest/digest-schedule.js';
import type { FindingCode } from '../report/finding-codes.js';
import { VERDICTS, type Verdict } from '../report/report.js';
import type { ScanRecord } from '../store/scan-history.js';
import type { DigestSchedule } from '../store/watch-store.js';
import type { NoticeMessage, Tone } from './chat-message.js';
import { describeNextDigest } from './describe-next-digest.js';

export interface WatchedDomain {
  domain: string;
  /** The domain's most recent scan, or null when it was never scanned. */
  latest: ScanRecord | null;
}

const MX_CODES: readonly FindingCode[] = ['mx-mismatch', 'mx-wildcard-missing'];
const UNSCANNED_NAMED = 5;
const LABELS: Record<Verdict, string> = { enforced: 'enforced', testing: 'testing', none: 'mode none', 'not-configured': 'not configured', broken: 'broken' };

/**
 * `watches` in the digest's shape, from each domain's latest recorded scan: no changes and no details. A record
 * keeps no per-host coverage, so MX coverage is shown only when the scan found every MX host covered.
 */
export function watchesMessage(watched: WatchedDomain[], schedule: DigestSchedule, now: Date): DigestMessage {
  const lines = watched.flatMap(({ latest }) => (latest === null ? [] : [lineOf(latest, now)])).sort(brokenFirst);
  const unscanned = watched.filter(({ latest }) => latest === null).map(({ domain }) => domain);
  const counts = Object.fromEntries([...VERDICTS, 'timed-out', 'failed'].map((key) => [key, 0])) as Record<DigestCountKey, number>;
  for (const { latest } of watched) if (latest !== null) counts[latest.verdict] += 1;

  const total = `${watched.length} ${watched.length === 1 ? 'domain' : 'domains'}`;
  const tally = VERDICTS.filter((verdict) => counts[verdict] > 0).map((verdict) => `${counts[verdict]} ${LABELS[verdict]}`);
  if (unscanned.length > 0) tally.push(`${unscanned.length} not yet scanned`);
  const when = schedule.every === 'off' ? [] : [`digest ${describeSchedule(schedule)}`];
  const intro = [`Watching ${total}`, ...when, describeNextDigest(schedule, now), 'verdicts from each domain’s latest scan'];
  if (unscanned.length > 0) intro.push(`not yet scanned: ${named(unscanned)}`);
  return {
    kind: 'digest',
    tone: toneOf(counts, lines.length, unscanned.length),
    headline: [`MTA-STS watches: ${total}`, ...tally].join(' · '),
    counts,
    noChanges: true,
    intro: intro.join(' · '),
    lines,
    details: [],
  };
}

/** An empty channel's answer to `watches` and `digest now`. */
export function noWatchesNotice(): NoticeMessage {
  return {
    kind: 'notice',
    tone: 'neutral',
    private: true,
    text: 'This channel watches no domains yet. `/mtasts watch example.com` adds one; its digest then goes out daily at 09:00 UTC unless `/mtasts digest` says otherwise.',
  };
}

function lineOf(record: ScanRecord, now: Date): DigestLine {
  const allCovered = record.sha256 !== null && !record.codes.some((code) => (MX_CODES as readonly string[]).includes(code));
  return {
    domain: record.domain,
    verdict: record.verdict,
    mode: record.mode,
    policyId: record.policyId,
    shortHash: record.sha256?.slice(0, 12) ?? null,
    mxCoverage: allCovered ? { covered: record.mx.length, total: record.mx.length } : null,
    certDaysLeft: certDaysLeft(record.certNotAfter, now),
    timedOut: false,
    failed: false,
    changes: [],
  };
}

function brokenFirst(a: DigestLine, b: DigestLine): number {
  const rank = (line: DigestLine): number => (line.verdict === 'broken' ? 0 : 1);
  return rank(a) - rank(b) || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0);
}

function toneOf(counts: Record<DigestCountKey, number>, scanned: number, unscanned: number): Tone {
  if (counts.broken > 0) return 'warning';
  return unscanned === 0 && counts.enforced === scanned ? 'good' : 'neutral';
}

function named(domains: string[]): string {
  const shown = domains.slice(0, UNSCANNED_NAMED).join(', ');
  return domains.length > UNSCANNED_NAMED ? `${shown} and ${domains.length - UNSCANNED_NAMED} more` : shown;
}
