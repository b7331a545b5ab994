import type { APIEmbed } from 'discord.js';
import { VERDICT_TONES } from '../../src/command/report-message.js';
import {
  type DigestCountKey,
  type DigestFold,
  type DigestLine,
  type DigestMessage,
  FOLD_NAMED,
} from '../../src/digest/digest-message.js';
import { inlineCode } from '../../src/text/inline-code.js';
import { FAILED_GLYPH, TIMED_OUT_GLYPH, TONE_PALETTE } from '../shared/palette.js';
import { escapeDiscordProse } from './escape.js';
import { fitEscaped, fitEscapedProse, fitText } from './fit-text.js';
import { type DiscordReply, LIMITS } from './limits.js';
import { TONE_COLOURS } from './render-report.js';

const STATUS: Record<DigestCountKey, { icon: string; label: string }> = {
  enforced: { icon: TONE_PALETTE[VERDICT_TONES.enforced].glyph.emoji, label: 'enforced' },
  testing: { icon: TONE_PALETTE[VERDICT_TONES.testing].glyph.emoji, label: 'testing' },
  none: { icon: TONE_PALETTE[VERDICT_TONES.none].glyph.emoji, label: 'mode none' },
  'not-configured': { icon: TONE_PALETTE[VERDICT_TONES['not-configured']].glyph.emoji, label: 'not configured' },
  broken: { icon: TONE_PALETTE[VERDICT_TONES.broken].glyph.emoji, label: 'broken' },
  'timed-out': { icon: TIMED_OUT_GLYPH.emoji, label: 'timed out' },
  failed: { icon: FAILED_GLYPH.emoji, label: 'scan failed' },
};

export const CONTINUED_TITLE = 'MTA-STS digest (continued)';
/** Room kept in every message for its footer ("Part 3/12 · Details of 40 broken domains: in the thread."). */
const FOOTER_MAX = 100;
// Caps on remote text, so one domain's entry always fits in an embed with room to spare.
const INTRO_MAX = 500;
const DOMAIN_MAX = 260;
const ID_MAX = 64;
const MODE_MAX = 16;
const CHANGE_MAX = 300;
const CHANGES_SHOWN = 6;
/** A folded entry names short domains; a long one is cut, the entry stays one short line. */
const FOLDED_NAME_MAX = 100;
const LABEL_MAX = 64;

/**
 * A digest as one or more messages: the headline as title, the intro, then one entry per domain shown in full in
 * the core's order (changed domains first, each with its changes), then one per fold of unchanged healthy domains.
 * Entries are never cut: when they outgrow an embed they go on in a second embed, and past a message's 6000
 * characters in a next message, each marked "Part i/n".
 */
export function renderDigest(digest: DigestMessage): DiscordReply[] {
  const title = fitEscaped(digest.headline, LIMITS.title);
  const units = [
    fitEscaped(digest.intro, INTRO_MAX),
    ...digest.lines.map(entryOf),
    ...(digest.folded ?? []).map(foldedEntryOf),
  ].filter((unit) => unit !== '');
  const messages = pack(units, title.length);
  return messages.map((descriptions, index) => {
    const embeds: APIEmbed[] = descriptions.map((entries) => {
      const embed: APIEmbed = { color: TONE_COLOURS[digest.tone] };
      if (entries.length > 0) embed.description = entries.join('\n');
      return embed;
    });
    embeds[0]!.title = index === 0 ? title : CONTINUED_TITLE;
    const footer = footerOf(index, messages.length, digest.details.length);
    if (footer !== '') embeds.at(-1)!.footer = { text: footer };
    return { embeds, components: [] };
  });
}

