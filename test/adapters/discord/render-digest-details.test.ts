import { describe, expect, it } from 'vitest';
import { digestThreadName, renderDigestDetails } from '../../../adapters/discord/render-digest-details.js';
import type { DigestDetail } from '../../../src/chat/digest-message.js';
import { brokenDetail, digestOf } from './sample-digests.js';

/** The details thread of a digest with these broken domains. */
const detailsOf = (details: DigestDetail[]) => renderDigestDetails(digestOf([], { details }));

/** A broken domain with `count` findings, each as long as the caps allow. */
function longDetail(domain: string, count: number): DigestDetail {
  return {
    domain,
    findings: Array.from({ length: count }, (_, i) => ({
      code: 'policy-invalid' as const,
      severity: 'error' as const,
      title: `Finding ${i} ${'t'.repeat(500)}`,
      detail: `Detail ${i} ${'d'.repeat(5000)}`,
      fix: `Fix ${i} ${'f'.repeat(5000)}`,
    })),
  };
}

describe('renderDigestDetails', () => {
  it("renders each broken domain as a heading, then each finding's title, detail and fix", () => {
    expect(detailsOf([brokenDetail('broken.example')])).toEqual([
      [
        '__**broken.example**__',
        '❌ **An MX host is not covered by the policy**',
        'mx2.elsewhere.net is not matched by any mx line, so senders in enforce mode will refuse it.',
        '**Fix:** Add "mx: mx2.elsewhere.net" to the policy and publish a new id.',
        '⚠️ **No TLS-RPT record**',
        'Nobody hears about failed deliveries.',
        '**Fix:** Publish v=TLSRPTv1; rua=mailto:tls@example.com at \\_smtp.\\_tls.',
      ].join('\n'),
    ]);
  });

  it('leaves out an empty detail or fix, and says so when a domain has no findings', () => {
    const detail: DigestDetail = {
      domain: 'a.example',
      findings: [{ ...brokenDetail('a.example').findings[0]!, detail: ' ', fix: '' }],
    };

    expect(detailsOf([detail, { domain: 'b.example', findings: [] }])).toEqual([
      '__**a.example**__\n❌ **An MX host is not covered by the policy**\n__**b.example**__\nNo findings recorded.',
    ]);
  });

  it('returns nothing when no domain is broken', () => {
    expect(detailsOf([])).toEqual([]);
  });

  it('splits into messages of at most 2000 characters, never cutting a finding nor leaving a heading alone', () => {
    const details = [longDetail('one.example', 3), longDetail('two.example', 2)];

    const messages = detailsOf(details);

    expect(messages.length).toBe(5);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(2000);
      // Every message holds whole findings: a title, its detail and its fix, each line cut with "…" at most.
      expect(message).toMatch(
        /^(__\*\*\w+\.example\*\*__\n)?❌ \*\*Finding \d t+…\*\*\nDetail \d d+…\n\*\*Fix:\*\* Fix \d f+…$/,
      );
    }
    expect(messages.filter((message) => message.startsWith('__**'))).toHaveLength(2);
  });

  it('escapes hostile remote text', () => {
    const [message] = detailsOf([
      {
        domain: '@everyone.example',
        findings: [{ code: 'txt-invalid', severity: 'info', title: '**t** <@1>', detail: '# head', fix: '<#2> @here' }],
      },
    ]);

    expect(message).toBe(
      '__**@\u200beveryone.example**__\nℹ️ **\\*\\*t\\*\\* <\u200b@1>**\n\\# head\n**Fix:** <\u200b#2> @\u200bhere',
    );
  });

  it('posts at most 20 messages, the last naming every domain whose details were cut or left out', () => {
    // Each finding fills most of a message: 19 messages show d0…d8 whole and d9's first finding only.
    const details = Array.from({ length: 30 }, (_, i) => longDetail(`d${i}.example`, 2));

    const messages = detailsOf(details);
    const [intro, ...named] = messages.at(-1)!.split('\n');

    expect(messages).toHaveLength(20);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(2000);
    expect(messages[18]).toMatch(/^__\*\*d9\.example\*\*__\n❌ \*\*Finding 0/);
    expect(intro).toBe(
      'Not shown, to keep the thread readable: details of 21 more broken domains. Check each with /mtasts for its full report:',
    );
    expect(named).toEqual(Array.from({ length: 21 }, (_, i) => `d${i + 9}.example`));
  });
});

describe('digestThreadName', () => {
  it('counts the broken domains within the 100-character cap', () => {
    expect(digestThreadName(1)).toBe('MTA-STS digest: 1 broken domain');
    expect(digestThreadName(12)).toBe('MTA-STS digest: 12 broken domains');
  });
});
