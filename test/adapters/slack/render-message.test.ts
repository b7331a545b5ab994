import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../../adapters/slack/render-digest.js';
import { renderDigestDetails } from '../../../adapters/slack/render-digest-details.js';
import { renderFixes } from '../../../adapters/slack/render-fixes.js';
import { renderMessage } from '../../../adapters/slack/render-message.js';
import { renderNotice, renderReport } from '../../../adapters/slack/render-report.js';
import { brokenReport, enforcedReport, largeDigest, refusal } from './sample-messages.js';

const silent = pino({ level: 'silent' });

describe('renderMessage', () => {
  it('posts a report as one message with its fixes in the thread', () => {
    expect(renderMessage(brokenReport(), silent)).toEqual({
      messages: [renderReport(brokenReport())],
      thread: [renderFixes(brokenReport())],
    });
  });

  it('posts a healthy report and a notice without a thread', () => {
    expect(renderMessage(enforcedReport(), silent).thread).toEqual([]);
    expect(renderMessage(refusal(), silent)).toEqual({ messages: [renderNotice(refusal())], thread: [] });
  });

  it('posts a digest as its parts with the details of broken domains in the thread', () => {
    const digest = largeDigest(200);
    const posts = renderMessage(digest, silent);
    expect(posts.messages).toEqual(renderDigest(digest));
    expect(posts.thread).toEqual(renderDigestDetails(digest));
    expect(posts.messages.length).toBeGreaterThan(1);
    expect(posts.thread.length).toBeGreaterThan(1);
  });
});