/** "🟠 **example.com** — broken · mode enforce · MX 1/2 · cert 9 days left"; `watches` adds the id and hash. */
function entryOf(line: DigestLine): string {
  const { icon, label } = STATUS[line.verdict ?? (line.timedOut ? 'timed-out' : 'failed')];
  const facts = [label];
  if (line.mode !== null) facts.push(`mode ${fitEscaped(line.mode, MODE_MAX)}`);
  if (line.policyId !== null) facts.push(`id ${code(line.policyId, ID_MAX)}`);
  if (line.shortHash !== null) facts.push(`sha256 ${code(line.shortHash, 12)}`);
  if (line.mxCoverage !== null) facts.push(`MX ${line.mxCoverage.covered}/${line.mxCoverage.total}`);
  if (line.certDaysLeft !== null) facts.push(certText(line.certDaysLeft));
  const head = `${icon} **${fitEscaped(line.domain, DOMAIN_MAX)}** — ${facts.join(' · ')}`;
  const changes = line.changes.slice(0, CHANGES_SHOWN).map((change) => `↳ ${prose(change.text, CHANGE_MAX)}`);
  if (line.changes.length > CHANGES_SHOWN) changes.push(`↳ +${line.changes.length - CHANGES_SHOWN} more changes`);
  const tlsrpt = line.tlsrpt === undefined ? [] : [fitEscaped(line.tlsrpt, CHANGE_MAX)];
  return [head, ...tlsrpt, ...changes].join('\n');
}

/** "🟢 240 enforced, unchanged: a.example, b.example, … +232 more". */
function foldedEntryOf(fold: DigestFold): string {
  const names = fold.domains.slice(0, FOLD_NAMED).map((domain) => fitEscaped(domain, FOLDED_NAME_MAX));
  const more = fold.domains.length - names.length;
  return `${STATUS[fold.verdict].icon} ${fitEscaped(fold.label, LABEL_MAX)}: ${names.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
}

/** A value as one inline code span, cut first (see src/text/inline-code.ts). */
function code(value: string, max: number): string {
  return escapeDiscordProse(inlineCode(fitText(value, max)));
}

/** Change text with its `code` spans kept; a span the cut left open loses its backtick, so none runs past the text. */
function prose(text: string, max: number): string {
  const cut = fitEscapedProse(text, max);
  const ticks = [...cut.matchAll(/(?<!\\)`/g)]; // an escaped \` is text, not a span's edge
  if (!cut.endsWith('…') || ticks.length % 2 === 0) return cut;
  const open = ticks.at(-1)!.index;
  return cut.slice(0, open) + cut.slice(open + 1);
}

function certText(days: number): string {
  if (days < 0) return `cert expired ${-days} ${days === -1 ? 'day' : 'days'} ago`;
  if (days === 0) return 'cert expires today';
  return `cert ${days} ${days === 1 ? 'day' : 'days'} left`;
}

/**
 * Groups whole entries into embed descriptions, and embeds into messages within the 4096-character description,
 * 10-embed and 6000-character limits (the titles and a footer counted in). Always at least one message.
 */
function pack(units: readonly string[], firstTitle: number): string[][][] {
  const messages: string[][][] = [];
  let budget = 0;
  let room = 0;
  const startMessage = (unit: string): void => {
    messages.push([[unit]]);
    const title = messages.length === 1 ? firstTitle : CONTINUED_TITLE.length;
    budget = LIMITS.embedTotal - FOOTER_MAX - title - unit.length;
    room = LIMITS.description - unit.length;
  };
  for (const unit of units) {
    const message = messages.at(-1);
    if (message === undefined) {
      startMessage(unit);
    } else if (unit.length + 1 <= Math.min(room, budget)) {
      message.at(-1)!.push(unit);
      room -= unit.length + 1;
      budget -= unit.length + 1;
    } else if (message.length < LIMITS.embeds && unit.length <= budget) {
      message.push([unit]);
      room = LIMITS.description - unit.length;
      budget -= unit.length;
    } else {
      startMessage(unit);
    }
  }
  return messages.length > 0 ? messages : [[[]]];
}

function footerOf(index: number, total: number, broken: number): string {
  const parts: string[] = [];
  if (total > 1) parts.push(`Part ${index + 1}/${total}`);
  if (index === 0 && broken > 0)
    parts.push(`Details of ${broken} broken ${broken === 1 ? 'domain' : 'domains'}: in the thread.`);
  return parts.join(' · ');
}
