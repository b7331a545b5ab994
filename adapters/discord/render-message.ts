import type { ChatMessage } from '../../src/chat/chat-message.js';
import type { DiscordReply } from './limits.js';
import type { ThreadContents } from './post-thread.js';
import { renderDigest } from './render-digest.js';
import { digestThreadName, renderDigestDetails } from './render-digest-details.js';
import { fixesThreadName, renderFixes } from './render-fixes.js';
import { renderNotice, renderReport } from './render-report.js';

/** Everything one answer posts. */
export interface RenderedMessage {
  /** In order; never empty. */
  messages: DiscordReply[];
  /** Started from the first message: a report's fixes, a digest's details; null when there are none. */
  thread: ThreadContents | null;
}

/** A message of any kind → what it posts: the message(s), and the thread under the first. */
export function renderMessage(message: ChatMessage): RenderedMessage {
  if (message.kind === 'notice') return { messages: [renderNotice(message)], thread: null };
  if (message.kind === 'report') {
    const thread =
      message.fixes.length > 0 ? { name: fixesThreadName(message.domain), messages: renderFixes(message) } : null;
    return { messages: [renderReport(message)], thread };
  }
  const thread =
    message.details.length > 0
      ? { name: digestThreadName(message.details.length), messages: renderDigestDetails(message) }
      : null;
  return { messages: renderDigest(message), thread };
}
