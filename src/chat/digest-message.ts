import type { FindingCode } from '../report/finding-codes.js';
import type { Severity, Verdict } from '../report/report.js';
import type { Tone } from './chat-message.js';

/** Stable kinds: adapters and users' scripts may key on these strings. Never rename one. */
export const CHANGE_KINDS = [
  'verdict-changed',
  'body-changed-without-id-rotation',
  'id-rotated',
  'mode-flipped',
  'mx-added',
  'mx-removed',
  'mx-uncovered',
  'cert-renewed',
  'cert-expiring',
  'tlsrpt-added',
  'tlsrpt-removed',
  'mx-cert-changed',
  'mx-gate-failing',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface DigestChange {
  kind: ChangeKind;
  /** Short plain text, e.g. "mode testing → enforce"; may hold remote bytes (MX names, ids). */
  text: string;
}

export interface DigestLine {
  domain: string;
  /** null when the domain timed out or its scan failed. */
  verdict: Verdict | null;
  mode: string | null;
  policyId: string | null;
  /** The policy body's sha256, first 12 hex digits. */
  shortHash: string | null;
  /** Live MX hosts the policy covers, of all live MX hosts; null when no policy is served. */
  mxCoverage: { covered: number; total: number } | null;
  /** Days until the policy host's certificate expires (negative once expired); null without one. */
  certDaysLeft: number | null;
  timedOut: boolean;
  failed: boolean;
  /** Since the previous digest; empty for a domain it did not include. */
  changes: DigestChange[];
  /** What the channel's TLS-RPT reports received since the previous digest say; absent when none arrived. */
  tlsrpt?: string;
}

/** For the thread under the digest: what is wrong with one broken domain and how to fix it. */
export interface DigestDetail {
  domain: string;
  findings: Array<{ code: FindingCode; severity: Severity; title: string; detail: string; fix: string }>;
}

export type DigestCountKey = Verdict | 'timed-out' | 'failed';

/** One channel's digest. Plain text throughout, possibly holding remote bytes: adapters escape every string. */
export interface DigestMessage {
  kind: 'digest';
  tone: Tone;
  /** e.g. "MTA-STS digest: 12 domains · 9 enforced · 1 testing · 1 broken · 1 timed out". */
  headline: string;
  counts: Record<DigestCountKey, number>;
  noChanges: boolean;
  /** One line for the top: no changes, how many changed, or that this is the channel's first digest. */
  intro: string;
  /** Domains with changes first, then the rest; within each, broken and unreachable ones first. */
  lines: DigestLine[];
  details: DigestDetail[];
}
