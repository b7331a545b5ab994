import type { DigestFold, DigestLine } from '../../src/chat/digest-message.js';
import { lineStatus, STATUS_LABELS } from '../../src/chat/status-labels.js';
import { FOLD_NAMED } from '../../src/digest/digest-message.js';
import { certDaysText } from '../shared/cert-days-text.js';
import { statusGlyph } from '../shared/palette.js';
import { escapeCode, escapeProse } from './escape.js';
import { fitText } from './fit-text.js';

/** Bounds on remote text, so one line (with its changes) always fits a section and never needs splitting. */
const DOMAIN_MAX = 260;
const FIELD_MAX = 64;
const CHANGE_MAX = 300;
const CHANGES_SHOWN = 5;
/** A folded line names short domains; a long one is cut, the line stays one short line. */
const FOLDED_NAME_MAX = 100;

/**
 * One domain of the digest as escaped mrkdwn: verdict, domain and what the core kept (mode, id, short hash, MX
 * coverage, certificate days) on one line, then the TLS-RPT line and one indented line per change. Ids and hashes
 * are inline code, `*`, `_` and `~` elsewhere are neutralised (escapeProse). At most about 2,600 characters.
 */
export function digestLineText(line: DigestLine): string {
  // The same colours and words as a report's tone, so a domain looks alike in its report and in the digest.
  const status = lineStatus(line);
  const fields = [`${statusGlyph(status).slack} *${prose(line.domain, DOMAIN_MAX)}*`, STATUS_LABELS[status]];
  if (line.mode !== null) fields.push(`mode ${prose(line.mode, FIELD_MAX)}`);
  if (line.policyId !== null) fields.push(`id \`${escapeCode(fitText(line.policyId, FIELD_MAX))}\``);
  // Only hex digits are kept: the hash is ours, but a code span must never meet a backtick.
  const hash = line.shortHash?.replace(/[^0-9a-f]/gi, '').slice(0, 12) ?? '';
  if (hash !== '') fields.push(`\`${hash}\``);
  if (line.mxCoverage !== null) fields.push(`MX ${line.mxCoverage.covered}/${line.mxCoverage.total}`);
  if (line.certDaysLeft !== null) fields.push(certDaysText(line.certDaysLeft));

  const changes = line.changes.slice(0, CHANGES_SHOWN).map((change) => `      ↳ ${prose(change.text, CHANGE_MAX)}`);
  const more = line.changes.length - CHANGES_SHOWN;
  if (more > 0) changes.push(`      ↳ +${more} more changes`);
  const tlsrpt = line.tlsrpt === undefined ? [] : [`      ${prose(line.tlsrpt, CHANGE_MAX)}`];
  return [fields.join(' · '), ...tlsrpt, ...changes].join('\n');
}

/** Unchanged healthy domains of one verdict on one line: "🟢 9 enforced, unchanged: a.com, b.com … +1 more". */
export function foldedLineText(fold: DigestFold): string {
  const names = fold.domains.slice(0, FOLD_NAMED).map((domain) => prose(domain, FOLDED_NAME_MAX));
  const more = fold.domains.length - names.length;
  return `${statusGlyph(fold.verdict).slack} ${prose(fold.label, FIELD_MAX)}: ${names.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
}

/** Escaped and cut; a code span the cut left open loses its opening backtick, so no span runs past the text. */
function prose(text: string, max: number): string {
  const cut = fitText(escapeProse(text), max);
  if (!cut.endsWith('…') || (cut.split('`').length - 1) % 2 === 0) return cut;
  const open = cut.lastIndexOf('`');
  return cut.slice(0, open) + cut.slice(open + 1);
}
