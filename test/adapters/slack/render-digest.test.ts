import { describe, expect, it } from 'vitest';
import {
  checkLimits,
  LIMITS,
  messageTextLength,
  type SlackBlock,
  type SlackPayload,
} from '../../../adapters/slack/limits.js';
import { renderDigest } from '../../../adapters/slack/render-digest.js';
import { digestMessage } from '../../../src/digest/digest-message.js';
import { snapshotFixture } from '../../digest/digest-fixtures.js';
import { digestLine, largeDigest, sampleDigest } from './sample-messages.js';

const texts = (blocks: SlackBlock[]) =>
  blocks.flatMap((block) =>
    block.type === 'context' ? block.elements.map((e) => e.text) : 'text' in block ? [block.text.text] : [],
  );

/** The domain of every line across all parts, in order: the bold name after the verdict emoji. */
const domainsIn = (payloads: SlackPayload[]) =>
  payloads.flatMap((payload) =>
    payload.blocks
      .filter((block) => block.type === 'section')
      .flatMap((block) => [...block.text.text.matchAll(/^:[a-z_]+: \*([^*\n]+)\*/gm)].map((match) => match[1])),
  );

describe('renderDigest', () => {
  it('renders a small digest as one message: header with the counts, the intro, then the lines in order', () => {
    const payloads = renderDigest(sampleDigest());
    expect(payloads).toHaveLength(1);
    const [payload] = payloads;
    expect(payload!.text).toBe(':large_orange_circle: MTA-STS digest: 3 domains · 1 enforced · 1 broken · 1 timed out');
    expect(payload!.blocks[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: ':large_orange_circle: MTA-STS digest: 3 domains · 1 enforced · 1 broken · 1 timed out',
        emoji: true,
      },
    });
    expect(texts(payload!.blocks)).toEqual([
      ':large_orange_circle: MTA-STS digest: 3 domains · 1 enforced · 1 broken · 1 timed out',
      '1 domain changed since the previous digest (2024-06-02 09:00 UTC); listed first.',
      [
        ':large_orange_circle: *broken.example* · broken · mode enforce · id `20240101` · `0123456789ab` · MX 1/2 · cert 45 days left',
        '      ↳ verdict enforced → broken',
        '      ↳ MX added: mx2.elsewhere.net',
        ':large_green_circle: *good.example* · enforced · mode enforce · id `20240101` · `0123456789ab` · MX 2/2 · cert 45 days left',
        ':hourglass: *slow.example* · timed out',
      ].join('\n'),
    ]);
    expect(checkLimits(payload!)).toMatchObject({ ok: true });
  });

  it('says "no changes" in one line at the top when nothing changed', () => {
    const [payload] = renderDigest(
      sampleDigest({
        tone: 'good',
        noChanges: true,
        intro: 'No changes since the previous digest (2024-06-02 09:00 UTC).',
        lines: [digestLine()],
      }),
    );
    expect(texts(payload!.blocks).slice(1, 2)).toEqual([
      'No changes since the previous digest (2024-06-02 09:00 UTC).',
    ]);
    expect(payload!.text.startsWith(':large_green_circle: ')).toBe(true);
  });

  it('renders a digest without domains as its header and intro alone', () => {
    const [payload, ...rest] = renderDigest(sampleDigest({ lines: [], details: [], intro: 'Watching 0 domains' }));
    expect(rest).toEqual([]);
    expect(payload!.blocks.map((block) => block.type)).toEqual(['header', 'section']);
  });

  it('leaves out an empty intro rather than send an empty section', () => {
    const [payload] = renderDigest(sampleDigest({ intro: '' }));
    expect(checkLimits(payload!)).toMatchObject({ ok: true });
    expect(payload!.blocks.map((block) => block.type)).toEqual(['header', 'section']);
  });

  it('escapes hostile text in the headline, intro and lines', () => {
    const hostile = '<!channel>&<@U123><http://evil|click>';
    const payloads = renderDigest(
      sampleDigest({
        headline: `digest ${hostile}`,
        intro: `intro ${hostile}`,
        lines: [digestLine({ domain: hostile, changes: [{ kind: 'mx-added', text: hostile }] })],
      }),
    );
    const sent = JSON.stringify(payloads);
    expect(sent).not.toMatch(/[<>]/);
    expect(sent).toContain('intro &lt;!channel&gt;&amp;&lt;@U123&gt;&lt;http://evil|click&gt;');
  });

  it('splits 500 varied, long lines over several messages within every Block Kit limit, each domain exactly once', () => {
    const digest = largeDigest(500);
    const payloads = renderDigest(digest);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) {
      expect(checkLimits(payload)).toMatchObject({ ok: true });
      expect(messageTextLength(payload)).toBeLessThanOrEqual(LIMITS.messageText);
      // What a response_url fallback adds (one hint block) still fits.
      expect(payload.blocks.length).toBeLessThan(LIMITS.blocksPerMessage);
    }
    expect(domainsIn(payloads)).toEqual(digest.lines.map((line) => line.domain));
  });

  it('labels each part "part k/n" in its notification text and keeps the header and intro on the first', () => {
    const payloads = renderDigest(largeDigest(500));
    const n = payloads.length;
    payloads.forEach((payload, i) => {
      expect(payload.text).toBe(`:large_orange_circle: MTA-STS digest: 500 domains (part ${i + 1}/${n})`);
    });
    expect(payloads[0]!.blocks.slice(0, 3).map((block) => block.type)).toEqual(['header', 'section', 'context']);
    expect(texts(payloads[0]!.blocks)[2]).toBe(`Part 1/${n}`);
    for (const payload of payloads.slice(1)) {
      expect(payload.blocks[0]).toMatchObject({ type: 'context' });
      expect(texts(payload.blocks)[0]).toMatch(new RegExp(`· part \\d+/${n}$`));
      expect(payload.blocks.some((block) => block.type === 'header')).toBe(false);
    }
  });

  it('never splits a domain from its changes across sections or parts', () => {
    const digest = largeDigest(500);
    const expected = new Map(
      digest.lines.map((line) => [line.domain, Math.min(line.changes.length, 5) + (line.changes.length > 5 ? 1 : 0)]),
    );
    let sections = 0;
    for (const payload of renderDigest(digest)) {
      for (const block of payload.blocks) {
        if (block.type !== 'section' || !/^:[a-z_]+: \*/.test(block.text.text)) continue;
        sections += 1;
        const runs: Array<[string, number]> = [];
        for (const line of block.text.text.split('\n')) {
          const domain = /^:[a-z_]+: \*([^*]+)\*/.exec(line)?.[1];
          if (domain !== undefined) runs.push([domain, 0]);
          else runs.at(-1)![1] += 1;
        }
        for (const [domain, changeLines] of runs) expect(changeLines).toBe(expected.get(domain));
      }
    }
    expect(sections).toBeGreaterThan(10);
  });

  it('renders 250 healthy unchanged domains as one short message: the counts, one line, and one line per verdict', () => {
    const names = Array.from({ length: 250 }, (_, i) => `d${String(i).padStart(3, '0')}.example`);
    const snapshots = names.map((domain, i) =>
      i < 10 ? snapshotFixture({ domain, verdict: 'testing', mode: 'testing' }) : snapshotFixture({ domain }),
    );
    const outcomes = snapshots.map((snapshot) => ({
      domain: snapshot.domain,
      status: 'scanned' as const,
      snapshot,
      findings: [],
    }));
    const digest = digestMessage(outcomes, {
      previous: { at: '2026-11-29T09:00:00.000Z', snapshots },
      now: new Date('2026-11-30T09:00:00.000Z'),
    });
    const payloads = renderDigest(digest);
    expect(payloads).toHaveLength(1);
    expect(payloads[0]!.blocks.map((block) => block.type)).toEqual(['header', 'section', 'section']);
    expect(texts(payloads[0]!.blocks)).toEqual([
      ':white_circle: MTA-STS digest: 250 domains · 240 enforced · 10 testing',
      'No changes since the previous digest (29 Nov 09:00 UTC).',
      [
        ':large_green_circle: 240 enforced, unchanged: d010.example, d011.example, d012.example, d013.example, d014.example, d015.example, d016.example, d017.example +232 more',
        ':large_blue_circle: 10 testing, unchanged: d000.example, d001.example, d002.example, d003.example, d004.example, d005.example, d006.example, d007.example +2 more',
      ].join('\n'),
    ]);
    expect(messageTextLength(payloads[0]!)).toBeLessThan(600);
  });

  it('lists the changed and broken domains in full above the folded ones, without id or hash', () => {
    const before = [
      snapshotFixture({ domain: 'calm.example' }),
      snapshotFixture({ domain: 'shop.example' }),
      snapshotFixture({ domain: 'opt-out.example', verdict: 'none', mode: 'none' }),
    ];
    const now = [
      before[0]!,
      snapshotFixture({
        domain: 'shop.example',
        verdict: 'broken',
        mx: ['mx1.shop.example', 'mx2.shop.example'],
        uncoveredMx: ['mx2.shop.example'],
        certNotAfter: '2026-12-10T00:00:00.000Z',
      }),
      before[2]!,
    ];
    const digest = digestMessage(
      now.map((snapshot) => ({ domain: snapshot.domain, status: 'scanned' as const, snapshot, findings: [] })),
      { previous: { at: '2026-11-29T09:00:00.000Z', snapshots: before }, now: new Date('2026-11-30T09:00:00.000Z') },
    );
    const [payload, ...rest] = renderDigest(digest);
    expect(rest).toEqual([]);
    expect(texts(payload!.blocks).slice(1)).toEqual([
      '1 domain changed since the previous digest (29 Nov 09:00 UTC); listed first.',
      [
        ':large_orange_circle: *shop.example* · broken · mode enforce · MX 1/2',
        '      ↳ verdict enforced → broken',
        '      ↳ MX added, not covered by the policy: `mx2.shop.example`',
        '      ↳ certificate expires in 9 days (2026-12-10)',
        ':large_green_circle: 1 enforced, unchanged: calm.example',
        ':white_circle: 1 mode none, unchanged: opt-out.example',
      ].join('\n'),
    ]);
  });

  it('says "mode none" once for a deliberate opt-out and gives it no MX coverage figure nor uncovered hosts', () => {
    const before = snapshotFixture({ domain: 'opt-out.example', verdict: 'testing', mode: 'testing' });
    const optOut = snapshotFixture({
      domain: 'opt-out.example',
      verdict: 'none',
      mode: 'none',
      mx: ['mx1.opt-out.example', 'mx2.opt-out.example'],
      uncoveredMx: ['mx1.opt-out.example', 'mx2.opt-out.example'],
    });
    const digest = digestMessage([{ domain: optOut.domain, status: 'scanned', snapshot: optOut, findings: [] }], {
      previous: { at: '2026-11-29T09:00:00.000Z', snapshots: [before] },
      now: new Date('2026-11-30T09:00:00.000Z'),
    });
    expect(texts(renderDigest(digest)[0]!.blocks)[2]).toBe(
      [
        ':white_circle: *opt-out.example* · mode none',
        '      ↳ verdict testing → none',
        '      ↳ mode testing → none',
        '      ↳ MX added: `mx2.opt-out.example`',
      ].join('\n'),
    );
  });
});
