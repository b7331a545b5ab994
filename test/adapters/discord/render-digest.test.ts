import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLimits, type DiscordReply, LIMITS, totalEmbedLength } from '../../../adapters/discord/limits.js';
import { toneColour } from '../../../adapters/discord/palette.js';
import { CONTINUED_TITLE, renderDigest } from '../../../adapters/discord/render-digest.js';
import type { DigestMessage } from '../../../src/chat/digest-message.js';
import { digestMessage } from '../../../src/digest/digest-message.js';
import type { DomainSnapshot } from '../../../src/store/watch-store.js';
import { snapshotFixture } from '../../digest/digest-fixtures.js';
import { digestLine, digestOf, hugeDigest, sampleDigest } from './sample-digests.js';

/** Every embed description of every message, in order. */
const descriptions = (replies: DiscordReply[]) =>
  replies.flatMap((reply) => reply.embeds.map((embed) => embed.description ?? ''));
/** The domains named at the head of an entry ("🟢 **domain** — …"), in order. */
const domainsShown = (replies: DiscordReply[]) =>
  descriptions(replies).flatMap((text) => [...text.matchAll(/^\S+ \*\*(.+?)\*\* — /gm)].map((match) => match[1]!));

/** A domain's entry as rendered when it is alone in a digest: the reference for "never cut". */
function entryAlone(digest: DigestMessage, index: number): string {
  const alone = renderDigest({ ...digest, intro: '', details: [], lines: [digest.lines[index]!] });
  return alone[0]!.embeds[0]!.description!;
}

