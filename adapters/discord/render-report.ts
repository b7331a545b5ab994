import { type APIEmbed, type APIEmbedField, ButtonStyle, ComponentType } from 'discord.js';
import type { FindingLine, MxTableRow, NoticeMessage, ReportMessage } from '../../src/chat/chat-message.js';
import { offersSetup } from '../../src/command/offers-setup.js';
import { discordText } from './command-syntax.js';
import { fitEscaped, fitEscapedProse, fitLines } from './fit-text.js';
import { type DiscordReply, LIMITS, totalEmbedLength } from './limits.js';
import { severityEmoji, toneColour } from './palette.js';
import { rescanCustomId } from './rescan-custom-id.js';

// Budgets inside Discord's limits, so a huge report still leaves room for what matters most: the findings.
const SUMMARY_MAX = 1500;
const LINE_MAX = 300;
/** Three fields of 1024 characters hold ten MX hosts with their gate lines, and leave most of the embed to findings. */
const MX_FIELDS_MAX = 3;
const FINDING_DETAIL_MAX = 400;
const MORE_FINDINGS_MAX = 200;
const FOOTER = 'How to fix it: see the messages below.';
const SETUP_FOOTER = 'Next step: the TXT record and policy to publish are in the messages below, ready to paste.';

/** A notice as one message: its text in an embed of its tone. */
export function renderNotice(notice: NoticeMessage): DiscordReply {
  const description = discordText(notice.text, LIMITS.description);
  return { embeds: [{ color: toneColour(notice.tone), description }], components: [] };
}

/** A report as one message: headline, summary, MX hosts and findings in an embed, and a Rescan button. */
export function renderReport(report: ReportMessage): DiscordReply {
  const embed: APIEmbed = {
    color: toneColour(report.tone),
    title: fitEscaped(report.headline, LIMITS.title),
  };
  if (report.summary.length > 0) {
    const lines = report.summary.map((line) => fitEscaped(line, LINE_MAX));
    embed.description = fitLines(lines, SUMMARY_MAX, (left) => `+${left} more`);
  }
  if (report.fixes.length > 0) embed.footer = { text: offersSetup(report) ? SETUP_FOOTER : FOOTER };
  const fields: APIEmbedField[] = [];
  if (report.mxTable.length > 0) fields.push(...mxFields(report.mxTable, report.policyToMatch));
  embed.fields = fields;
  fields.push(
    ...findingFields(report.findings, LIMITS.embedTotal - totalEmbedLength([embed]), LIMITS.fields - fields.length),
  );
  if (fields.length === 0) delete embed.fields;

  const customId = report.rescan ? rescanCustomId(report.domain) : null;
  const components: DiscordReply['components'] = customId
    ? [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Rescan', custom_id: customId },
          ],
        },
      ]
    : [];
  return { embeds: [embed], components };
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
