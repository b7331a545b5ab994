import { type APIButtonComponent, type APIEmbed, type APIEmbedField, ButtonStyle, ComponentType } from 'discord.js';
import type { FindingLine, MxTableRow, NoticeMessage, ReportFact, ReportMessage } from '../../src/chat/chat-message.js';
import { offersSetup } from '../../src/command/offers-setup.js';
import { splitCodeSpans } from '../../src/text/inline-code.js';
import { discordText } from './command-syntax.js';
import { fitEscaped, fitEscapedProse, fitLines, fitText } from './fit-text.js';
import { type DiscordReply, LIMITS, totalEmbedLength } from './limits.js';
import { severityEmoji, toneColour } from './palette.js';
import { rescanCustomId } from './rescan-custom-id.js';
import { watchCustomId } from './watch-custom-id.js';

// Budgets inside Discord's limits, so a huge report still leaves room for what matters most: the findings.
const SUMMARY_MAX = 1500;
const LINE_MAX = 300;
/** Three fields of 1024 characters hold ten MX hosts with their gate lines, and leave most of the embed to findings. */
const MX_FIELDS_MAX = 3;
const FINDING_DETAIL_MAX = 400;
const MORE_FINDINGS_MAX = 200;
const FOOTER = 'How to fix it: see the fixes thread on this message.';
const SETUP_FOOTER = 'Next step: the TXT record and policy to publish are in the fixes thread, ready to paste.';
/** Six facts of this size still leave the MX table and the findings their room in the 6000-character embed. */
const FACT_MAX = 120;
/** Discord's cap on a link button's URL. */
const LINK_URL_MAX = 512;
/** Discord lays out up to three inline fields a row; an empty third keeps the facts in pairs. */
const SPACER: APIEmbedField = { name: '\u200b', value: '\u200b', inline: true };

/** A notice as one message: its text in an embed of its tone. */
export function renderNotice(notice: NoticeMessage): DiscordReply {
  const description = discordText(notice.text, LIMITS.description);
  return { embeds: [{ color: toneColour(notice.tone), description }], components: [] };
}

/** A report as one message: headline, summary, MX hosts and findings in an embed, and its buttons. */
export function renderReport(report: ReportMessage): DiscordReply {
  const embed: APIEmbed = {
    color: toneColour(report.tone),
    // What the command did comes first, above the title (an author line shows no markdown: nothing to escape).
    ...(report.action === undefined ? {} : { author: { name: fitText(plainText(report.action), LIMITS.title) } }),
    title: fitEscaped(report.headline, LIMITS.title),
  };
  const lines = report.summary.map((line) => fitEscapedProse(line, LINE_MAX));
  if (lines.length > 0) embed.description = fitLines(lines, SUMMARY_MAX, (left) => `+${left} more`);
  if (report.fixes.length > 0) embed.footer = { text: offersSetup(report) ? SETUP_FOOTER : FOOTER };
  const fields: APIEmbedField[] = factFields(report.facts);
  if (report.mxTable.length > 0) fields.push(...mxFields(report.mxTable, report.policyToMatch));
  embed.fields = fields;
  fields.push(
    ...findingFields(report.findings, LIMITS.embedTotal - totalEmbedLength([embed]), LIMITS.fields - fields.length),
  );
  if (fields.length === 0) delete embed.fields;
  const buttons = reportButtons(report);
  return {
    embeds: [embed],
    components: buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  };
}

/** Key facts as inline fields, two to a row: policy id and body, mode and max_age, certificate and TLS-RPT. */
function factFields(facts: readonly ReportFact[]): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  facts.forEach((fact, i) => {
    fields.push({
      name: fitEscaped(fact.label, LIMITS.fieldName),
      // Code spans show a mention as text, but a second belt costs nothing: no "<@" anywhere.
      value: fitEscapedProse(fact.value, FACT_MAX).replace(/<(?!\u200b)/g, '<\u200b') || '-',
      inline: true,
    });
    if (i % 2 === 1 || i === facts.length - 1) fields.push(SPACER);
  });
  return fields;
}

/** Text for a place that shows no markdown: code spans lose their backticks, control characters go. */
function plainText(text: string): string {
  return splitCodeSpans(text)
    .map((part) => part.text)
    .join('')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

function reportButtons(report: ReportMessage): APIButtonComponent[] {
  const buttons: APIButtonComponent[] = [];
  const rescan = report.rescan ? rescanCustomId(report.domain) : null;
  if (rescan !== null)
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Rescan', custom_id: rescan });
  const watch = report.watch ? watchCustomId(report.domain) : null;
  if (watch !== null)
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Watch', custom_id: watch });
  if (report.policyFile !== null && report.policyFile.length <= LINK_URL_MAX)
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: 'Open policy file',
      url: report.policyFile,
    });
  return buttons;
}

/** Each host's coverage line and its gate line; as many fields as MX_FIELDS_MAX allow, so ten hosts still fit. */
function mxFields(rows: readonly MxTableRow[], policyToMatch: boolean): APIEmbedField[] {
  const lines = rows.map((row) => {
    const host = `${fitEscaped(row.host, LINE_MAX)} (${row.priority})`;
    const cover = !policyToMatch
      ? `${host}: no policy to match against`
      : row.matchedBy === null
        ? `✗ ${host}: not covered by the policy`
        : `✓ ${host}: ${fitEscaped(row.matchedBy, LINE_MAX)}`;
    return `${cover}\n↳ ${row.gateOk === null ? '?' : row.gateOk ? '✓' : '✗'} ${fitEscaped(row.gate, LINE_MAX)}`;
  });
  const values: string[] = [];
  let at = 0;
  while (at < lines.length && values.length < MX_FIELDS_MAX - 1) {
    let length = -1;
    let end = at;
    while (end < lines.length && length + 1 + lines[end]!.length <= LIMITS.fieldValue)
      length += 1 + lines[end++]!.length;
    if (end === lines.length) break;
    values.push(lines.slice(at, end).join('\n'));
    at = end;
  }
  values.push(fitLines(lines.slice(at), LIMITS.fieldValue, (left) => `+${left} more MX hosts`));
  return values.map((value, i) => ({ name: i === 0 ? `MX hosts (${rows.length})` : 'MX hosts (continued)', value }));
}

/** One field per finding while the character and field budgets last; the rest are named in a last field. */
function findingFields(findings: readonly FindingLine[], budget: number, maxFields: number): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let used = 0;
  for (const [index, finding] of findings.entries()) {
    const isLast = index === findings.length - 1;
    const reserve = isLast ? 0 : MORE_FINDINGS_MAX;
    const field = {
      name: `${severityEmoji(finding.severity)} ${fitEscaped(finding.title, LIMITS.fieldName - 3)}`,
      value: fitEscapedProse(finding.detail, FINDING_DETAIL_MAX) || '-',
    };
    const cost = field.name.length + field.value.length;
    if (used + cost + reserve > budget || fields.length + (isLast ? 1 : 2) > maxFields) {
      fields.push(moreFindings(findings.slice(index)));
      return fields;
    }
    fields.push(field);
    used += cost;
  }
  return fields;
}

function moreFindings(rest: readonly FindingLine[]): APIEmbedField {
  const name = `+${rest.length} more findings`;
  const titles = rest.map((finding) => fitEscaped(finding.title, 80));
  return { name, value: fitLines(titles, MORE_FINDINGS_MAX - name.length, (left) => `+${left} more`) };
}
