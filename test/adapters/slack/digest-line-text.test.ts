import { describe, expect, it } from 'vitest';
import { digestLineText } from '../../../adapters/slack/digest-line-text.js';
import { digestLine } from './sample-messages.js';

describe('digestLineText', () => {
  it('puts verdict, domain, mode, id, short hash, MX coverage and certificate days on one line', () => {
    expect(digestLineText(digestLine())).toBe(
      ':large_green_circle: *example.com* · enforced · mode enforce · id 20240101 · `0123456789ab` · MX 2/2 · cert 45 days left',
    );
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
      ':large_blue_circle: *example.com* · testing · mode testing · id 20240101 · `0123456789ab` · MX 2/2 · cert 45 days left',
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
