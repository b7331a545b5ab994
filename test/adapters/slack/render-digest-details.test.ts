import { describe, expect, it } from 'vitest';
import { checkLimits, LIMITS, messageTextLength, type SlackBlock } from '../../../adapters/slack/limits.js';
import { DETAIL_REPLIES_MAX, renderDigestDetails } from '../../../adapters/slack/render-digest-details.js';
import type { DigestDetail } from '../../../src/chat/digest-message.js';
import { largeDigest, sampleDigest } from './sample-messages.js';

const texts = (blocks: SlackBlock[]) =>
  blocks.flatMap((block) =>
    block.type === 'context' ? block.elements.map((e) => e.text) : 'text' in block ? [block.text.text] : [],
  );

const finding = (i: number, detail = `Detail ${i}.`): DigestDetail['findings'][number] => ({
  code: 'mx-mismatch',
  severity: i % 2 === 0 ? 'error' : 'warning',
  title: `Finding ${i}`,
  detail,
  fix: `Fix ${i}.`,
});

describe('renderDigestDetails', () => {
  it('gives each broken domain its findings: title, detail and fix', () => {
    const [reply, ...rest] = renderDigestDetails(sampleDigest());
    expect(rest).toEqual([]);
    expect(reply!.text).toBe('Details of 1 broken domain');
    expect(texts(reply!.blocks)).toEqual([
      'Details of 1 broken domain',
      [
        '*broken.example*',
        ':x: *MX not covered by policy*',
        'mx2.elsewhere.net is not matched by any mx: line.',
        '_Fix:_ Add "mx: mx2.elsewhere.net" to the policy, then change the TXT id.',
      ].join('\n'),
    ]);
  });

  it('keeps a wildcard pattern as inline code and neutralises *, _ and ~ elsewhere, so Slack pairs none of them', () => {
    const detail: DigestDetail = {
      domain: 'mail_1.example',
      findings: [
        {
          code: 'mx-wildcard-missing',
          severity: 'error',
          title: 'MX *wildcard* missing',
          detail: 'Hosts under *.mx.example.com are not matched; nor is ~backup_mx~.',
          fix: 'Add `mx: *.mx.example.com` to the policy, then rotate the TXT id.',
        },
      ],
    };
    const [reply] = renderDigestDetails(sampleDigest({ details: [detail] }));
    expect(texts(reply!.blocks)[1]).toBe(
      [
        '*mailˍ1.example*',
        ':x: *MX ∗wildcard∗ missing*',
        'Hosts under ∗.mx.example.com are not matched; nor is ˜backupˍmx˜.',
        '_Fix:_ Add `mx: *.mx.example.com` to the policy, then rotate the TXT id.',
      ].join('\n'),
    );
  });

  it('posts no thread when no domain is broken', () => {
    expect(renderDigestDetails(sampleDigest({ details: [] }))).toEqual([]);
  });

  it('names the domain again on every section that continues its findings', () => {
    const findings = Array.from({ length: 6 }, (_, i) => finding(i, 'long detail '.repeat(80)));
    const [reply] = renderDigestDetails(sampleDigest({ details: [{ domain: 'many.example', findings }] }));
    const sections = texts(reply!.blocks).slice(1);
    expect(sections.length).toBeGreaterThan(1);
    expect(sections[0]!.startsWith('*many.example*\n')).toBe(true);
    for (const section of sections.slice(1)) expect(section.startsWith('*many.example* (continued)\n')).toBe(true);
    expect(sections.join('\n').match(/^:(x|warning): \*Finding \d\*$/gm)).toHaveLength(6);
  });

  it('escapes hostile domain and finding text', () => {
    const hostile = '<!channel>&<@U123><http://evil|click>';
    const payloads = renderDigestDetails(
      sampleDigest({
        details: [
          {
            domain: hostile,
            findings: [{ code: 'txt-invalid', severity: 'error', title: hostile, detail: hostile, fix: hostile }],
          },
        ],
      }),
    );
    const sent = JSON.stringify(payloads);
    expect(sent).not.toMatch(/[<>]/);
    expect(texts(payloads[0]!.blocks)[1]).toBe(
      [
        '*&lt;!channel&gt;&amp;&lt;@U123&gt;&lt;http://evil|click&gt;*',
        ':x: *&lt;!channel&gt;&amp;&lt;@U123&gt;&lt;http://evil|click&gt;*',
        '&lt;!channel&gt;&amp;&lt;@U123&gt;&lt;http://evil|click&gt;',
        '_Fix:_ &lt;!channel&gt;&amp;&lt;@U123&gt;&lt;http://evil|click&gt;',
      ].join('\n'),
    );
  });

  it('splits many broken domains over numbered replies within every limit, and names what it leaves out', () => {
    const digest = largeDigest(500);
    const replies = renderDigestDetails(digest);
    expect(replies).toHaveLength(DETAIL_REPLIES_MAX);
    replies.forEach((reply, i) => {
      expect(checkLimits(reply)).toMatchObject({ ok: true });
      expect(messageTextLength(reply)).toBeLessThanOrEqual(LIMITS.messageText);
      expect(reply.text).toBe(`Details of ${digest.details.length} broken domains (${i + 1}/${DETAIL_REPLIES_MAX})`);
    });
    const shown = new Set(
      replies
        .flatMap((reply) => texts(reply.blocks))
        .flatMap((text) => [...text.matchAll(/^\*([^*]+)\*/gm)].map((m) => m[1])),
    );
    const hidden = digest.details.filter((detail) => !shown.has(detail.domain));
    expect(hidden.length).toBeGreaterThan(0);
    // Shown domains come first, in the core's order.
    expect(digest.details.slice(0, shown.size).every((detail) => shown.has(detail.domain))).toBe(true);
    expect(texts(replies.at(-1)!.blocks).at(-1)).toBe(
      `${hidden.length} more broken domains are not shown here: run \`/mtasts\` with a domain for its full report.`,
    );
  });

  it('bounds each finding, so one huge finding cannot push a reply past the limits', () => {
    const huge = { ...finding(1), title: '<'.repeat(5000), detail: '&'.repeat(50_000), fix: '>'.repeat(50_000) };
    const replies = renderDigestDetails(
      sampleDigest({ details: [{ domain: 'x'.repeat(5000), findings: [huge, huge, huge] }] }),
    );
    for (const reply of replies) expect(checkLimits(reply)).toMatchObject({ ok: true });
    expect(JSON.stringify(replies)).not.toMatch(/&[a-z]*…/);
  });
});
