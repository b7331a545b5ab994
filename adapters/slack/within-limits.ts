import type { Logger } from 'pino';
import { checkBlockLimits, type SlackPayload } from './limits.js';

/** A message the API would reject is reduced to its notification text rather than lost. */
export function withinLimits(payload: SlackPayload, logger: Logger): SlackPayload {
  const checked = checkBlockLimits(payload);
  if (checked.ok) return checked.value;
  logger.error({ reason: checked.reason }, 'rendered Slack message exceeds Block Kit limits; sending text only');
  return { text: payload.text, blocks: [] };
}
