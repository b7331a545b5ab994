import type { Logger } from 'pino';
import type { ChatMessage } from '../../src/chat/chat-message.js';
import { withinLimits } from './limits.js';
import type { MessageTarget, SentMessage } from './message-target.js';
import { postThread } from './post-thread.js';
import { renderMessage } from './render-message.js';

/**
 * Sends a message to the target: the first Discord message, a digest's further parts one after another (in order,
 * each awaited, so the REST queue paces them), then a report's fixes or a digest's details in a thread under the
 * first. Resolves to the first message; rejects when Discord refuses a message.
 */
export async function deliver(target: MessageTarget, message: ChatMessage, logger: Logger): Promise<SentMessage> {
  const { messages, thread } = renderMessage(message);
  const [first, ...rest] = messages.map((reply) => withinLimits(reply, logger));
  const sent = await target.first(first!);
  for (const reply of rest) await target.next(reply);
  if (thread !== null) await postThread(target, sent, thread, logger);
  return sent;
}
