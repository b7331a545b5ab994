import { describe, expect, it } from 'vitest';
import { checkLimits, messageTextLength, type SlackBlock } from '../../../adapters/slack/limits.js';
import { renderFixes } from '../../../adapters/slack/render-fixes.js';
import type { FixBlock } from '../../../src/chat/chat-message.js';
import { FINDING_CATALOG } from '../../../src/report/finding-catalog.js';
import { brokenReport, sixtyFixes } from './sample-messages.js';

const texts = (blocks: SlackBlock[]) =>
  blocks.flatMap((block) =>
    block.type === 'context' ? block.elements.map((e) => e.text) : 'text' in block ? [block.text.text] : [],
  );

describe('renderFixes', () => {
  it('keeps the wildcard of a catalog fix as inline code, so Slack cannot pair the asterisks as bold', () => {
    const text = FINDING_CATALOG['mx-wildcard-missing'].fix({
      domain: 'example.com',
      pattern: '*.mx.example.com',
      note: 'Or add *.example.com.',
    });
    const shown = texts(renderFixes(brokenReport({ fixes: [{ title: 'MX wildcard missing', text }] })).blocks);
    expect(shown).toContain(
      '*MX wildcard missing*\nAdd `mx: *.mx.example.com` to the policy, then rotate the TXT id. Or add \u2217.example.com.',
    );
  });

  it('gives each fix a heading and sentence, and its paste-ready text in a ``` block', () => {
    const payload = renderFixes(brokenReport());
    expect(payload.text).toBe('How to fix example.com');
    expect(texts(payload.blocks)).toEqual([
      '*How to fix example.com*',
      '*Add the MX host to the policy*\nPublish this policy body:',
      '```\nversion: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: mx2.elsewhere.net\nmax_age: 604800\n```',
      '*Change the policy id*\nPublish this TXT record at \u02cdmta-sts.example.com:',
      '```\nv=STSv1; id=20240102\n```',
    ]);
  });

  it('adds no code block for a fix without code', () => {
    const fixes: FixBlock[] = [{ title: 'Raise max_age', text: 'Use at least a week.' }];
    expect(texts(renderFixes({ ...brokenReport(), fixes }).blocks)).toEqual([
      '*How to fix example.com*',
      '*Raise max\u02cdage*\nUse at least a week.',
    ]);
  });

  it('cuts a 64 KiB policy to the message budget and says where the rest is', () => {
    const policy = Array.from({ length: 3000 }, (_, i) => `mx: mx${i}.example.com & <x>`)
      .join('\n')
      .slice(0, 65536);
    const payload = renderFixes({ ...brokenReport(), fixes: [{ title: 'Policy', text: 'Serve this:', code: policy }] });
    expect(checkLimits(payload)).toMatchObject({ ok: true });
    expect(messageTextLength(payload)).toBe(6107);
    const code = texts(payload.blocks).filter((text) => text.startsWith('```'));
    expect(code).toHaveLength(2);
    for (const block of code) expect(block).toMatch(/^```\n[^`]*\n```$/);
    expect(texts(payload.blocks).at(-1)).toBe(
      'the last fix is cut short: the full list is in `mtasts scan --json example.com`',
    );
  });

  it("keeps a 60-finding report's thread within the channel message's budget, with +N more and the full list", () => {
    const payload = renderFixes(brokenReport({ fixes: sixtyFixes() }));
    expect(checkLimits(payload)).toMatchObject({ ok: true });
    expect(messageTextLength(payload)).toBe(7247);
    expect(payload.blocks).toHaveLength(50);
    expect(texts(payload.blocks).filter((text) => text.startsWith('*Finding '))).toHaveLength(36);
    expect(texts(payload.blocks).at(-1)).toBe('+24 more fixes: the full list is in `mtasts scan --json example.com`');
  });

  it('ends a code block with its last line, not an empty one', () => {
    const payload = renderFixes(
      brokenReport({ fixes: [{ title: 'Policy', text: 'Serve this:', code: 'mode: enforce\n' }] }),
    );
    expect(texts(payload.blocks).at(-1)).toBe('```\nmode: enforce\n```');
  });
});
