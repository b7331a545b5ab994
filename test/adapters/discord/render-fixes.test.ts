import { describe, expect, it } from 'vitest';
import { fixesThreadName, renderFixes } from '../../../adapters/discord/render-fixes.js';
import type { FixBlock } from '../../../src/chat/chat-message.js';
import { FINDING_CATALOG } from '../../../src/report/finding-catalog.js';
import { brokenReport, hugeReport, sixtyFixes } from './sample-messages.js';

/** The fixes thread of a report with these fixes. */
const fixesOf = (fixes: FixBlock[]) => renderFixes({ ...brokenReport(), fixes });

/** The code inside every ``` block of the messages, in order. */
function codeBlocks(messages: string[]): string[] {
  return messages.flatMap((message) => [...message.matchAll(/```\n([\s\S]*?)\n```/g)].map((match) => match[1]!));
}

describe('renderFixes', () => {
  it('keeps the wildcard of a catalog fix as inline code', () => {
    const text = FINDING_CATALOG['mx-wildcard-missing'].fix({ domain: 'example.com', pattern: '*.mx.example.com' });
    expect(fixesOf([{ title: 'MX wildcard missing', text }])[0]).toContain(
      '**MX wildcard missing**\nAdd `mx: *.mx.example.com` to the policy, then rotate the TXT id.',
    );
  });

  it('renders each fix as a bold title, its sentence and the block to paste in a code block', () => {
    expect(fixesOf(brokenReport().fixes)).toEqual([
      '**Add the MX host to the policy**\nServe this policy body at https://mta-sts.example.com/.well-known/mta-sts.txt:\n' +
        '```\nversion: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: mx2.elsewhere.net\nmax\\_age: 604800\n```'.replace(
          '\\_',
          '_',
        ) +
        '\n**Change the policy id**\nPublish this TXT record at \\_mta-sts.example.com:\n```\nv=STSv1; id=20240102\n```',
    ]);
  });

  it('renders a fix without code as its title and sentence only', () => {
    expect(fixesOf([{ title: 'Publish TLS-RPT', text: 'Ask your provider.' }])).toEqual([
      '**Publish TLS-RPT**\nAsk your provider.',
    ]);
  });

  it('returns no messages when there is nothing to fix', () => {
    expect(fixesOf([])).toEqual([]);
  });

  it('splits long fixes across messages of at most 2000 characters, every code block closed in its own message', () => {
    const messages = fixesOf(hugeReport().fixes.slice(0, 3));

    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(2000);
      expect(message.match(/```/g)?.length ?? 0).toSatisfy((fences: number) => fences % 2 === 0);
    }
  });

  it("keeps a 60-finding report's thread within an embed's 6000 characters, with +N more and the full list", () => {
    const messages = fixesOf(sixtyFixes());

    expect(messages.map((message) => message.length)).toEqual([1998, 1882, 1664]);
    expect(messages.join('').length).toBe(5544);
    expect(messages.join('\n').match(/\*\*Finding \d+:/g)).toHaveLength(27);
    expect(messages.at(-1)!.split('\n').at(-1)).toBe(
      '+33 more fixes: the full list is in `mtasts scan --json example.com`',
    );
  });

  it('cuts a fix whose block does not fit and says so', () => {
    const messages = fixesOf([{ title: 'Long', text: '', code: 'x'.repeat(9000) }]);
    expect(messages.map((message) => message.length)).toEqual([8, 2000, 2000, 79]);
    expect(messages.at(-1)!.split('\n').at(-1)).toBe(
      'the last fix is cut short: the full list is in `mtasts scan --json example.com`',
    );
  });

  it('splits a long block at line boundaries, so the parts join back into the original', () => {
    const policy = [
      'version: STSv1',
      'mode: enforce',
      ...Array.from({ length: 200 }, (_, i) => `mx: mx${i}.example.com`),
      'max_age: 604800',
    ].join('\n');

    const blocks = codeBlocks(fixesOf([{ title: 'Policy', text: 'Serve this:', code: policy }]));

    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.join('\n')).toBe(policy);
  });

  it('cuts a single line longer than a message into pieces that join back into it', () => {
    const line = 'x'.repeat(4500);
    const blocks = codeBlocks(fixesOf([{ title: 'Long', text: '', code: line }]));
    expect(blocks.map((block) => block.length)).toEqual([1992, 1992, 516]);
    expect(blocks.join('')).toBe(line);
  });

  it('escapes remote text outside code, and keeps remote backticks from closing the code block', () => {
    const [message] = fixesOf([{ title: '**x** @here', text: '<@1>', code: 'a\n```\nb' }]);
    expect(message).toBe('**\\*\\*x\\*\\* @\u200bhere**\n<\u200b@1>\n```\na\n`\u200b`\u200b`\nb\n```');
  });
});

describe('fixesThreadName', () => {
  it('names the thread after the domain, within the 100-character cap', () => {
    expect(fixesThreadName('example.com')).toBe('MTA-STS fixes for example.com');
    expect(fixesThreadName(`${'a'.repeat(200)}.com`)).toHaveLength(100);
  });
});
