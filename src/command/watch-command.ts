import type { ChatMessage, NoticeMessage, Tone } from '../chat/chat-message.js';
import { type ChatText, command } from '../chat/chat-text.js';
import { STATUS_LABELS } from '../chat/status-labels.js';
import { DEFAULT_SCHEDULE } from '../digest/digest-schedule.js';
import type { Report } from '../report/report.js';
import type { WatchOutcome } from '../store/watch-store.js';
import type { CommandHooks, CommandRequest } from './command-handler.js';
import { describeNextDigest } from './describe-next-digest.js';
import { reportMessage, VERDICT_TONES } from './report-message.js';
import { channelOf, type WatchDeps } from './watch-deps.js';

/**
 * `watch <domain>…`: scans each domain like a check of `<domain>` (cache, quota, queue), then adds the watch. A refused
 * scan adds nothing, so every watched domain has a result to show in `watches`. One domain is answered with what
 * was done, then its report; several with one summary, a line per domain.
 */
export async function watchCommand(
  request: CommandRequest,
  domains: readonly string[],
  hooks: CommandHooks | undefined,
  deps: WatchDeps,
): Promise<ChatMessage> {
  const channel = channelOf(request);
  const outcomes: WatchedDomain[] = [];
  for (const domain of domains) {
    const scanned = await deps.gate.forUser(request, domain, hooks);
    if (!scanned.ok) {
      if (domains.length === 1) return scanned.refusal;
      outcomes.push({ domain, kind: 'refused', reason: scanned.refusal.text });
      continue;
    }
    const outcome = await deps.store.watch(channel, domain, deps.limits, new Date(deps.now()).toISOString());
    if (!outcome.ok) {
      if (domains.length === 1) return limitReached(domain, outcome);
      outcomes.push({ domain, kind: 'refused', reason: limitText(outcome) });
      continue;
    }
    outcomes.push({
      domain,
      kind: outcome.added ? 'added' : 'already',
      report: await deps.channelReport(channel, scanned.report),
      notes: scanned.notes,
    });
  }
  const now = new Date(deps.now());
  const next = describeNextDigest((await deps.store.schedule(channel)) ?? DEFAULT_SCHEDULE, now);
  const [only] = outcomes;
  if (outcomes.length === 1 && only !== undefined && only.kind !== 'refused') {
    const action = `${only.kind === 'added' ? 'Now watching' : 'Already watching'} ${only.domain} in this channel · ${next}`;
    return reportMessage(only.report, { now: now.getTime(), notes: only.notes, action });
  }
  return summary(outcomes, next);
}

type WatchedDomain =
  | { domain: string; kind: 'added' | 'already'; report: Report; notes: string[] }
  | { domain: string; kind: 'refused'; reason: ChatText };

/** Broken or refused first makes the whole summary amber; otherwise the calmest tone that is true of all. */
const TONE_RANK: Tone[] = ['warning', 'info', 'neutral', 'good'];

function summary(outcomes: readonly WatchedDomain[], next: string): NoticeMessage {
  const added = outcomes.filter((o) => o.kind === 'added').length;
  const watched = outcomes.filter((o) => o.kind !== 'refused').length;
  const head =
    watched === 0
      ? `Not watching any of these ${outcomes.length} domains`
      : `Watching ${watched} of these ${outcomes.length} domains in this channel (${added} new) · ${next}`;
  const lines = outcomes.map((o): ChatText => {
    if (o.kind === 'refused') return [`\n• ${o.domain}: not watched. `, ...o.reason];
    const findings = o.report.findings.filter((f) => f.severity !== 'info').length;
    const verdict = `\n• ${o.domain}: ${o.kind === 'added' ? 'now watched' : 'already watched'}, ${STATUS_LABELS[o.report.verdict]}`;
    if (findings === 0) return [verdict];
    return [`${verdict}, ${findings} finding${findings === 1 ? '' : 's'} (`, command(o.domain), ' shows them)'];
  });
  const tones = outcomes.map((o) => (o.kind === 'refused' ? 'warning' : VERDICT_TONES[o.report.verdict]));
  const tone = TONE_RANK.find((t) => tones.includes(t)) ?? 'neutral';
  return { kind: 'notice', code: 'watch-summary', tone, private: false, text: [head, ...lines.flat()] };
}

function limitText({ limit, max }: Extract<WatchOutcome, { ok: false }>, domain?: string): ChatText {
  const where = limit === 'perChannel' ? 'this channel' : 'this workspace (all its channels together)';
  const lead =
    domain === undefined ? `${where[0]!.toUpperCase()}${where.slice(1)}` : `Not watching ${domain}: ${where}`;
  return [`${lead} already watches ${max} domains, the limit. `, command('unwatch <domain>'), ' makes room.'];
}

function limitReached(domain: string, outcome: Extract<WatchOutcome, { ok: false }>): NoticeMessage {
  return { kind: 'notice', code: 'watch-limit', tone: 'warning', private: true, text: limitText(outcome, domain) };
}
