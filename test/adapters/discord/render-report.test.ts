import { describe, expect, it } from 'vitest';
import { checkLimits, LIMITS, totalEmbedLength } from '../../../adapters/discord/limits.js';
import { toneColour } from '../../../adapters/discord/palette.js';
import { renderNotice, renderReport } from '../../../adapters/discord/render-report.js';
import type { Tone } from '../../../src/chat/chat-message.js';
import type { Verdict } from '../../../src/report/report.js';
import { notConfiguredReport } from '../slack/sample-messages.js';
import { brokenReport, enforcedReport, hugeReport, refusal } from './sample-messages.js';

describe('renderReport', () => {
  it('shows MX hosts without ✓/✗ when there is no policy to match against, and points a not-configured domain to its setup', () => {
    const message = notConfiguredReport();
    const embed = renderReport(message).embeds[0]!;
    expect(embed.fields?.filter((field) => !field.inline).map((field) => field.value)).toEqual([
      'mx1.example.com (10): no policy to match against\n↳ ✓ STARTTLS TLSv1.3, cert ok, 89 days',
    ]);
    expect(embed.footer).toEqual({
      text: 'Next step: the TXT record and policy to publish are in the fixes thread, ready to paste.',
    });
    expect(JSON.stringify(embed)).not.toContain('✗');
  });
  it.each<[Verdict, Tone, number]>([
    ['enforced', 'good', 0x2eb67d],
    ['testing', 'info', toneColour('info')],
    ['none', 'neutral', toneColour('neutral')],
    ['not-configured', 'neutral', toneColour('neutral')],
    ['broken', 'warning', toneColour('warning')],
  ])('colours a %s report by its tone (%s)', (verdict, tone, colour) => {
    expect(renderReport(brokenReport({ verdict, tone })).embeds[0]!.color).toBe(colour);
  });

  it('uses four distinct colours: green, blue, grey and amber', () => {
    expect(new Set((['good', 'info', 'neutral', 'warning'] as const).map(toneColour)).size).toBe(4);
  });

  it('renders a report as one embed: headline title, key facts in pairs, MX field, one field per finding', () => {
    const { embeds } = renderReport(brokenReport());

    expect(embeds).toEqual([
      {
        color: toneColour('warning'),
        title: 'example.com — Broken',
        footer: { text: 'How to fix it: see the fixes thread on this message.' },
        fields: [
          { name: 'Policy id', value: '`20240101`', inline: true },
          { name: 'Body', value: 'sha256 `3f2a9c1be07d…`', inline: true },
          { name: '\u200b', value: '\u200b', inline: true },
          { name: 'Mode', value: '`enforce`', inline: true },
          { name: 'max\\_age', value: '604800 s (7 days)', inline: true },
          { name: '\u200b', value: '\u200b', inline: true },
          { name: 'Certificate', value: 'expires 2 Dec 21:59 UTC (in 89 days)', inline: true },
          { name: 'TLS-RPT', value: '`mailto:***@example.com`', inline: true },
          { name: '\u200b', value: '\u200b', inline: true },
          {
            name: 'MX hosts (2)',
            value:
              '✓ mx1.example.com (10): mx1.example.com\n↳ ✓ STARTTLS TLSv1.3, cert ok, 89 days\n✗ mx2.elsewhere.net (20): not covered by the policy\n↳ ✓ STARTTLS TLSv1.3, cert ok, 89 days',
          },
          {
            name: '❌ An MX host is not covered by the policy',
            value: 'mx2.elsewhere.net is not matched by any mx line, so senders in enforce mode will refuse it.',
          },
        ],
      },
    ]);
  });

  it('leaves out the footer and the findings of a healthy report', () => {
    const [embed] = renderReport(enforcedReport()).embeds;
    expect(embed!.footer).toBeUndefined();
    expect(embed!.fields!.filter((field) => !field.inline).map((field) => field.name)).toEqual(['MX hosts (2)']);
  });

  it('offers a Rescan button only when the message asks for one and the domain fits in a custom_id', () => {
    expect(renderReport(brokenReport()).components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 2, label: 'Rescan', custom_id: 'mtasts:rescan:example.com' },
          { type: 2, style: 2, label: 'Watch', custom_id: 'mtasts:watch:example.com' },
          { type: 2, style: 5, label: 'Open policy file', url: 'https://mta-sts.example.com/.well-known/mta-sts.txt' },
        ],
      },
    ]);
    expect(renderReport(brokenReport({ rescan: false, watch: false, policyFile: null })).components).toEqual([]);
    expect(renderReport(brokenReport({ domain: `${'a'.repeat(90)}.example`, policyFile: null })).components).toEqual(
      [],
    );
  });

  it('puts what the command did above the title, offers no Watch once watching, and says the fixes are in a thread', () => {
    const reply = renderReport(
      brokenReport({
        action:
          'Now watching example.com in this channel · digests are off here (`/mtasts digest daily` turns them on)',
        watch: false,
      }),
    );
    expect(reply.embeds[0]!.author).toEqual({
      name: 'Now watching example.com in this channel · digests are off here (/mtasts digest daily turns them on)',
    });
    expect(reply.embeds[0]!.footer).toEqual({ text: 'How to fix it: see the fixes thread on this message.' });
    expect(JSON.stringify(reply.components)).not.toContain('mtasts:watch:');
  });

  it('renders a notice as a coloured embed with the escaped text and no buttons', () => {
    expect(renderNotice({ ...refusal(), text: ['Wait *7* minutes @everyone'] })).toEqual({
      embeds: [{ color: toneColour('neutral'), description: 'Wait \\*7\\* minutes @\u200beveryone' }],
      components: [],
    });
  });

  it('keeps a report with 300 MX rows and 40 long findings within every Discord limit, cut with "+N more"', () => {
    const reply = renderReport(hugeReport());
    const [embed] = reply.embeds;
    const fields = embed!.fields!;
    // The MX table spreads over its three fields; each shown host takes two lines (coverage, then gate).
    const mxFields = fields.filter((f) => f.name.startsWith('MX hosts'));
    expect(mxFields).toHaveLength(3);
    const mx = mxFields
      .map((f) => f.value)
      .join('\n')
      .split('\n');
    const shownHosts = mx.filter((line) => /^[✓✗] mx/.test(line)).length;
    const shownFindings = fields.filter((f) => !f.inline).slice(3, -1);
    const moreFindings = fields.at(-1)!;

    expect(checkLimits(reply)).toEqual({ ok: true, value: reply });
    expect(totalEmbedLength(reply.embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(fields.length).toBeLessThanOrEqual(LIMITS.fields);
    expect(embed!.title!.length).toBeLessThanOrEqual(LIMITS.title);
    expect(embed!.description).toMatch(/\n\+\d+ more$/);
    expect(mx.at(-1)).toBe(`+${300 - shownHosts} more MX hosts`);
    expect(shownHosts).toBeGreaterThan(0);
    expect(moreFindings.name).toBe(`+${40 - shownFindings.length} more findings`);
    expect(shownFindings.length).toBeGreaterThan(0);
    for (const field of fields) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  });

  it('keeps within the limits whatever the number of findings', () => {
    const huge = hugeReport();
    for (let count = 0; count <= 40; count += 1) {
      const reply = renderReport({ ...huge, findings: huge.findings.slice(0, count) });
      expect(checkLimits(reply).ok).toBe(true);
      const names = reply.embeds[0]!.fields!.filter((field) => !field.inline).map((field) => field.name);
      const shown = names.filter((name) => !name.startsWith('MX') && !name.startsWith('+')).length;
      const more = Number(names.find((name) => name.startsWith('+'))?.match(/^\+(\d+)/)?.[1] ?? 0);
      expect(shown + more).toBe(count);
    }
  });

  it('escapes only what can show, so a megabyte of hostile text renders at once', () => {
    const hostile = '*_<@1>'.repeat(200_000);
    const started = Date.now();

    const reply = renderReport(
      brokenReport({
        headline: hostile,
        summary: [hostile],
        findings: [{ ...brokenReport().findings[0]!, detail: hostile }],
      }),
    );

    expect(Date.now() - started).toBeLessThan(2000);
    expect(checkLimits(reply).ok).toBe(true);
    expect(reply.embeds[0]!.title).toMatch(/^\\\*\\_<\u200b@1>/);
  });

  it('turns no remote text into a masked link: TXT, mode, rua, MX names, findings and a time-zone notice', () => {
    const link = '[Fix](https://evil.example)';
    const report = renderReport(
      brokenReport({
        headline: `example.com ${link} — Broken`,
        summary: [`Policy id 1; ${link} ${link}`, `Mode enforce${link}`, `TLS-RPT: https://a.example/${link}, ${link}`],
        mxTable: [
          {
            host: `mx.example.com${link}`,
            priority: 10,
            matchedBy: `*.example.com${link}`,
            gate: `STARTTLS TLSv1.3${link}`,
            gateOk: true,
          },
        ],
        findings: [{ code: 'policy-invalid', severity: 'error', title: `mode ${link}`, detail: `${link}${link}` }],
      }),
    );
    const notice = renderNotice({ ...refusal(), text: [`Unknown time zone "Europe/${link} ${link}".`] });
    for (const embed of [...report.embeds, ...notice.embeds]) {
      const texts = [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])];
      for (const text of texts) expect((text ?? '').replace(/\\[\s\S]/g, '')).not.toMatch(/[[\]]/);
    }
    expect(notice.embeds[0]!.description).toBe(
      'Unknown time zone "Europe/\\[Fix\\](https://evil.example) \\[Fix\\](https://evil.example)".',
    );
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

describe('the MX field with the sender gate', () => {
  it('fits ten MX hosts, each with its gate line, in one field within every Discord limit', () => {
    const reply = renderReport(brokenReport({ mxTable: tenMx }));
    expect(checkLimits(reply).ok).toBe(true);
    const fields = reply.embeds[0]!.fields!.filter((f) => f.name.startsWith('MX hosts'));
    expect(fields.map((f) => f.name)).toEqual(['MX hosts (10)', 'MX hosts (continued)']);
    const field = { value: fields.map((f) => f.value).join('\n') };
    for (let i = 1; i <= 10; i++) expect(field.value).toContain(`mx${i}.mail-hosting-provider.example.com (${10 * i})`);
    expect(
      field.value
        .split('\n')
        .filter(
          (line) => line === '↳ ✗ STARTTLS TLSv1.3, cert untrusted + wrong name + expired, -3 days, DANE mismatch',
        ),
    ).toHaveLength(10);
    expect(field.value).not.toContain('more MX hosts');
  });
});
