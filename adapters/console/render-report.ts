import type { NoticeMessage, ReportMessage } from '../../src/chat/chat-message.js';
import { SEVERITY_MARKS } from '../../src/render/terminal-marks.js';
import { paint } from '../../src/render/terminal-style.js';
import { escapeUnsafe } from '../../src/text/escape-unsafe.js';
import { consoleText } from './command-syntax.js';
import { safeLines as lines } from './escape.js';
import { toneColour } from './palette.js';

/** A notice as terminal lines in its tone's colour. */
export function renderNotice(message: NoticeMessage, colour: boolean): string[] {
  return lines(consoleText(message.text)).map((line) => paint(colour, toneColour(message.tone), line));
}

/**
 * A report as terminal lines, the action first when there is one. Every string may carry remote bytes, so each
 * line goes through escapeUnsafe before any colour is added; multi-line texts are split first so their newlines survive.
 */
export function renderReport(message: ReportMessage, colour: boolean): string[] {
  const out = message.action === undefined ? [] : [escapeUnsafe(message.action), ''];
  out.push(paint(colour, 'bold', paint(colour, toneColour(message.tone), escapeUnsafe(message.headline))));
  out.push(...message.facts.map((fact) => `  ${escapeUnsafe(`${fact.label}: ${fact.value}`)}`));
  out.push(...message.summary.map((line) => `  ${escapeUnsafe(line)}`));
  if (message.mxTable.length > 0) {
    const hosts = message.mxTable.map((row) => escapeUnsafe(row.host));
    const width = Math.max(...hosts.map((host) => host.length));
    out.push('', 'MX hosts');
    message.mxTable.forEach((row, i) => {
      const mark = !message.policyToMatch
        ? '·'
        : row.matchedBy === null
          ? paint(colour, 'red', '✗')
          : paint(colour, 'green', '✓');
      const cover = !message.policyToMatch
        ? 'no policy to match against'
        : row.matchedBy === null
          ? 'not covered by the policy'
          : `matches ${escapeUnsafe(row.matchedBy)}`;
      out.push(`  ${mark} ${String(row.priority).padStart(5)}  ${hosts[i]!.padEnd(width)}  ${cover}`);
      const gateMark = row.gateOk === null ? '?' : paint(colour, row.gateOk ? 'green' : 'red', row.gateOk ? '✓' : '✗');
      out.push(`          ${gateMark} ${escapeUnsafe(row.gate)}`);
    });
  }
  if (message.findings.length > 0) {
    out.push('', 'Findings');
    for (const finding of message.findings) {
      const [mark, markColour] = SEVERITY_MARKS[finding.severity];
      out.push(`  ${paint(colour, markColour, mark)} ${escapeUnsafe(finding.title)} (${finding.code})`);
      out.push(...lines(finding.detail).map((line) => `      ${line}`));
    }
  }
  if (message.fixes.length > 0) {
    out.push('', 'How to fix');
    for (const fix of message.fixes) {
      out.push(`  ▸ ${paint(colour, 'bold', escapeUnsafe(fix.title))}`);
      out.push(...lines(fix.text).map((line) => `    ${line}`));
      if (fix.code !== undefined)
        out.push(...lines(fix.code).map((line) => `      ${paint(colour, 'grey', '│')} ${line}`));
    }
  }
  if (message.rescan)
    out.push('', paint(colour, 'grey', `Type "rescan ${escapeUnsafe(message.domain)}" for a fresh check.`));
  return out;
}
