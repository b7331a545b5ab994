import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../../adapters/slack/render-digest.js';
import { renderDigestDetails } from '../../../adapters/slack/render-digest-details.js';
import { renderFixes } from '../../../adapters/slack/render-fixes.js';
import { renderPosts } from '../../../adapters/slack/render-posts.js';
import { renderBlocks } from '../../../adapters/slack/render-report.js';
import { brokenReport, enforcedReport, largeDigest, refusal } from './sample-messages.js';

const silent = pino({ level: 'silent' });

describe('renderPosts', () => {
  it('posts a report as one message with its fixes in the thread', () => {
    expect(renderPosts(brokenReport(), silent)).toEqual({
      messages: [renderBlocks(brokenReport())],
      thread: [renderFixes(brokenReport())],
    });
  });

  it('posts a healthy report and a notice without a thread', () => {
    expect(renderPosts(enforcedReport(), silent).thread).toEqual([]);
    expect(renderPosts(refusal(), silent)).toEqual({ messages: [renderBlocks(refusal())], thread: [] });
  });

  it('posts a digest as its parts with the details of broken domains in the thread', () => {
    const digest = largeDigest(200);
    const posts = renderPosts(digest, silent);
    expect(posts.messages).toEqual(renderDigest(digest));
    expect(posts.thread).toEqual(renderDigestDetails(digest));
    expect(posts.messages.length).toBeGreaterThan(1);
    expect(posts.thread.length).toBeGreaterThan(1);
  });
});
