import type { FindingLine, MxTableRow, NoticeMessage, ReportMessage } from '../../src/chat/chat-message.js';
import { offersSetup } from '../../src/command/offers-setup.js';
import { mrkdwnText } from './command-syntax.js';
import { escapeCodeBlock, escapeMrkdwn, escapeMrkdwnProse } from './escape.js';
import { fitText } from './fit-text.js';
import { BLOCK_LIMITS, messageTextLength, type SlackBlock, type SlackPayload } from './limits.js';
import { severityEmoji, toneEmoji } from './palette.js';

export const RESCAN_ACTION_ID = 'mtasts_rescan';
const RESERVED_FOR_BUTTON_AND_MORE = 100;

/** Beyond these a channel message stops being readable; the rest is summarised as "+N more". */
const MX_ROWS_SHOWN = 20;
const FINDINGS_SHOWN = 15;
const TITLE_MAX = 200;
const DETAIL_MAX = 600;

export function section(text: string): SlackBlock {
  // verbatim: no auto-linking of URLs or channel names found in remote text.
  return { type: 'section', text: { type: 'mrkdwn', text: fitText(text, BLOCK_LIMITS.sectionText), verbatim: true } };
}

export function context(text: string): SlackBlock {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: fitText(text, BLOCK_LIMITS.contextText), verbatim: true }],
  };
}

/** A report → the channel message: header, summary, MX table, findings, Rescan button. */
export function renderReport(message: ReportMessage): SlackPayload {
  const line = `${toneEmoji(message.tone)} ${escapeMrkdwn(message.headline)}`;
  return { text: fitText(line, BLOCK_LIMITS.fallbackText), blocks: reportBlocks(message, line) };
}

/** A notice → one section with its tone. */
export function renderNotice(message: NoticeMessage): SlackPayload {
  const line = `${toneEmoji(message.tone)} ${mrkdwnText(message.text)}`;
  return { text: fitText(line, BLOCK_LIMITS.fallbackText), blocks: [section(line)] };
}

function reportBlocks(message: ReportMessage, headline: string): SlackBlock[] {
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: fitText(headline, BLOCK_LIMITS.headerText), emoji: true } },
  ];
  if (message.summary.length > 0) blocks.push(section(message.summary.map(escapeMrkdwn).join('\n')));
  if (message.mxTable.length > 0) blocks.push(section(mxTable(message.mxTable, message.policyToMatch)));
  if (offersSetup(message)) blocks.push(context(SETUP_NEXT_STEP));
  const used = messageTextLength({ text: '', blocks });
  blocks.push(...findingBlocks(message.findings, BLOCK_LIMITS.messageText - used - RESERVED_FOR_BUTTON_AND_MORE));
  if (message.rescan) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Rescan' },
          action_id: RESCAN_ACTION_ID,
          value: message.domain.slice(0, BLOCK_LIMITS.buttonValue),
        },
      ],
    });
  }
  return blocks;
}

function gateMark(ok: boolean | null): string {
  return ok === null ? '?' : ok ? '✓' : '✗';
}

const SETUP_NEXT_STEP = 'Next step: the TXT record and policy to publish are in the thread, ready to paste.';

function mxTable(rows: MxTableRow[], policyToMatch: boolean): string {
  const heading = '*MX hosts*\n```\n';
  const lines = rows.map((row) => {
    const match = !policyToMatch
      ? 'no policy to match against'
      : row.matchedBy === null
        ? '✗ not covered by the policy'
        : `✓ ${row.matchedBy}`;
    const gate = `${gateMark(row.gateOk)} ${row.gate}`;
    return escapeCodeBlock(`${String(row.priority).padStart(5)}  ${row.host}  ${match}\n       ${gate}`);
  });
  // Room for the fences and the "+N more" line, so the section never needs cutting mid-table.
  const budget = BLOCK_LIMITS.sectionText - heading.length - 40;
  const shown: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (shown.length === MX_ROWS_SHOWN || used + line.length + 1 > budget) break;
    shown.push(line);
    used += line.length + 1;
  }
  const more = lines.length - shown.length;
  return `${heading}${shown.join('\n')}\n\`\`\`${more > 0 ? `\n+${more} more MX hosts` : ''}`;
}

/** As many findings as fit the message's total text budget (Slack refuses long messages as a whole). */
function findingBlocks(findings: FindingLine[], budget: number): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let left = budget;
  for (const finding of findings.slice(0, FINDINGS_SHOWN)) {
    const head = `${severityEmoji(finding.severity)} *${fitText(escapeMrkdwn(finding.title), TITLE_MAX)}*`;
    const detail = fitText(escapeMrkdwnProse(finding.detail), DETAIL_MAX);
    const block = section(detail === '' ? head : `${head}\n${detail}`);
    const size = messageTextLength({ text: '', blocks: [block] });
    if (size > left) break;
    blocks.push(block);
    left -= size;
  }
  const more = findings.length - blocks.length;
  if (more > 0) blocks.push(context(`+${more} more findings`));
  return blocks;
}
