import { describe, expect, it } from 'vitest';
import { checkLimits, type SlackBlock } from '../../../adapters/slack/limits.js';
import { renderFixes } from '../../../adapters/slack/render-fixes.js';
import type { FixBlock } from '../../../src/chat/chat-message.js';
import { FINDING_CATALOG } from '../../../src/report/finding-catalog.js';
import { brokenReport } from './sample-messages.js';

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
      '*Raise max_age*\nUse at least a week.',
    ]);
  });

  it('splits a 64 KiB policy over several code blocks within the limits', () => {
    const policy = Array.from({ length: 3000 }, (_, i) => `mx: mx${i}.example.com & <x>`)
      .join('\n')
      .slice(0, 65536);
    const payload = renderFixes({ ...brokenReport(), fixes: [{ title: 'Policy', text: 'Serve this:', code: policy }] });
    expect(checkLimits(payload)).toMatchObject({ ok: true });
    const code = texts(payload.blocks).filter((text) => text.startsWith('```'));
    expect(code.length).toBeGreaterThan(1);
    for (const block of code) expect(block).toMatch(/^```\n[^`]*\n```$/);
    expect(texts(payload.blocks).at(-1)).toMatch(/^\+\d+ more parts not shown$/);
  });

  it('cuts 60 fixes to one message with "+N more fixes"', () => {
    const fixes: FixBlock[] = Array.from({ length: 60 }, (_, i) => ({
      title: `Fix ${i}`,
      text: 'Do this.',
      code: `line ${i}`,
    }));
    const payload = renderFixes({ ...brokenReport(), fixes });
    expect(checkLimits(payload)).toMatchObject({ ok: true });
    const shown = texts(payload.blocks).filter((text) => text.startsWith('*Fix ')).length;
    expect(texts(payload.blocks).at(-1)).toBe(`+${60 - shown} more fixes`);
  });
});
