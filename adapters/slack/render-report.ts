import type { FindingLine, MxTableRow, NoticeMessage, ReportFact, ReportMessage } from '../../src/chat/chat-message.js';
import { offersSetup } from '../../src/command/offers-setup.js';
import { mrkdwnText } from './command-syntax.js';
import { escapeCode, escapeProse, escapeText } from './escape.js';
import { fitText } from './fit-text.js';
import { LIMITS, messageTextLength, type SlackBlock, type SlackPayload } from './limits.js';
import { severityEmoji, toneEmoji } from './palette.js';

export const RESCAN_ACTION_ID = 'mtasts_rescan';
export const WATCH_ACTION_ID = 'mtasts_watch';
/** A link button: Slack still tells the app it was pressed, and the app only acknowledges it. */
export const OPEN_POLICY_ACTION_ID = 'mtasts_open_policy';
const RESERVED_FOR_BUTTON_AND_MORE = 100;

/** Beyond these a channel message stops being readable; the rest is summarised as "+N more". */
const MX_ROWS_SHOWN = 20;
const FINDINGS_SHOWN = 15;
const TITLE_MAX = 200;
const DETAIL_MAX = 600;
const FACT_MAX = 300;
/** Wider hosts are not padded: the table would turn mostly blank for the sake of one long name. */
const HOST_PAD_MAX = 40;

export function section(text: string): SlackBlock {
  // verbatim: no auto-linking of URLs or channel names found in remote text.
  return { type: 'section', text: { type: 'mrkdwn', text: fitText(text, LIMITS.sectionText), verbatim: true } };
}

export function context(text: string): SlackBlock {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: fitText(text, LIMITS.contextText), verbatim: true }],
  };
}

/** A report → the channel message: what was done, header, key facts, MX table, findings, buttons. */
export function renderReport(message: ReportMessage): SlackPayload {
  const line = `${toneEmoji(message.tone)} ${escapeText(message.headline)}`;
  // The notification says first what the command did, as the message does.
  const action = message.action === undefined ? '' : `${escapeText(message.action)}\n`;
  return { text: fitText(`${action}${line}`, LIMITS.fallbackText), blocks: reportBlocks(message, line) };
}

/** A notice → one section with its tone. */
export function renderNotice(message: NoticeMessage): SlackPayload {
  const line = `${toneEmoji(message.tone)} ${mrkdwnText(message.text)}`;
  return { text: fitText(line, LIMITS.fallbackText), blocks: [section(line)] };
}

function reportBlocks(message: ReportMessage, headline: string): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  if (message.action !== undefined) blocks.push(section(`:white_check_mark: ${escapeProse(message.action)}`));
  blocks.push({
    type: 'header',
    text: { type: 'plain_text', text: fitText(headline, LIMITS.headerText), emoji: true },
  });
  const summary = message.summary.map(escapeProse).join('\n');
  if (message.facts.length > 0) blocks.push(factsSection(message.facts, summary));
  else if (summary !== '') blocks.push(section(summary));
  if (message.mxTable.length > 0) blocks.push(section(mxTable(message.mxTable, message.policyToMatch)));
  if (offersSetup(message)) blocks.push(context(SETUP_NEXT_STEP));
  const used = messageTextLength({ text: '', blocks });
  blocks.push(...findingBlocks(message.findings, LIMITS.messageText - used - RESERVED_FOR_BUTTON_AND_MORE));
  const buttons = reportButtons(message);
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return blocks;
}

/** Key facts two to a row (Slack lays section fields out in two columns), under the summary lines if any. */
function factsSection(facts: readonly ReportFact[], summary: string): SlackBlock {
  const fields = facts.slice(0, LIMITS.sectionFields).map((fact) => ({
    type: 'mrkdwn' as const,
    text: fitText(`*${escapeText(fact.label)}*\n${escapeProse(fact.value)}`, FACT_MAX),
    verbatim: true,
  }));
  const text = fitText(summary === '' ? '*Key facts*' : summary, LIMITS.sectionText);
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true }, fields };
}

type Button = Extract<SlackBlock, { type: 'actions' }>['elements'][number];

function reportButtons(message: ReportMessage): Button[] {
  const buttons: Button[] = [];
  const value = message.domain.slice(0, LIMITS.buttonValue);
  if (message.rescan)
    buttons.push({ type: 'button', text: { type: 'plain_text', text: 'Rescan' }, action_id: RESCAN_ACTION_ID, value });
  if (message.watch)
    buttons.push({ type: 'button', text: { type: 'plain_text', text: 'Watch' }, action_id: WATCH_ACTION_ID, value });
  if (message.policyFile !== null) {
    buttons.push({
      type: 'button',
      text: { type: 'plain_text', text: 'Open policy file' },
      action_id: OPEN_POLICY_ACTION_ID,
      url: message.policyFile,
    });
  }
  return buttons;
}

function gateMark(ok: boolean | null): string {
  return ok === null ? '?' : ok ? '✓' : '✗';
}

const SETUP_NEXT_STEP = 'Next step: the TXT record and policy to publish are in the thread, ready to paste.';

function mxTable(rows: MxTableRow[], policyToMatch: boolean): string {
  const heading = '*MX hosts*\n```\n';
  const width = Math.min(HOST_PAD_MAX, Math.max(...rows.map((row) => [...row.host].length)));
  const lines = rows.map((row) => {
    const host = row.host + ' '.repeat(Math.max(0, width - [...row.host].length));
    const match = !policyToMatch
      ? 'no policy to match against'
      : row.matchedBy === null
        ? '✗ not covered by the policy'
        : `✓ ${row.matchedBy}`;
    const gate = `${gateMark(row.gateOk)} ${row.gate}`;
    return escapeCode(`${String(row.priority).padStart(5)}  ${host}  ${match}\n       ${gate}`);
  });
  // Room for the fences and the "+N more" line, so the section never needs cutting mid-table.
  const budget = LIMITS.sectionText - heading.length - 40;
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
    const head = `${severityEmoji(finding.severity)} *${fitText(escapeProse(finding.title), TITLE_MAX)}*`;
    const detail = fitText(escapeProse(finding.detail), DETAIL_MAX);
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
