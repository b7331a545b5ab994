import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import {
  checkLimits,
  LIMITS,
  messageTextLength,
  type SlackBlock,
  type SlackPayload,
  withinLimits,
} from '../../../adapters/slack/limits.js';

const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('checkLimits', () => {
  it('accepts a message at exactly the limits', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(150) } } as const,
      ...Array.from({ length: 49 }, () => section('s'.repeat(3000))),
    ];
    expect(checkLimits({ text: 't'.repeat(LIMITS.fallbackText), blocks }).ok).toBe(true);
  });

  it('rejects a 51st block (Slack allows 50 per message)', () => {
    const result = checkLimits({ text: 't', blocks: Array.from({ length: 51 }, () => section('s')) });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^blocks:/) });
  });

  it('rejects section text over 3000 characters, naming the block', () => {
    const result = checkLimits({ text: 't', blocks: [section('s'), section('s'.repeat(3001))] });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^blocks\.1\.text\.text:/) });
  });

  it('rejects a header over 150 characters and empty text objects', () => {
    const header: SlackBlock = { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } };
    expect(checkLimits({ text: 't', blocks: [header] }).ok).toBe(false);
    expect(checkLimits({ text: 't', blocks: [section('')] }).ok).toBe(false);
  });

  it('rejects more than 10 context elements and a button value over 2000 characters', () => {
    const element = { type: 'mrkdwn', text: 'c' } as const;
    const context: SlackBlock = { type: 'context', elements: Array.from({ length: 11 }, () => element) };
    expect(checkLimits({ text: 't', blocks: [context] }).ok).toBe(false);
    const button = {
      type: 'button',
      text: { type: 'plain_text', text: 'Rescan' },
      action_id: 'a',
      value: 'v'.repeat(2001),
    } as const;
    expect(checkLimits({ text: 't', blocks: [{ type: 'actions', elements: [button] }] }).ok).toBe(false);
  });

  it('rejects an empty or over-long notification text', () => {
    expect(checkLimits({ text: '', blocks: [] }).ok).toBe(false);
    expect(checkLimits({ text: 't'.repeat(LIMITS.fallbackText + 1), blocks: [] }).ok).toBe(false);
  });
});

describe('messageTextLength', () => {
  it('adds up the text of every header, section, context element and button', () => {
    const payload: SlackPayload = {
      text: 'not counted',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(10) } },
        section('s'.repeat(100)),
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: 'c'.repeat(5) },
            { type: 'mrkdwn', text: 'c'.repeat(7) },
          ],
        },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Rescan' }, action_id: 'a', value: 'v'.repeat(50) },
          ],
        },
        { type: 'divider' },
      ],
    };
    expect(messageTextLength(payload)).toBe(10 + 100 + 12 + 6);
  });
});

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
