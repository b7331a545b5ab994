import { describe, expect, it } from 'vitest';
import { renderDigest as renderDiscordDigest } from '../../../adapters/discord/render-digest.js';
import { renderDigestDetails as renderDiscordDetails } from '../../../adapters/discord/render-digest-details.js';
import { renderReport as renderEmbed } from '../../../adapters/discord/render-report.js';
import { SEVERITY_GLYPH, statusGlyph, TONE_PALETTE } from '../../../adapters/shared/palette.js';
import { digestLineText } from '../../../adapters/slack/digest-line-text.js';
import { renderDigestDetails as renderSlackDetails } from '../../../adapters/slack/render-digest-details.js';
import type { Verdict } from '../../../src/report/report.js';
import { brokenDetail, digestOf, digestLine as discordLine } from '../discord/sample-digests.js';
import { brokenReport, digestLine as slackLine } from '../slack/sample-messages.js';

describe('one colour language on every platform', () => {
  it.each<[Verdict, string, string]>([
    ['enforced', ':large_green_circle:', '🟢'],
    ['testing', ':large_blue_circle:', '🔵'],
    ['none', ':white_circle:', '⚪'],
    ['not-configured', ':white_circle:', '⚪'],
    ['broken', ':large_orange_circle:', '🟠'],
  ])('marks a %s digest line with the same glyph in Slack (%s) and Discord (%s)', (verdict, slack, discord) => {
    expect(digestLineText(slackLine({ verdict })).startsWith(`${slack} *example.com*`)).toBe(true);
    const description = renderDiscordDigest(digestOf([discordLine('example.com', { verdict })], { intro: '' }))[0]!
      .embeds[0]!.description;
    expect(description?.startsWith(`${discord} **example.com**`)).toBe(true);
  });

  it('colours a broken report amber in Discord, the same swatch as Slack’s orange circle', () => {
    expect(renderEmbed(brokenReport()).embeds[0]!.color).toBe(0xf2a900);
    expect(TONE_PALETTE.warning).toEqual({
      glyph: { emoji: '🟠', slack: ':large_orange_circle:' },
      rgb: 0xf2a900,
      terminal: 'yellow',
    });
  });

  it('marks an error finding ❌ on both platforms (Slack :x: is the same emoji)', () => {
    expect(SEVERITY_GLYPH.error).toEqual({ emoji: '❌', slack: ':x:' });
    const slack = JSON.stringify(
      renderSlackDetails(
        digestOf([discordLine('a.example', { verdict: 'broken' })], { details: [brokenDetail('a.example')] }),
      ),
    );
    const discord = renderDiscordDetails(digestOf([], { details: [brokenDetail('a.example')] })).join('\n');
    expect(slack).toContain(':x: *');
    expect(discord).toContain('❌ **');
    expect(discord).not.toContain('🔴');
  });
});

describe('statusGlyph', () => {
  it('marks a line with its verdict’s colour, or an hourglass or exclamation mark', () => {
    expect(statusGlyph('broken')).toEqual({ emoji: '🟠', slack: ':large_orange_circle:' });
    expect(statusGlyph('not-configured')).toEqual({ emoji: '⚪', slack: ':white_circle:' });
    expect(statusGlyph('timed-out')).toEqual({ emoji: '⏳', slack: ':hourglass:' });
    expect(statusGlyph('failed')).toEqual({ emoji: '❗', slack: ':heavy_exclamation_mark:' });
  });
});
