import type { ChatMessage, NoticeMessage } from '../chat/chat-message.js';
import { command } from '../chat/chat-text.js';
import { DEFAULT_SCHEDULE } from '../digest/digest-schedule.js';
import type { WatchOutcome } from '../store/watch-store.js';
import type { CommandHooks, CommandRequest } from './command-handler.js';
import { describeNextDigest } from './describe-next-digest.js';
import { reportMessage } from './report-message.js';
import { channelOf, type WatchDeps } from './watch-deps.js';

/**
 * `watch <domain>`: scans like a check of `<domain>` (cache, quota, queue), then adds the watch. A refused scan
 * adds nothing, so every watched domain has a result to show in `watches`.
 */
export async function watchCommand(
  request: CommandRequest,
  domain: string,
  hooks: CommandHooks | undefined,
  deps: WatchDeps,
): Promise<ChatMessage> {
  const scanned = await deps.gate.forUser(request, domain, hooks);
  if (!scanned.ok) return scanned.refusal;
  const channel = channelOf(request);
  const now = new Date(deps.now());
  const outcome = await deps.store.watch(channel, domain, deps.limits, now.toISOString());
  if (!outcome.ok) return limitReached(domain, outcome);
  const schedule = (await deps.store.schedule(channel)) ?? DEFAULT_SCHEDULE;
  const note = `${outcome.added ? 'Now watching' : 'Already watching'} ${domain} in this channel · ${describeNextDigest(schedule, now)}`;
  const report = await deps.channelReport(channel, scanned.report);
  return reportMessage(report, { now: now.getTime(), notes: [...scanned.notes, note] });
}

function limitReached(domain: string, { limit, max }: Extract<WatchOutcome, { ok: false }>): NoticeMessage {
  const where = limit === 'perChannel' ? 'this channel' : 'this workspace (all its channels together)';
  return {
    kind: 'notice',
    code: 'watch-limit',
    tone: 'warning',
    private: true,
    text: [
      `Not watching ${domain}: ${where} already watches ${max} domains, the limit. `,
      command('unwatch <domain>'),
      ' makes room.',
    ],
  };
}
