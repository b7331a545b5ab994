import type { Logger } from 'pino';
import type { ChatMessage } from '../../src/chat/chat-message.js';
import { checkMessageLimits, type DiscordReply, shrinkToLimits } from './limits.js';
import type { MessageTarget } from './message-target.js';
import { postThread, type ThreadContents } from './post-thread.js';
import { renderDigest } from './render-digest.js';
import { digestThreadName, renderDigestDetails } from './render-digest-details.js';
import { fixesThreadName, renderFixes } from './render-fixes.js';
import { renderChatMessage } from './render-report.js';

/**
 * Sends a message to the target: the first Discord message, a digest's further parts one after another (in order,
 * each awaited, so the REST queue paces them), then a report's fixes or a digest's details in a thread under the
 * first. Rejects when Discord refuses a message.
 */
export async function deliverMessage(target: MessageTarget, message: ChatMessage, logger: Logger): Promise<void> {
  const rendered = message.kind === 'digest' ? renderDigest(message) : [renderChatMessage(message)];
  const [first, ...rest] = rendered.map((reply) => withinLimits(reply, logger));
  const sent = await target.first(first!);
  for (const reply of rest) await target.next(reply);
  const thread = threadOf(message);
  if (thread !== null) await postThread(target, sent, thread, logger);
}

function threadOf(message: ChatMessage): ThreadContents | null {
  if (message.kind === 'report' && message.fixes.length > 0) {
    return { name: fixesThreadName(message.domain), messages: renderFixes(message.fixes, message.domain) };
  }
  if (message.kind === 'digest' && message.details.length > 0) {
    return { name: digestThreadName(message.details.length), messages: renderDigestDetails(message.details) };
  }
  return null;
}

function withinLimits(reply: DiscordReply, logger: Logger): DiscordReply {
  const checked = checkMessageLimits(reply);
  if (checked.ok) return reply;
  logger.warn({ reason: checked.reason }, 'discord: rendered message breaks a limit; sending a shortened one');
  return shrinkToLimits(reply);
}
