import type { NoticeMessage } from '../chat/chat-message.js';
import type { CommandRequest } from './command-handler.js';
import { formatDuration } from './format-duration.js';

/** Where a domain's public answer in a channel stands. */
export type ChannelAnswerState =
  | { kind: 'free'; settle(answered: boolean): void }
  | { kind: 'pending' }
  | { kind: 'recent'; ageMs: number };

export interface ChannelAnswers {
  /**
   * Claims the public answer of `domain` in the request's channel. `free`: answer, then settle (true once the
   * report is given, false when it was not, which frees the claim). `pending`: an answer is on its way there.
   * `recent`: one was given within the window (a rescan may still post again).
   */
  claim(request: CommandRequest, domain: string): ChannelAnswerState;
}

export interface ChannelAnswersOptions {
  /** How long a public answer stands for repeats: the result cache's TTL, so a repeat would show the same result. */
  windowMs: number;
  now: () => number;
}

/** One public answer per domain, channel and window: repeats point to it instead of flooding the channel. */
export function createChannelAnswers({ windowMs, now }: ChannelAnswersOptions): ChannelAnswers {
  /** Key → when the answer was given, or null while it is on its way. */
  const answers = new Map<string, number | null>();

  return {
    claim(request, domain) {
      const key = JSON.stringify([request.platform, request.workspaceId, request.channelId, domain]);
      const at = answers.get(key);
      if (at === null) return { kind: 'pending' };
      if (at !== undefined && now() - at < windowMs && !request.fresh) return { kind: 'recent', ageMs: now() - at };
      answers.set(key, null);
      return {
        kind: 'free',
        settle(answered) {
          const answeredAt = now();
          // Expired answers go on every settle, so the map holds at most the answers of one window.
          for (const [other, time] of answers)
            if (time !== null && answeredAt - time >= windowMs) answers.delete(other);
          if (answered) answers.set(key, answeredAt);
          else if (at === undefined) answers.delete(key);
          else answers.set(key, at);
        },
      };
    },
  };
}

/** The private answer to a repeat: where the channel's answer is, and how to get a fresh one. */
export function repeatNotice(
  domain: string,
  state: Exclude<ChannelAnswerState, { kind: 'free' }>,
  windowMs: number,
): NoticeMessage {
  const text =
    state.kind === 'pending'
      ? `${domain} is being checked in this channel right now; the answer will appear here shortly.`
      : `${domain} was answered in this channel ${formatDuration(state.ageMs)} ago: see that answer. ` +
        `Results are kept for ${formatDuration(windowMs)}; its Rescan button checks again now.`;
  const code = state.kind === 'pending' ? 'answer-pending' : 'answered-recently';
  return { kind: 'notice', code, tone: 'neutral', private: true, text: [text] };
}
