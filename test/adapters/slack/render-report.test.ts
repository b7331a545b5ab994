import { describe, expect, it } from 'vitest';
import { checkLimits, LIMITS, messageTextLength, type SlackBlock } from '../../../adapters/slack/limits.js';
import {
  OPEN_POLICY_ACTION_ID,
  RESCAN_ACTION_ID,
  renderNotice,
  renderReport,
  WATCH_ACTION_ID,
} from '../../../adapters/slack/render-report.js';
import type { FindingLine, MxTableRow, Tone } from '../../../src/chat/chat-message.js';
import { brokenReport, enforcedReport, notConfiguredReport, refusal } from './sample-messages.js';

const texts = (blocks: SlackBlock[]) =>
  blocks.flatMap((block) =>
    block.type === 'context' ? block.elements.map((e) => e.text) : 'text' in block ? [block.text.text] : [],
  );

describe('renderReport', () => {
  it('shows MX hosts without ✓/✗ when there is no policy to match against, and points a not-configured domain to its setup', () => {
    const message = notConfiguredReport();
    const shown = texts(renderReport(message).blocks);
    expect(shown).toContain(
      '*MX hosts*\n```\n   10  mx1.example.com  no policy to match against\n       ✓ STARTTLS TLSv1.3, cert ok, 89 days\n```',
    );
    expect(shown).toContain('Next step: the TXT record and policy to publish are in the thread, ready to paste.');
    expect(shown.join('\n')).not.toContain('✗');
  });
  it('renders a report as header, key facts in two columns, MX table, findings and its buttons', () => {
    const { text, blocks } = renderReport(brokenReport());
    expect(text).toBe(':large_orange_circle: example.com — Broken');
    expect(blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'section', 'actions']);
    const field = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });
    expect(blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Key facts*', verbatim: true },
      fields: [
        field('*Policy id*\n`20240101`'),
        field('*Body*\nsha256 `3f2a9c1be07d…`'),
        field('*Mode*\n`enforce`'),
        field('*max\\_age*\n604800 s (7 days)'.replace('\\_', '_')),
        field('*Certificate*\nexpires 2 Dec 21:59 UTC (in 89 days)'),
        field('*TLS-RPT*\n`mailto:***@example.com`'),
      ],
    });
    expect(blocks[3]).toMatchObject({ text: { text: expect.stringMatching(/^:x: \*An MX host is not covered/) } });
    expect(blocks[4]).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Rescan' },
          action_id: RESCAN_ACTION_ID,
          value: 'example.com',
        },
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Watch' },
          action_id: WATCH_ACTION_ID,
          value: 'example.com',
        },
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Open policy file' },
          action_id: OPEN_POLICY_ACTION_ID,
          url: 'https://mta-sts.example.com/.well-known/mta-sts.txt',
        },
      ],
    });
  });

  it('says first what the command did, in the message and the notification, and offers no Watch once watching', () => {
    const { text, blocks } = renderReport(
      brokenReport({
        action: 'Now watching example.com in this channel · next digest Fri 1 Mar 09:00 UTC (in 9 h)',
        watch: false,
      }),
    );
    expect(text).toBe(
      'Now watching example.com in this channel · next digest Fri 1 Mar 09:00 UTC (in 9 h)\n:large_orange_circle: example.com — Broken',
    );
    expect(blocks[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: ':white_check_mark: Now watching example.com in this channel · next digest Fri 1 Mar 09:00 UTC (in 9 h)',
        verbatim: true,
      },
    });
    expect(blocks[1]!.type).toBe('header');
    expect(JSON.stringify(blocks.at(-1))).not.toContain(WATCH_ACTION_ID);
  });

  it('neutralises stray * _ ~ in finding titles, details and notes, and keeps a wildcard as inline code', () => {
    const payload = renderReport(
      brokenReport({
        summary: ['Cached *42* s ago'],
        findings: [
          {
            code: 'mx-wildcard-missing',
            severity: 'error',
            title: 'MX *wildcard* _missing_ ~here~',
            detail: 'Add `mx: *.mx.example.com` to the policy; *.example.com does not cover it.',
          },
        ],
      }),
    );
    const shown = texts(payload.blocks);
    expect(shown).toContain(
      ':x: *MX \u2217wildcard\u2217 \u02cdmissing\u02cd \u02dchere\u02dc*\nAdd `mx: *.mx.example.com` to the policy; \u2217.example.com does not cover it.',
    );
    expect(shown).toContain('Cached \u221742\u2217 s ago');
  });

  it('offers no policy-file link when the core gives none', () => {
    const { blocks } = renderReport(brokenReport({ policyFile: null }));
    expect(JSON.stringify(blocks)).not.toContain('Open policy file');
  });

  it('shows the MX table in a code block, ✓ with the matching pattern, ✗ where no policy line covers the host', () => {
    const table = texts(renderReport(brokenReport()).blocks)[2]!;
    expect(table).toBe(
      '*MX hosts*\n```\n   10  mx1.example.com    ✓ mx1.example.com\n       ✓ STARTTLS TLSv1.3, cert ok, 89 days\n   20  mx2.elsewhere.net  ✗ not covered by the policy\n       ✓ STARTTLS TLSv1.3, cert ok, 89 days\n```',
    );
  });

  it.each<[Tone, string]>([
    ['good', ':large_green_circle:'],
    ['info', ':large_blue_circle:'],
    ['neutral', ':white_circle:'],
    ['warning', ':large_orange_circle:'],
  ])('colours tone %s with %s in the header and the notification text', (tone, emoji) => {
    const { text, blocks } = renderReport({ ...enforcedReport(), tone });
    expect(text.startsWith(`${emoji} `)).toBe(true);
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { text: expect.stringMatching(new RegExp(`^${emoji} `)) },
    });
  });

  it('omits the buttons the core does not offer', () => {
    const { blocks } = renderReport({ ...brokenReport(), rescan: false, watch: false, policyFile: null });
    expect(blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('renders a notice as one section', () => {
    expect(renderNotice(refusal())).toEqual({
      text: ':white_circle: You have used your 3 scans; try again in 7 minutes.',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: ':white_circle: You have used your 3 scans; try again in 7 minutes.',
            verbatim: true,
          },
        },
      ],
    });
  });

  it('stays within every Block Kit limit with 300 MX rows and 40 findings, cutting cleanly with "+N more"', () => {
    const mxTable: MxTableRow[] = Array.from({ length: 300 }, (_, i) => ({
      host: `mx${i}.${'long-label-'.repeat(20)}example.com`,
      priority: i,
      matchedBy: i % 2 === 0 ? `*.${'long-label-'.repeat(20)}example.com` : null,
      gate: 'STARTTLS TLSv1.2, cert untrusted + wrong name + expired, -3 days',
      gateOk: false,
    }));
    const findings: FindingLine[] = Array.from({ length: 40 }, (_, i) => ({
      code: 'mx-mismatch',
      severity: 'error',
      title: `Finding ${i} ${'<title> '.repeat(100)}`,
      detail: `Detail ${i} ${'& detail '.repeat(1000)}`,
    }));
    const payload = renderReport({
      ...brokenReport(),
      headline: `${'very-long-label.'.repeat(20)}com — Broken`,
      mxTable,
      findings,
    });
    expect(checkLimits(payload)).toMatchObject({ ok: true });
    expect(messageTextLength(payload)).toBeLessThanOrEqual(LIMITS.messageText);
    const all = texts(payload.blocks);
    const table = all.find((text) => text.startsWith('*MX hosts*'))!;
    const shownRows = table.split('\n').filter((line) => /^\s+\d+ {2}mx/.test(line)).length;
    expect(shownRows).toBeGreaterThan(0);
    expect(table.endsWith(`\`\`\`\n+${300 - shownRows} more MX hosts`)).toBe(true);
    const shownFindings = all.filter((text) => text.startsWith(':x: ')).length;
    expect(shownFindings).toBeGreaterThan(0);
    expect(all).toContain(`+${40 - shownFindings} more findings`);
  });
});

