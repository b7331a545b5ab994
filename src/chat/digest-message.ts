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
  /** Short plain text, e.g. "mode testing → enforce"; hosts and ids (remote bytes) in `code` spans (inlineCode). */
  text: string;
}

export interface DigestLine {
  domain: string;
  /** null when the domain timed out or its scan failed. */
  verdict: Verdict | null;
  /** The policy's mode where the verdict does not already say it (a broken domain); null otherwise. */
  mode: string | null;
  /** With shortHash: shown by `watches`; a digest leaves both out (null), its changes name a rotated id. */
  policyId: string | null;
  /** The policy body's sha256, first 12 hex digits. */
  shortHash: string | null;
  /** Live MX hosts the policy covers, of all live MX hosts; null without a policy to match against (none, mode none). */
  mxCoverage: { covered: number; total: number } | null;
  /**
   * Days until the policy host's certificate expires (negative once expired); null without one. A digest keeps it
   * only when close (CERT_WARNING_DAYS or fewer); `watches` always.
   */
  certDaysLeft: number | null;
  timedOut: boolean;
  failed: boolean;
  /** Since the previous digest; empty for a domain it did not include. */
  changes: DigestChange[];
  /** What the channel's TLS-RPT reports received since the previous digest say; absent when none arrived. */
  tlsrpt?: string;
}

/** Unchanged healthy domains of one verdict, shown as one line of names rather than a line each. */
export interface DigestFold {
  verdict: Verdict;
  /** Plain text, e.g. "9 enforced, unchanged". */
  label: string;
  /** Every folded domain, by name; adapters show the first FOLD_NAMED and count the rest ("+N more"). */
  domains: string[];
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
  /**
   * The domains shown in full: changed first, then broken and unreachable ones, then the rest. In a digest, the
   * domains that need no attention are in `folded` instead; `watches` lists every domain here.
   */
  lines: DigestLine[];
  /** Unchanged healthy domains, one entry per verdict and kind of comparison; absent or empty: nothing folded. */
  folded?: DigestFold[];
  details: DigestDetail[];
}
