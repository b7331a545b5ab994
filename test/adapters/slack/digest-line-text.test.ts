import { describe, expect, it } from 'vitest';
import { digestLineText, foldedLineText } from '../../../adapters/slack/digest-line-text.js';
import { digestLine } from './sample-messages.js';

describe('digestLineText', () => {
  it('puts verdict, domain, mode, id and short hash (in inline code), MX coverage and certificate days on one line', () => {
    expect(digestLineText(digestLine())).toBe(
      ':large_green_circle: *example.com* · enforced · mode enforce · id `20240101` · `0123456789ab` · MX 2/2 · cert 45 days left',
    );
  });

  it('shows a digest line as the core makes it: no id or hash, a close certificate, hosts in inline code', () => {
    const text = digestLineText(
      digestLine({
        domain: 'shop.example',
        verdict: 'broken',
        policyId: null,
        shortHash: null,
        mxCoverage: { covered: 1, total: 2 },
        certDaysLeft: 9,
        changes: [
          { kind: 'verdict-changed', text: 'verdict enforced → broken' },
          { kind: 'mx-uncovered', text: 'MX added, not covered by the policy: `*.mx_1.example`' },
        ],
      }),
    );
    expect(text.split('\n')).toEqual([
      ':large_orange_circle: *shop.example* · broken · mode enforce · MX 1/2 · cert 9 days left',
      '      ↳ verdict enforced → broken',
      '      ↳ MX added, not covered by the policy: `*.mx_1.example`',
    ]);
  });

  it('neutralises *, _ and ~ outside inline code, so Slack cannot pair them into bold, italic or strike', () => {
    const text = digestLineText(
      digestLine({
        domain: 'a_b.example',
        policyId: 'id_*1*',
        tlsrpt: 'TLS-RPT since the last digest: 1 successful · 0 failed, from *Evil_Corp~',
        changes: [{ kind: 'mx-added', text: 'MX added: `*.mx.example` and *.mx.example' }],
      }),
    );
    expect(text.split('\n')).toEqual([
      ':large_green_circle: *aˍb.example* · enforced · mode enforce · id `id_*1*` · `0123456789ab` · MX 2/2 · cert 45 days left',
      '      TLS-RPT since the last digest: 1 successful · 0 failed, from ∗EvilˍCorp˜',
      '      ↳ MX added: `*.mx.example` and ∗.mx.example',
    ]);
  });

  it('lists each change under its domain, indented', () => {
    const text = digestLineText(
      digestLine({
        verdict: 'testing',
        mode: 'testing',
        changes: [
          { kind: 'mode-flipped', text: 'mode enforce → testing' },
          { kind: 'id-rotated', text: 'id rotated: 20240101 → 20240102' },
        ],
      }),
    );
    expect(text.split('\n')).toEqual([
      ':large_blue_circle: *example.com* · testing · mode testing · id `20240101` · `0123456789ab` · MX 2/2 · cert 45 days left',
      '      ↳ mode enforce → testing',
      '      ↳ id rotated: 20240101 → 20240102',
    ]);
  });

  it('puts the TLS-RPT line above the changes, escaped', () => {
    const text = digestLineText(
      digestLine({
        tlsrpt:
          'TLS-RPT since the last digest: 1,505 successful · 7 failed, from Microsoft Corporation, <@here> Inc. · Enforce would bounce mail now',
        changes: [{ kind: 'mode-flipped', text: 'mode enforce → testing' }],
      }),
    );
    expect(text.split('\n').slice(1)).toEqual([
      '      TLS-RPT since the last digest: 1,505 successful · 7 failed, from Microsoft Corporation, &lt;@here&gt; Inc. · Enforce would bounce mail now',
      '      ↳ mode enforce → testing',
    ]);
  });

  it('leaves out what the domain does not have (no policy served)', () => {
    const line = digestLine({
      verdict: 'not-configured',
      mode: null,
      policyId: null,
      shortHash: null,
      mxCoverage: null,
      certDaysLeft: null,
    });
    expect(digestLineText(line)).toBe(':white_circle: *example.com* · not configured');
  });

  it('names a domain that timed out and one whose scan failed', () => {
    const none = { verdict: null, mode: null, policyId: null, shortHash: null, mxCoverage: null, certDaysLeft: null };
    expect(digestLineText(digestLine({ ...none, timedOut: true }))).toBe(':hourglass: *example.com* · timed out');
    expect(digestLineText(digestLine({ ...none, failed: true }))).toBe(
      ':heavy_exclamation_mark: *example.com* · scan failed',
    );
  });

  it.each([
    [1, 'cert 1 day left'],
    [0, 'cert expires today'],
    [-1, 'cert expired 1 day ago'],
    [-12, 'cert expired 12 days ago'],
  ])('describes %i certificate days as "%s"', (days, text) => {
    expect(digestLineText(digestLine({ certDaysLeft: days }))).toMatch(new RegExp(` · ${text}$`));
  });

  it('escapes hostile domain, mode, id and change text so none can mention, link or broadcast', () => {
    const hostile = '<!channel>&<@U123><http://evil|click>';
    const text = digestLineText(
      digestLine({
        domain: hostile,
        mode: hostile,
        policyId: hostile,
        shortHash: '`<!here>`',
        changes: [{ kind: 'mx-added', text: `MX added: ${hostile}` }],
      }),
    );
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toContain('!here');
    expect(text).toContain('*&lt;!channel&gt;&amp;&lt;@U123&gt;&lt;http://evil|click&gt;*');
    expect(text).toContain('↳ MX added: &lt;!channel&gt;');
  });

  it('bounds a line however long its remote text and however many changes it has', () => {
    const changes = Array.from({ length: 40 }, (_, i) => ({
      kind: 'mx-added' as const,
      text: `MX added: ${'<x>'.repeat(500)} ${i}`,
    }));
    const text = digestLineText(
      digestLine({ domain: '&'.repeat(1000), policyId: '<'.repeat(1000), mode: '>'.repeat(1000), changes }),
    );
    expect(text.length).toBeLessThan(2500);
    const lines = text.split('\n');
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines.at(-1)).toBe('      ↳ +35 more changes');
    expect(text).not.toMatch(/&[a-z]*…/); // no entity cut in half
  });
});

