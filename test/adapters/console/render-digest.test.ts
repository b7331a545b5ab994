import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../../adapters/console/render-digest.js';
import type { DigestLine, DigestMessage } from '../../../src/chat/digest-message.js';

const ESC = '\u001b';

function line(domain: string, over: Partial<DigestLine> = {}): DigestLine {
  return {
    domain,
    verdict: 'enforced',
    mode: 'enforce',
    policyId: '20261130T000000',
    shortHash: '3f2a9c1be07d',
    mxCoverage: { covered: 1, total: 1 },
    certDaysLeft: 80,
    timedOut: false,
    failed: false,
    changes: [],
    ...over,
  };
}

function digest(over: Partial<DigestMessage> = {}): DigestMessage {
  return {
    kind: 'digest',
    tone: 'warning',
    headline: 'MTA-STS digest: 4 domains · 2 enforced · 1 broken · 1 timed out',
    counts: { enforced: 2, testing: 0, none: 0, 'not-configured': 0, broken: 1, 'timed-out': 1, failed: 0 },
    noChanges: false,
    intro: '1 domain changed since the previous digest (2026-11-30 09:00 UTC); listed first.',
    lines: [
      line('drift.example', {
        verdict: 'broken',
        changes: [
          { kind: 'verdict-changed', text: 'verdict enforced → broken' },
          {
            kind: 'body-changed-without-id-rotation',
            text: 'policy body changed without a new id (stale-policy-id): senders keep the old policy',
          },
        ],
      }),
      line('slow.example', {
        verdict: null,
        mode: null,
        policyId: null,
        shortHash: null,
        mxCoverage: null,
        certDaysLeft: null,
        timedOut: true,
      }),
      line('a.example', { certDaysLeft: 1 }),
      line('old.example', { certDaysLeft: -3, mxCoverage: { covered: 1, total: 2 } }),
    ],
    details: [
      {
        domain: 'drift.example',
        findings: [
          {
            code: 'stale-policy-id',
            severity: 'error',
            title: 'Policy changed without a new id',
            detail: 'The body differs from the one first seen under id 20261130T000000.',
            fix: 'Publish a new id at _mta-sts.drift.example.',
          },
        ],
      },
    ],
    ...over,
  };
}

describe('renderDigest', () => {
  it('prints the counts headline, the intro, one line per domain in order with its changes, then the broken domains', () => {
    expect(renderDigest(digest(), false)).toEqual([
      'MTA-STS digest: 4 domains · 2 enforced · 1 broken · 1 timed out',
      '1 domain changed since the previous digest (2026-11-30 09:00 UTC); listed first.',
      '',
      '  ✗ drift.example  broken · mode enforce · id 20261130T000000 · sha256 3f2a9c1be07d… · MX 1/1 covered · cert 80 days left',
      '      ▸ verdict enforced → broken',
      '      ▸ policy body changed without a new id (stale-policy-id): senders keep the old policy',
      '  ? slow.example   timed out',
      '  ✓ a.example      enforced · mode enforce · id 20261130T000000 · sha256 3f2a9c1be07d… · MX 1/1 covered · cert 1 day left',
      '  ✓ old.example    enforced · mode enforce · id 20261130T000000 · sha256 3f2a9c1be07d… · MX 1/2 covered · cert expired 3 days ago',
      '',
      'Broken domains',
      '  ▸ drift.example',
      '    ✗ Policy changed without a new id (stale-policy-id)',
      '        The body differs from the one first seen under id 20261130T000000.',
      '        Fix: Publish a new id at _mta-sts.drift.example.',
    ]);
  });

  it('prints a digest of no changes as its one intro line above the domains, and no details section', () => {
    const quiet = digest({
      tone: 'good',
      noChanges: true,
      intro: 'No changes since the previous digest (2026-11-30 09:00 UTC).',
      lines: [line('a.example')],
      details: [],
    });
    const out = renderDigest(quiet, false);
    expect(out.slice(0, 3)).toEqual([
      quiet.headline,
      'No changes since the previous digest (2026-11-30 09:00 UTC).',
      '',
    ]);
    expect(out).not.toContain('Broken domains');
    expect(out).toHaveLength(4);
  });

  it('prints the TLS-RPT line of a domain under it, above its changes', () => {
    const quiet = digest({
      lines: [
        line('a.example', {
          tlsrpt: 'TLS-RPT since the last digest: 40 successful · 0 failed, from Google Inc.\u001b[2J',
        }),
      ],
      details: [],
    });
    expect(renderDigest(quiet, false).slice(3)).toEqual([
      '  ✓ a.example  enforced · mode enforce · id 20261130T000000 · sha256 3f2a9c1be07d… · MX 1/1 covered · cert 80 days left',
      '      TLS-RPT since the last digest: 40 successful · 0 failed, from Google Inc.\\u001b[2J',
    ]);
  });

  it('neutralises control characters and escapes in every remote string', () => {
    const hostile = digest({
      lines: [
        line(`evil${ESC}[2J.example`, {
          verdict: 'broken',
          mode: `enforce${ESC}[8m`,
          policyId: `id\u202eevil`,
          changes: [{ kind: 'mx-added', text: `MX added: mx${ESC}]0;title\u0007.example` }],
        }),
      ],
      details: [
        {
          domain: `evil${ESC}[2J.example`,
          findings: [
            {
              code: 'policy-invalid',
              severity: 'error',
              title: `bad ${ESC}[31mline`,
              detail: `said\r\nX: ${ESC}[1A`,
              fix: `fix\u0000it`,
            },
          ],
        },
      ],
    });
    const text = renderDigest(hostile, false).join('\n');
    for (const unsafe of [ESC, '\u0007', '\u202e', '\r', '\u0000']) expect(text).not.toContain(unsafe);
    expect(text).toContain('✗ evil\\u001b[2J.example  broken · mode enforce\\u001b[8m · id id\\u202eevil');
    expect(text).toContain('▸ MX added: mx\\u001b]0;title\\u0007.example');
    expect(text).toContain('        X: \\u001b[1A');
    expect(text).toContain('Fix: fix\\u0000it');
  });

  it('colours the headline by tone and the marks by verdict on a colour terminal', () => {
    const out = renderDigest(digest(), true);
    expect(out[0]).toBe(
      `${ESC}[1m${ESC}[33mMTA-STS digest: 4 domains · 2 enforced · 1 broken · 1 timed out${ESC}[39m${ESC}[22m`,
    );
    expect(out[3]).toContain(`${ESC}[33m✗${ESC}[39m drift.example`);
  });

  it('prints each fold of unchanged healthy domains as one line under the domains shown in full', () => {
    const folded = digest({
      lines: [line('drift.example', { verdict: 'broken', policyId: null, shortHash: null, certDaysLeft: null })],
      folded: [
        {
          verdict: 'enforced',
          label: '10 enforced, unchanged',
          domains: Array.from({ length: 10 }, (_, i) => `d${i}.example`),
        },
        { verdict: 'none', label: '1 mode none, unchanged', domains: [`opt${ESC}[2J.example`] },
      ],
      details: [],
    });
    expect(renderDigest(folded, false).slice(3)).toEqual([
      '  ✗ drift.example  broken · mode enforce · MX 1/1 covered',
      '  ✓ 10 enforced, unchanged: d0.example, d1.example, d2.example, d3.example, d4.example, d5.example, d6.example, d7.example +2 more',
      '  · 1 mode none, unchanged: opt\\u001b[2J.example',
    ]);
  });
});
