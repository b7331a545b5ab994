import type { Logger } from 'pino';
import { z } from 'zod';
import type { ParseResult } from '../../src/parsers/parse-result.js';

/** Slack's hard Block Kit limits for a message (docs.slack.dev block reference; @slack/types block-kit). */
export const LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  /** chat.postMessage truncates past 40,000 characters and advises staying under 4,000. */
  fallbackText: 4000,
  /**
   * All text of one message together: past an undocumented total Slack refuses the message (msg_blocks_too_long).
   * Reports place that total between about 11,000 and 13,300 characters depending on the blocks, so stay well below.
   */
  messageText: 8000,
} as const;

const plainText = (max: number) =>
  z.object({ type: z.literal('plain_text'), text: z.string().min(1).max(max), emoji: z.boolean().optional() });
const mrkdwn = (max: number) =>
  z.object({ type: z.literal('mrkdwn'), text: z.string().min(1).max(max), verbatim: z.boolean().optional() });

/** Exactly the block shapes this adapter builds, each bounded by the platform limit. */
export const slackBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('header'), text: plainText(LIMITS.headerText) }),
  z.object({
    type: z.literal('section'),
    text: mrkdwn(LIMITS.sectionText),
    // Two to a row under the text: the key facts of a report.
    fields: z.array(mrkdwn(LIMITS.fieldText)).min(1).max(LIMITS.sectionFields).optional(),
  }),
  z.object({
    type: z.literal('context'),
    elements: z.array(mrkdwn(LIMITS.contextText)).min(1).max(LIMITS.contextElements),
  }),
  z.object({
    type: z.literal('actions'),
    elements: z
      .array(
        z.object({
          type: z.literal('button'),
          text: plainText(LIMITS.buttonText),
          action_id: z.string().min(1).max(LIMITS.actionId),
          value: z.string().max(LIMITS.buttonValue).optional(),
          url: z.string().url().max(LIMITS.buttonUrl).optional(),
        }),
      )
      .min(1)
      .max(LIMITS.actionsElements),
  }),
  z.object({ type: z.literal('divider') }),
]);
export type SlackBlock = z.infer<typeof slackBlockSchema>;

export const slackPayloadSchema = z.object({
  text: z.string().min(1).max(LIMITS.fallbackText),
  blocks: z.array(slackBlockSchema).max(LIMITS.blocksPerMessage),
});
export type SlackPayload = z.infer<typeof slackPayloadSchema>;

/** Checks a rendered message against the limits before it is sent; the reason names the first offending path. */
export function checkLimits(payload: SlackPayload): ParseResult<SlackPayload> {
  const result = slackPayloadSchema.safeParse(payload);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

/** A message the API would reject is reduced to its notification text rather than lost. */
export function withinLimits(payload: SlackPayload, logger: Logger): SlackPayload {
  const checked = checkLimits(payload);
  if (checked.ok) return checked.value;
  logger.error({ reason: checked.reason }, 'rendered Slack message exceeds Block Kit limits; sending text only');
  return { text: payload.text, blocks: [] };
}

/** Every character of text in a message's blocks, as counted against LIMITS.messageText. */
export function messageTextLength(payload: SlackPayload): number {
  let total = 0;
  for (const block of payload.blocks) {
    if (block.type === 'header' || block.type === 'section') total += block.text.text.length;
    if (block.type === 'section') for (const field of block.fields ?? []) total += field.text.length;
    if (block.type === 'context') for (const element of block.elements) total += element.text.length;
    if (block.type === 'actions') for (const button of block.elements) total += button.text.text.length;
  }
  return total;
}
