import type { Logger } from 'pino';
import type { ChatMessage } from '../../src/chat/chat-message.js';
import { type SlackPayload, withinLimits } from './limits.js';
import { renderDigest } from './render-digest.js';
import { renderDigestDetails } from './render-digest-details.js';
import { renderFixes } from './render-fixes.js';
import { renderNotice, renderReport } from './render-report.js';

/** Everything one answer posts to a channel. */
export interface ChannelPosts {
  /** In order; never empty. */
  messages: SlackPayload[];
  /** Replies threaded under the first message: a report's fixes, a digest's details. */
  thread: SlackPayload[];
}

/** A message of any kind → what it posts: the message(s), and the replies threaded under the first. */
export function renderMessage(message: ChatMessage, logger: Logger): ChannelPosts {
  const posts: ChannelPosts =
    message.kind === 'digest'
      ? { messages: renderDigest(message), thread: renderDigestDetails(message) }
      : message.kind === 'notice'
        ? { messages: [renderNotice(message)], thread: [] }
        : { messages: [renderReport(message)], thread: message.fixes.length > 0 ? [renderFixes(message)] : [] };
  const fit = (payload: SlackPayload) => withinLimits(payload, logger);
  return { messages: posts.messages.map(fit), thread: posts.thread.map(fit) };
}
