import { paint } from '../../src/render/terminal-style.js';
import { escapeUnsafe as clean } from '../../src/text/escape-unsafe.js';
import type { TlsRptResult, TlsRptSummaryRow } from '../../src/tlsrpt/tlsrpt-report.js';

/** Entries shown per count list: a report with thousands of sending MTAs still reads in a few lines. */
const SHOWN = 5;

/** One report file for a person at a terminal: the verdict first, every string from the report neutralised. */
export function renderTlsRptText(result: TlsRptResult & { file: string }, colour: boolean): string {
  const file = paint(colour, 'bold', clean(result.file));
  if (!result.accepted) {
    const { code, path, message } = result.error;
    return `${file}  ${paint(colour, 'red', 'REJECTED')}  ${code}${path === null ? '' : ` at ${clean(path)}`}: ${clean(message)}\n`;
  }
  const { report } = result;
  const lines = [
    `${file}  ${paint(colour, 'green', 'ACCEPTED')}  ${clean(report.organization ?? '(no organization)')}  report ${clean(report.reportId ?? '(no id)')}`,
    `  ${time(report.start)} → ${time(report.end)}  ${plural(report.policyCount, 'policy', 'policies')}${report.contactInfo === null ? '' : `  contact ${clean(report.contactInfo)}`}`,
  ];
  for (const row of result.summary) lines.push(...rowLines(row));
  if (result.warnings.length) lines.push(`  ${paint(colour, 'yellow', `! warnings: ${result.warnings.join(', ')}`)}`);
  return `${lines.join('\n')}\n`;
}

function rowLines(row: TlsRptSummaryRow): string[] {
  const modes = row.modes.length ? ` (${row.modes.map(clean).join(', ')})` : '';
  const lines = [
    `  ${clean(row.policyDomain ?? '(no policy domain)')}  ${clean(row.policyType)}${modes}  ${row.successful} successful  ${row.failed} failed`,
  ];
  if (row.mxPatterns.length) lines.push(`    mx patterns: ${row.mxPatterns.map(clean).join(', ')}`);
  const counts: [string, Record<string, number>][] = [
    ['failures', row.failuresByResultType],
    ['failing MX hosts', row.failingMxHosts],
    ['sending MTAs', row.sendingMtas],
  ];
  for (const [label, map] of counts) if (Object.keys(map).length) lines.push(`    ${label}: ${countList(map)}`);
  if (row.uncoveredFailingMxHosts?.length)
    lines.push(`    not covered by the mx patterns: ${row.uncoveredFailingMxHosts.map(clean).join(', ')}`);
  return lines;
}

function countList(map: Record<string, number>): string {
  const entries = Object.entries(map);
  const shown = entries.slice(0, SHOWN).map(([key, count]) => `${clean(key)} ${count}`);
  return entries.length > SHOWN ? `${shown.join(', ')} and ${entries.length - SHOWN} more` : shown.join(', ');
}

function time(iso: string): string {
  return iso.replace('.000Z', 'Z');
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