/** Ten MX hosts of realistic length, each with the longest gate line a certificate can earn. */
const tenMx = Array.from({ length: 10 }, (_, i) => ({
  host: `mx${i + 1}.mail-hosting-provider.example.com`,
  priority: 10 * (i + 1),
  matchedBy: '*.mail-hosting-provider.example.com',
  gate: 'STARTTLS TLSv1.3, cert untrusted + wrong name + expired, -3 days, DANE mismatch',
  gateOk: false,
}));

describe('the MX table with the sender gate', () => {
  it('fits ten MX hosts, each with its gate line, within every Block Kit limit', () => {
    const payload = renderReport(brokenReport({ mxTable: tenMx }));
    expect(checkLimits(payload).ok).toBe(true);
    const { blocks } = payload;
    const table = texts(blocks).find((text) => text.startsWith('*MX hosts*'))!;
    for (let i = 1; i <= 10; i++)
      // Hosts are padded to the longest (mx10), so the ✓/✗ column lines up.
      expect(table).toContain(
        `mx${i}.mail-hosting-provider.example.com${i < 10 ? ' ' : ''}  ✓ *.mail-hosting-provider.example.com`,
      );
    expect(
      table
        .split('\n')
        .filter(
          (line) => line === '       ✗ STARTTLS TLSv1.3, cert untrusted + wrong name + expired, -3 days, DANE mismatch',
        ),
    ).toHaveLength(10);
    expect(table).not.toContain('more MX hosts');
  });
});
