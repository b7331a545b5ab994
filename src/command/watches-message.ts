import type { NoticeMessage } from '../chat/chat-message.js';
import { command } from '../chat/chat-text.js';
import type { DigestMessage } from '../chat/digest-message.js';
import { byAttention, countLines, domainCount, recordLine, tallyOf, toneOf } from '../digest/digest-message.js';
import { describeSchedule } from '../digest/digest-schedule.js';
import type { ScanRecord } from '../store/scan-history.js';
import type { DigestSchedule } from '../store/watch-store.js';
import { describeNextDigest } from './describe-next-digest.js';

export interface WatchedDomain {
  domain: string;
  /** The domain's most recent scan, or null when it was never scanned. */
  latest: ScanRecord | null;
}

const UNSCANNED_NAMED = 5;

/** `watches` in the digest's shape, from each domain's latest recorded scan: no changes and no details. */
export function watchesMessage(watched: WatchedDomain[], schedule: DigestSchedule, now: Date): DigestMessage {
  const lines = watched
    .flatMap(({ latest }) => (latest === null ? [] : [recordLine(latest, now, [])]))
    .sort(byAttention);
  const unscanned = watched.filter(({ latest }) => latest === null).map(({ domain }) => domain);
  const counts = countLines(lines);
  const total = domainCount(watched.length);
  const tally = tallyOf(counts);
  if (unscanned.length > 0) tally.push(`${unscanned.length} not yet scanned`);
  const when = schedule.every === 'off' ? [] : [`digest ${describeSchedule(schedule)}`];
  const intro = [
    `Watching ${total}`,
    ...when,
    describeNextDigest(schedule, now),
    'verdicts from each domain’s latest scan',
  ];
  if (unscanned.length > 0) intro.push(`not yet scanned: ${named(unscanned)}`);
  return {
    kind: 'digest',
    tone: toneOf(counts, 0, watched.length),
    headline: [`MTA-STS watches: ${total}`, ...tally].join(' · '),
    counts,
    noChanges: true,
    intro: intro.join(' · '),
    lines,
    details: [],
  };
}

export function noWatchesNotice(): NoticeMessage {
  return {
    kind: 'notice',
    code: 'no-watches',
    tone: 'neutral',
    private: true,
    text: [
      'This channel watches no domains yet. ',
      command('watch example.com'),
      ' adds one; its digest then goes out daily at 09:00 UTC unless ',
      command('digest'),
      ' says otherwise.',
    ],
  };
}

function named(domains: string[]): string {
  const shown = domains.slice(0, UNSCANNED_NAMED).join(', ');
  return domains.length > UNSCANNED_NAMED ? `${shown} and ${domains.length - UNSCANNED_NAMED} more` : shown;
}
