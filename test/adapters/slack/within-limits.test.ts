import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { SlackPayload } from '../../../adapters/slack/limits.js';
import { withinLimits } from '../../../adapters/slack/within-limits.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: 'error' },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}

describe('withinLimits', () => {
  it('passes a message within the limits unchanged, logging nothing', () => {
    const { logger, lines } = capture();
    const payload: SlackPayload = { text: 'hi', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] };
    expect(withinLimits(payload, logger)).toEqual(payload);
    expect(lines).toEqual([]);
  });

  it('reduces a message the API would reject to its notification text and logs which block broke the limit', () => {
    const { logger, lines } = capture();
    const payload: SlackPayload = {
      text: 'hi',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 's'.repeat(3001) } }],
    };
    expect(withinLimits(payload, logger)).toEqual({ text: 'hi', blocks: [] });
    expect(lines).toEqual([expect.objectContaining({ reason: expect.stringMatching(/^blocks\.0\.text\.text:/) })]);
  });
});
