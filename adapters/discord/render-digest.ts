import type { APIEmbed } from 'discord.js';
import type { DigestFold, DigestLine, DigestMessage } from '../../src/chat/digest-message.js';
import { lineStatus, STATUS_LABELS } from '../../src/chat/status-labels.js';
import { FOLD_NAMED } from '../../src/digest/digest-message.js';
import { inlineCode } from '../../src/text/inline-code.js';
import { certDaysText } from '../shared/cert-days-text.js';
import { statusGlyph } from '../shared/palette.js';
import { escapeProse } from './escape.js';
import { fitEscaped, fitEscapedProse, fitText } from './fit-text.js';
import { type DiscordReply, LIMITS } from './limits.js';
import { packEmbeds } from './pack.js';
import { toneColour } from './palette.js';

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
  const packed = packEmbeds(units, { first: FOOTER_MAX + title.length, rest: FOOTER_MAX + CONTINUED_TITLE.length });
  const messages = packed.length > 0 ? packed : [[[]]];
  return messages.map((descriptions, index) => {
    const embeds: APIEmbed[] = descriptions.map((entries) => {
      const embed: APIEmbed = { color: toneColour(digest.tone) };
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
  const status = lineStatus(line);
  const facts = [STATUS_LABELS[status]];
  if (line.mode !== null) facts.push(`mode ${fitEscaped(line.mode, MODE_MAX)}`);
  if (line.policyId !== null) facts.push(`id ${code(line.policyId, ID_MAX)}`);
  if (line.shortHash !== null) facts.push(`sha256 ${code(line.shortHash, 12)}`);
  if (line.mxCoverage !== null) facts.push(`MX ${line.mxCoverage.covered}/${line.mxCoverage.total}`);
  if (line.certDaysLeft !== null) facts.push(certDaysText(line.certDaysLeft));
  const head = `${statusGlyph(status).emoji} **${fitEscaped(line.domain, DOMAIN_MAX)}** — ${facts.join(' · ')}`;
  const changes = line.changes.slice(0, CHANGES_SHOWN).map((change) => `↳ ${prose(change.text, CHANGE_MAX)}`);
  if (line.changes.length > CHANGES_SHOWN) changes.push(`↳ +${line.changes.length - CHANGES_SHOWN} more changes`);
  const tlsrpt = line.tlsrpt === undefined ? [] : [fitEscaped(line.tlsrpt, CHANGE_MAX)];
  return [head, ...tlsrpt, ...changes].join('\n');
}

/** "🟢 240 enforced, unchanged: a.example, b.example, … +232 more". */
function foldedEntryOf(fold: DigestFold): string {
  const names = fold.domains.slice(0, FOLD_NAMED).map((domain) => fitEscaped(domain, FOLDED_NAME_MAX));
  const more = fold.domains.length - names.length;
  return `${statusGlyph(fold.verdict).emoji} ${fitEscaped(fold.label, LABEL_MAX)}: ${names.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
}

/** A value as one inline code span, cut first (see src/text/inline-code.ts). */
function code(value: string, max: number): string {
  return escapeProse(inlineCode(fitText(value, max)));
}

/** Change text with its `code` spans kept; a span the cut left open loses its backtick, so none runs past the text. */
function prose(text: string, max: number): string {
  const cut = fitEscapedProse(text, max);
  const ticks = [...cut.matchAll(/(?<!\\)`/g)]; // an escaped \` is text, not a span's edge
  if (!cut.endsWith('…') || ticks.length % 2 === 0) return cut;
  const open = ticks.at(-1)!.index;
  return cut.slice(0, open) + cut.slice(open + 1);
}

function footerOf(index: number, total: number, broken: number): string {
  const parts: string[] = [];
  if (total > 1) parts.push(`Part ${index + 1}/${total}`);
  if (index === 0 && broken > 0)
    parts.push(`Details of ${broken} broken ${broken === 1 ? 'domain' : 'domains'}: in the thread.`);
  return parts.join(' · ');
}
