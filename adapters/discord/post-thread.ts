import { type APIChannel, Routes } from 'discord.js';
import type { Logger } from 'pino';
import { errorDetails } from './error-details.js';
import type { MessageTarget, SentMessage } from './message-target.js';
import { NO_MENTIONS } from './no-mentions.js';

/** One day: long enough to act on the contents, short enough not to clutter the channel's thread list. */
const AUTO_ARCHIVE_MINUTES = 1440;

export interface ThreadContents {
  name: string;
  messages: string[];
}

/**
 * Posts the messages in a thread started from `from`; where there can be none (DMs, missing permissions, or the
 * API refuses, e.g. in a thread or forum), as further messages of the target instead.
 */
export async function postThread(
  target: MessageTarget,
  from: SentMessage,
  thread: ThreadContents,
  logger: Logger,
): Promise<void> {
  let threadId = target.threads ? await openThread(target, from, thread.name, logger) : null;
  for (const content of thread.messages) {
    if (threadId !== null) {
      try {
        await target.rest.post(Routes.channelMessages(threadId), { body: { content, allowed_mentions: NO_MENTIONS } });
        continue;
      } catch (error) {
        logger.warn(
          { err: errorDetails(error) },
          'discord: could not post in the thread; posting the rest below the message',
        );
        threadId = null;
      }
    }
    await target.next({ content });
  }
}

async function openThread(
  target: MessageTarget,
  from: SentMessage,
  name: string,
  logger: Logger,
): Promise<string | null> {
  try {
    const thread = (await target.rest.post(Routes.threads(from.channelId, from.id), {
      body: { name, auto_archive_duration: AUTO_ARCHIVE_MINUTES },
    })) as APIChannel;
    return thread.id;
  } catch (error) {
    logger.info({ err: errorDetails(error) }, 'discord: no thread could be started; posting below the message');
    return null;
  }
}
