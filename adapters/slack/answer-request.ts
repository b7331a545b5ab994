import type { Logger } from 'pino';
import type { ChatMessage } from '../../src/chat/chat-message.js';
import type { CommandHandler, CommandRequest } from '../../src/command/command-handler.js';
import { formatDuration } from '../../src/command/format-duration.js';
import type { Metrics } from '../../src/metrics/metrics.js';
import { FAILED_NOTICE } from '../shared/failed-notice.js';
import type { InFlight } from '../shared/in-flight.js';
import type { ChannelPacer } from './channel-pacer.js';
import { type Delivery, deliver, slackErrorCode } from './deliver.js';
import { escapeText } from './escape.js';
import { retryAfterSeconds } from './rate-limit.js';

/** What every listener that answers through the core shares. */
export interface Answering {
  core: CommandHandler;
  inFlight: InFlight;
  logger: Logger;
  pacer: ChannelPacer;
  /** User ids that alone may change channels' watches and digest schedules; unset = anyone. */
  managers?: ReadonlySet<string>;
  metrics?: Pick<Metrics, 'platformApiError'>;
}

/** Runs one request through the core and delivers the answer; never throws, whatever Slack or the core do. */
export async function answerRequest(
  core: CommandHandler,
  request: CommandRequest,
  delivery: Delivery & Pick<Answering, 'logger' | 'metrics'>,
  send: typeof deliver = deliver,
): Promise<void> {
  const { logger, respond } = delivery;
  const queueNotes: Promise<unknown>[] = [];
  const onQueued = (position: number) => {
    const text = `All scanners are busy: you are number ${position} in the queue. The result will follow here.`;
    queueNotes.push(
      respond({ response_type: 'ephemeral', text }).catch((err) => logger.warn({ err }, 'queue note failed')),
    );
  };
  let message: ChatMessage;
  try {
    message = await core.handle(request, { onQueued });
  } catch (err) {
    logger.error({ err }, 'command core failed');
    message = FAILED_NOTICE;
  }
  try {
    await send(delivery, message, logger);
  } catch (err) {
    const code = slackErrorCode(err);
    delivery.metrics?.platformApiError('slack');
    const retryAfter = retryAfterSeconds(err);
    logger.error({ err, code, retryAfter }, 'could not deliver the Slack reply');
    const text =
      retryAfter === null
        ? `Sorry, posting the answer to Slack failed${code === '' ? '' : ` (Slack said \`${escapeText(code)}\`)`}.`
        : `Slack is limiting how fast this app may post here. Please try again in ${formatDuration(retryAfter * 1000)}.`;
    await respond({ response_type: 'ephemeral', text }).catch((err2) => logger.error({ err: err2 }, 'respond failed'));
  }
  await Promise.all(queueNotes);
}
