import type { DigestDetail, DigestFold, DigestLine, DigestMessage } from '../../src/chat/digest-message.js';
import { lineStatus, STATUS_LABELS } from '../../src/chat/status-labels.js';
import { FOLD_NAMED } from '../../src/digest/digest-message.js';
import { SEVERITY_MARKS } from '../../src/render/terminal-marks.js';
import { paint } from '../../src/render/terminal-style.js';
import { escapeUnsafe } from '../../src/text/escape-unsafe.js';
import { certDaysText } from '../shared/cert-days-text.js';
import { safeLines } from './escape.js';
import { statusMark, toneColour } from './palette.js';

/**
 * A digest as terminal lines: the counts headline, the intro, one line per domain shown in full in the message's
 * order (changed domains first) with its changes under it, one line per fold of unchanged healthy domains, then
 * what is wrong with each broken domain.
 */
export function renderDigest(message: DigestMessage, colour: boolean): string[] {
  const out = [paint(colour, 'bold', paint(colour, toneColour(message.tone), escapeUnsafe(message.headline)))];
  out.push(...safeLines(message.intro));
  const domains = message.lines.map((line) => escapeUnsafe(line.domain));
  const width = Math.max(0, ...domains.map((domain) => domain.length));
  const folded = message.folded ?? [];
  if (message.lines.length + folded.length > 0) out.push('');
  message.lines.forEach((line, i) => {
    const status = lineStatus(line);
    const [mark, markColour] = statusMark(status);
    const label = STATUS_LABELS[status];
    out.push(
      `  ${paint(colour, markColour, mark)} ${domains[i]!.padEnd(width)}  ${[label, ...facts(line)].join(' · ')}`,
    );
    if (line.tlsrpt !== undefined) out.push(`      ${escapeUnsafe(line.tlsrpt)}`);
    for (const change of line.changes) out.push(`      ${paint(colour, 'blue', '▸')} ${escapeUnsafe(change.text)}`);
  });
  out.push(...folded.map((fold) => foldedLine(fold, colour)));
  if (message.details.length > 0)
    out.push('', 'Broken domains', ...message.details.flatMap((detail) => detailLines(detail, colour)));
  return out;
}

/** "  ✓ 240 enforced, unchanged: a.example, b.example, … +232 more". */
function foldedLine(fold: DigestFold, colour: boolean): string {
  const [mark, markColour] = statusMark(fold.verdict);
  const names = fold.domains.slice(0, FOLD_NAMED).map(escapeUnsafe);
  const more = fold.domains.length - names.length;
  return `  ${paint(colour, markColour, mark)} ${escapeUnsafe(fold.label)}: ${names.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
}

function facts(line: DigestLine): string[] {
  const out: string[] = [];
  if (line.mode !== null) out.push(`mode ${escapeUnsafe(line.mode)}`);
  if (line.policyId !== null) out.push(`id ${escapeUnsafe(line.policyId)}`);
  if (line.shortHash !== null) out.push(`sha256 ${escapeUnsafe(line.shortHash)}…`);
  if (line.mxCoverage !== null) out.push(`MX ${line.mxCoverage.covered}/${line.mxCoverage.total} covered`);
  if (line.certDaysLeft !== null) out.push(certDaysText(line.certDaysLeft));
  return out;
}

function detailLines({ domain, findings }: DigestDetail, colour: boolean): string[] {
  const out = [`  ▸ ${paint(colour, 'bold', escapeUnsafe(domain))}`];
  for (const finding of findings) {
    const [mark, markColour] = SEVERITY_MARKS[finding.severity];
    out.push(`    ${paint(colour, markColour, mark)} ${escapeUnsafe(finding.title)} (${finding.code})`);
    out.push(...safeLines(finding.detail).map((line) => `        ${line}`));
    if (finding.fix.trim() !== '') out.push(...safeLines(`Fix: ${finding.fix}`).map((line) => `        ${line}`));
  }
  return out;
}
