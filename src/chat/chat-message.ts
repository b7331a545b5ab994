import type { FindingCode } from '../report/finding-codes.js';
import type { Severity, Verdict } from '../report/report.js';
import type { ChatText } from './chat-text.js';
import type { DigestMessage } from './digest-message.js';
import type { NoticeCode } from './notice-code.js';

/**
 * The platform-neutral message model every chat adapter renders. All strings are plain text, possibly holding
 * remote (hostile) bytes: adapters escape every string for their platform and add their own formatting.
 */

/** enforced good (green), testing info (blue), none/not-configured neutral (grey), broken warning (amber). */
export type Tone = 'good' | 'info' | 'neutral' | 'warning';

export interface MxTableRow {
  host: string;
  priority: number;
  /** The policy pattern covering this host, or null (shown as ✗ when the report has a policy to match against). */
  matchedBy: string | null;
  /** The sender's gate at this host in a few words (see gateSummary). */
  gate: string;
  /** Whether the gate passes; null when not probed or not reached. */
  gateOk: boolean | null;
}

export interface FindingLine {
  code: FindingCode;
  severity: Severity;
  title: string;
  detail: string;
}

/** A fix to post in the thread: a heading, a sentence, and optionally a block to paste verbatim. */
export interface FixBlock {
  title: string;
  text: string;
  code?: string;
}

/** One key fact shown as a labelled field, two to a row ("Policy id" beside "Body", "Mode" beside "max_age"). */
export interface ReportFact {
  label: string;
  value: string;
}

export interface ReportMessage {
  kind: 'report';
  domain: string;
  verdict: Verdict;
  tone: Tone;
  /** What the command did, shown before the report, e.g. "Now watching example.com in this channel · …". */
  action?: string;
  /** One line, e.g. "example.com — Enforced". */
  headline: string;
  /** Key facts in pairs: policy id and body hash, mode and max_age, certificate and TLS-RPT. */
  facts: ReportFact[];
  /** Short lines besides the facts: nothing published, cache and queue notes. */
  summary: string[];
  mxTable: MxTableRow[];
  /** False without a usable policy (none served, mode none, unreadable, refused): MX rows then show no ✓/✗. */
  policyToMatch: boolean;
  findings: FindingLine[];
  /** Thread content; empty when the result is healthy (nothing to fix). */
  fixes: FixBlock[];
  /** Offer a "Rescan" action for this domain. */
  rescan: boolean;
  /** Offer a "Watch" action (runs `watch <domain>` for the channel); false once the answer is itself a watch. */
  watch: boolean;
  /** https://mta-sts.<domain>/.well-known/mta-sts.txt for an "Open policy file" link; null unless a valid domain. */
  policyFile: string | null;
}

/** Help, usage errors, rate-limit refusals and other short answers. */
export interface NoticeMessage {
  kind: 'notice';
  /** What the notice says, for a caller to branch on: stable, unlike its words. */
  code: NoticeCode;
  tone: Tone;
  /** Plain text, with the commands it names kept apart so each platform writes them in its own syntax. */
  text: ChatText;
  /** Show only to the requesting user where the platform can (Slack ephemeral, Discord ephemeral flag). */
  private: boolean;
}

export type ChatMessage = ReportMessage | NoticeMessage | DigestMessage;