describe('renderDigest', () => {
  it('renders a small digest as one embed: headline title, intro on top, then one line per domain in the given order', () => {
    const replies = renderDigest(sampleDigest());

    expect(replies).toHaveLength(1);
    expect(replies[0]!.components).toEqual([]);
    expect(replies[0]!.embeds).toEqual([
      {
        color: toneColour('warning'),
        title: 'MTA-STS digest: 5 domains · 1 enforced · 1 testing · 1 not-configured · 1 broken · 1 timed-out',
        description: [
          '2 domains changed since the previous digest (2026-11-23 09:00 UTC); listed first.',
          '🟠 **broken.example** — broken · mode enforce · id `20240101` · sha256 `3f2a1b2c3d4e` · MX 1/2 · cert 12 days left',
          '↳ verdict enforced → broken',
          '↳ MX not covered by the policy: mx2.elsewhere.net',
          '🔵 **rollout.example** — testing · mode testing · id `20241102` · sha256 `3f2a1b2c3d4e` · MX 2/2 · cert 45 days left',
          '↳ id rotated: 20241101 → 20241102',
          '⏳ **slow.example** — timed out',
          '🟢 **good.example** — enforced · mode enforce · id `20240101` · sha256 `3f2a1b2c3d4e` · MX 2/2 · cert expired 3 days ago',
          '⚪ **bare.example** — not configured',
        ].join('\n'),
        footer: { text: 'Details of 1 broken domain: in the thread.' },
      },
    ]);
  });

  it('puts the TLS-RPT line of a domain under its entry, markdown escaped', () => {
    const [reply] = renderDigest(
      digestOf([
        digestLine('a.example', {
          tlsrpt: 'TLS-RPT since the last digest: 12 successful · 0 failed, from **Bold** Inc.',
        }),
      ]),
    );
    expect(reply!.embeds[0]!.description!.split('\n').slice(-1)).toEqual([
      'TLS-RPT since the last digest: 12 successful · 0 failed, from \\*\\*Bold\\*\\* Inc.',
    ]);
  });

  it('says in one line at the top that nothing changed, and names a failed scan', () => {
    const digest = digestOf([
      digestLine('a.example'),
      digestLine('b.example', { verdict: null, mode: null, failed: true, certDaysLeft: 1 }),
    ]);

    const [embed] = renderDigest(digest)[0]!.embeds;

    expect(embed!.description!.split('\n')).toEqual([
      'No changes since the previous digest (2026-11-23 09:00 UTC).',
      '🟢 **a.example** — enforced · mode enforce · id `20240101` · sha256 `3f2a1b2c3d4e` · MX 2/2 · cert 45 days left',
      '❗ **b.example** — scan failed · id `20240101` · sha256 `3f2a1b2c3d4e` · MX 2/2 · cert 1 day left',
    ]);
    expect(embed!.footer).toBeUndefined();
  });

  it.each([
    ['good', toneColour('good')],
    ['info', toneColour('info')],
    ['neutral', toneColour('neutral')],
    ['warning', toneColour('warning')],
  ] as const)('colours every embed by the digest tone (%s)', (tone, colour) => {
    const replies = renderDigest({ ...hugeDigest(200), tone });
    for (const embed of replies.flatMap((reply) => reply.embeds)) expect(embed.color).toBe(colour);
  });

  it('shows at most six changes of a domain, then how many more there were', () => {
    const changes = Array.from({ length: 9 }, (_, i) => ({
      kind: 'mx-added' as const,
      text: `MX added: mx${i}.example`,
    }));
    const description = renderDigest(digestOf([digestLine('a.example', { changes })]))[0]!.embeds[0]!.description!;

    expect(description.split('\n').slice(2)).toEqual([
      ...changes.slice(0, 6).map((c) => `↳ ${c.text}`),
      '↳ +3 more changes',
    ]);
  });

  it('renders a digest with no lines (an empty watch list) as its title and intro', () => {
    const replies = renderDigest(digestOf([], { intro: 'Watching 0 domains · digest daily at 09:00 UTC' }));
    expect(replies).toEqual([
      {
        embeds: [
          {
            color: toneColour('good'),
            title: 'MTA-STS digest: 0 domains',
            description: 'Watching 0 domains · digest daily at 09:00 UTC',
          },
        ],
        components: [],
      },
    ]);
  });

  it('escapes hostile text in every part of a line, so no mention or markdown survives', () => {
    const digest = digestOf(
      [
        digestLine('**x**<@123>.example', {
          mode: '`enforce`',
          policyId: '<@&456>@everyone',
          shortHash: '||spoiler||',
          changes: [{ kind: 'mx-added', text: 'MX added: @here [bank](https://evil.example) # big' }],
        }),
      ],
      { headline: 'digest @everyone **loud**', intro: '> quoted <#789>' },
    );

    const [embed] = renderDigest(digest)[0]!.embeds;
    const text = JSON.stringify(embed);

    expect(embed!.title).toBe('digest @\u200beveryone \\*\\*loud\\*\\*');
    // Ids and hashes are inline code, shown verbatim: no mention, link or markdown forms inside a code span.
    expect(embed!.description).toContain(
      '**\\*\\*x\\*\\*<\u200b@123>.example** — enforced · mode \\`enforce\\` · id `<@&456>@\u200beveryone` · sha256 `||spoiler||`',
    );
    expect(embed!.description).toContain('↳ MX added: @\u200bhere \\[bank\\](https://evil.example) # big');
    expect(embed!.description!.startsWith('\\> quoted <\u200b#789>')).toBe(true);
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text.replace(/`[^`]*`/g, '')).not.toMatch(/<[@#]/);
  });

  it('cuts overlong remote text within a line, so one entry always fits', () => {
    const digest = digestOf([
      digestLine('a.example', {
        policyId: 'i'.repeat(10_000),
        mode: 'm'.repeat(10_000),
        changes: Array.from({ length: 6 }, () => ({
          kind: 'mx-added' as const,
          text: `MX added: ${'h'.repeat(10_000)}`,
        })),
      }),
    ]);

    const replies = renderDigest(digest);
    const [, head, ...changes] = replies[0]!.embeds[0]!.description!.split('\n');

    expect(replies).toHaveLength(1);
    expect(checkLimits(replies[0]!).ok).toBe(true);
    expect(head).toMatch(/mode m{15}… · id `i{63}…` · /);
    for (const change of changes) expect(change).toMatch(/^↳ MX added: h+…$/);
    expect(changes.every((change) => change.length === 2 + 300)).toBe(true);
  });

  describe('a digest of 500 varied, long lines', () => {
    const digest = hugeDigest(500);
    const replies = renderDigest(digest);

    it('is split into several messages, each within every embed limit', () => {
      expect(replies.length).toBeGreaterThan(1);
      for (const reply of replies) {
        expect(checkLimits(reply)).toEqual({ ok: true, value: reply });
        expect(reply.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
        expect(totalEmbedLength(reply.embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
        for (const embed of reply.embeds) {
          expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.description);
          expect((embed.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
        }
      }
    });

    it('shows every domain exactly once, in the given order (changed ones first)', () => {
      expect(domainsShown(replies)).toEqual(digest.lines.map((line) => line.domain));
    });

    it('never cuts an entry: each description is whole entries, each as it renders on its own', () => {
      const entries = digest.lines.map((_, index) => entryAlone(digest, index));
      const shown = descriptions(replies).join('\n');

      expect(shown).toBe([digest.intro, ...entries].join('\n'));
      for (const text of descriptions(replies).slice(1)) expect(text).toMatch(/^\S+ \*\*/);
    });

    it('titles the first message with the headline and the others "continued", each footed "Part i/n"', () => {
      const titles = replies.map((reply) => reply.embeds[0]!.title);
      const footers = replies.map((reply) => reply.embeds.at(-1)!.footer?.text);

      expect(titles).toEqual([digest.headline, ...replies.slice(1).map(() => CONTINUED_TITLE)]);
      expect(footers[0]).toBe(
        `Part 1/${replies.length} · Details of ${digest.details.length} broken domains: in the thread.`,
      );
      expect(footers.slice(1)).toEqual(replies.slice(1).map((_, i) => `Part ${i + 2}/${replies.length}`));
      for (const reply of replies)
        expect(reply.embeds.slice(0, -1).every((embed) => embed.footer === undefined)).toBe(true);
    });
  });

  it('keeps within the limits and shows every domain once, whatever the number and length of lines', () => {
    const line = fc.record({
      domain: fc.string({ minLength: 1, maxLength: 300, unit: fc.constantFrom('a', 'b', '-', '.', '9') }),
      changes: fc.array(fc.string({ maxLength: 2000 }), { maxLength: 12 }),
      policyId: fc.option(fc.string({ maxLength: 200 })),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 120 }), fc.string({ maxLength: 2000 }), (specs, intro) => {
        const lines = specs.map((spec, i) =>
          digestLine(`${i}x${spec.domain}`, {
            policyId: spec.policyId,
            changes: spec.changes.map((text) => ({ kind: 'mx-added' as const, text })),
          }),
        );
        const replies = renderDigest(digestOf(lines, { intro }));
        for (const reply of replies) expect(checkLimits(reply).ok).toBe(true);
        expect(domainsShown(replies).map((shown) => shown.split('x')[0])).toEqual(lines.map((_, i) => String(i)));
      }),
      { numRuns: 40 },
    );
  });

  it('drops the backtick of a code span the cut left open, so no span runs on past the line', () => {
    // Escaping doubles each `<`, so the cut falls inside the span.
    const changes = [{ kind: 'mx-added' as const, text: `MX added: ${'<'.repeat(100)} \`${'h'.repeat(100)}\`` }];
    const description = renderDigest(digestOf([digestLine('a.example', { changes })]))[0]!.embeds[0]!.description!;
    expect(description.split('\n').at(-1)).toBe(`↳ MX added: ${'<\u200b'.repeat(100)} ${'h'.repeat(87)}…`);
  });

  describe('as the core folds a channel', () => {
    const NOW = new Date('2026-11-30T09:00:00.000Z');
    const scanned = (snapshot: DomainSnapshot) => ({
      domain: snapshot.domain,
      status: 'scanned' as const,
      snapshot,
      findings: [],
    });

    it('renders 250 healthy unchanged domains as one short message: one embed, one line per verdict', () => {
      const snapshots = Array.from({ length: 250 }, (_, i) => {
        const domain = `d${String(i).padStart(3, '0')}.example`;
        return i < 10 ? snapshotFixture({ domain, verdict: 'testing', mode: 'testing' }) : snapshotFixture({ domain });
      });
      const digest = digestMessage(snapshots.map(scanned), {
        previous: { at: '2026-11-29T09:00:00.000Z', snapshots },
        now: NOW,
      });
      expect(renderDigest(digest)).toEqual([
        {
          embeds: [
            {
              color: toneColour('neutral'),
              title: 'MTA-STS digest: 250 domains · 240 enforced · 10 testing',
              description: [
                'No changes since the previous digest (29 Nov 09:00 UTC).',
                '🟢 240 enforced, unchanged: d010.example, d011.example, d012.example, d013.example, d014.example, d015.example, d016.example, d017.example +232 more',
                '🔵 10 testing, unchanged: d000.example, d001.example, d002.example, d003.example, d004.example, d005.example, d006.example, d007.example +2 more',
              ].join('\n'),
            },
          ],
          components: [],
        },
      ]);
    });

    it('lists changed and broken domains in full, hosts in inline code, no coverage figure for mode none', () => {
      const before = [
        snapshotFixture({ domain: 'calm.example' }),
        snapshotFixture({ domain: 'shop.example', certNotAfter: '2026-12-10T00:00:00.000Z' }),
        snapshotFixture({ domain: 'opt-out.example', verdict: 'testing', mode: 'testing' }),
      ];
      const now = [
        before[0]!,
        snapshotFixture({
          domain: 'shop.example',
          verdict: 'broken',
          mx: ['mx1.shop.example', '*.mx.shop.example'],
          uncoveredMx: ['*.mx.shop.example'],
          certSerial: '02',
          certNotAfter: '2026-12-05T00:00:00.000Z',
        }),
        snapshotFixture({
          domain: 'opt-out.example',
          verdict: 'none',
          mode: 'none',
          mx: ['mx1.opt-out.example', 'mx2.opt-out.example'],
          uncoveredMx: ['mx1.opt-out.example', 'mx2.opt-out.example'],
        }),
      ];
      const digest = digestMessage(now.map(scanned), {
        previous: { at: '2026-11-29T09:00:00.000Z', snapshots: before },
        now: NOW,
      });
      expect(renderDigest(digest)[0]!.embeds[0]!.description!.split('\n')).toEqual([
        '2 domains changed since the previous digest (29 Nov 09:00 UTC); listed first.',
        '🟠 **shop.example** — broken · mode enforce · MX 1/2',
        '↳ verdict enforced → broken',
        '↳ MX added, not covered by the policy: `*.mx.shop.example`',
        '↳ certificate replaced, expires 2026-12-05 (sooner than the previous one, 2026-12-10)',
        '↳ certificate expires in 4 days (2026-12-05)',
        '⚪ **opt-out.example** — mode none',
        '↳ verdict testing → none',
        '↳ mode testing → none',
        '↳ MX added: `mx2.opt-out.example`',
        '🟢 1 enforced, unchanged: calm.example',
      ]);
    });
  });
});