describe('digestLineText on a cut code span', () => {
  it('drops the backtick of a span the cut left open, so no code span runs on past the line', () => {
    const text = digestLineText(
      digestLine({ changes: [{ kind: 'mx-added', text: `MX added: \`${'h'.repeat(400)}\`` }] }),
    );
    expect(text.split('\n')[1]).toBe(`      ↳ MX added: ${'h'.repeat(288)}…`);
  });
});

describe('foldedLineText', () => {
  it('names the first eight folded domains and counts the rest', () => {
    const domains = Array.from({ length: 240 }, (_, i) => `d${String(i).padStart(3, '0')}.example`);
    expect(foldedLineText({ verdict: 'enforced', label: '240 enforced, unchanged', domains })).toBe(
      ':large_green_circle: 240 enforced, unchanged: d000.example, d001.example, d002.example, d003.example, d004.example, d005.example, d006.example, d007.example +232 more',
    );
  });

  it('names them all when there are few, in the grey of mode none', () => {
    expect(foldedLineText({ verdict: 'none', label: '2 mode none', domains: ['a.example', 'b_c.example'] })).toBe(
      ':white_circle: 2 mode none: a.example, bˍc.example',
    );
  });

  it('escapes hostile folded names', () => {
    const text = foldedLineText({ verdict: 'testing', label: '1 testing', domains: ['<!channel>&x'] });
    expect(text).toBe(':large_blue_circle: 1 testing: &lt;!channel&gt;&amp;x');
  });
});
