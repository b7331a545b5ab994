import type { DigestCountKey, DigestLine } from './digest-message.js';

/** A digest line's state: the domain's verdict, or why there is none. */
export type LineStatus = DigestCountKey;

export function lineStatus(line: DigestLine): LineStatus {
  return line.verdict ?? (line.timedOut ? 'timed-out' : 'failed');
}

/** The state in a word or two, the same on every platform ("enforced · mode enforce · …"). */
export const STATUS_LABELS: Record<LineStatus, string> = {
  enforced: 'enforced',
  testing: 'testing',
  none: 'mode none',
  'not-configured': 'not configured',
  broken: 'broken',
  'timed-out': 'timed out',
  failed: 'scan failed',
};
