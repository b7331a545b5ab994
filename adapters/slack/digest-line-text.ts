import type { DigestLine } from '../../src/chat/digest-message.js';
import { certDaysText } from '../shared/cert-days-text.js';
import { statusGlyph } from '../shared/palette.js';
import { lineStatus, STATUS_LABELS } from '../shared/verdict-labels.js';
import { escapeMrkdwn } from './escape.js';
import { fitText } from './fit-text.js';

/** Bounds on remote text, so one line (with its changes) always fits a section and never needs splitting. */
const DOMAIN_MAX = 260;
const FIELD_MAX = 64;
const CHANGE_MAX = 300;
const CHANGES_SHOWN = 5;

/**
 * One domain of the digest as escaped mrkdwn: verdict, domain, mode, id, short hash, MX coverage and certificate
 * days on one line, then the TLS-RPT line and one indented line per change. At most about 2,600 characters.
 */
export function digestLineText(line: DigestLine): string {
  // The same colours and words as a report's tone, so a domain looks alike in its report and in the digest.
  const status = lineStatus(line);
  const fields = [
    `${statusGlyph(status).slack} *${fitText(escapeMrkdwn(line.domain), DOMAIN_MAX)}*`,
    STATUS_LABELS[status],
  ];
  if (line.mode !== null) fields.push(`mode ${fitText(escapeMrkdwn(line.mode), FIELD_MAX)}`);
  if (line.policyId !== null) fields.push(`id ${fitText(escapeMrkdwn(line.policyId), FIELD_MAX)}`);
  // Only hex digits are kept: the hash is ours, but a code span must never meet a backtick.
  const hash = line.shortHash?.replace(/[^0-9a-f]/gi, '').slice(0, 12) ?? '';
  if (hash !== '') fields.push(`\`${hash}\``);
  if (line.mxCoverage !== null) fields.push(`MX ${line.mxCoverage.covered}/${line.mxCoverage.total}`);
  if (line.certDaysLeft !== null) fields.push(certDaysText(line.certDaysLeft));

  const changes = line.changes
    .slice(0, CHANGES_SHOWN)
    .map((change) => `      ↳ ${fitText(escapeMrkdwn(change.text), CHANGE_MAX)}`);
  const more = line.changes.length - CHANGES_SHOWN;
  if (more > 0) changes.push(`      ↳ +${more} more changes`);
  const tlsrpt = line.tlsrpt === undefined ? [] : [`      ${fitText(escapeMrkdwn(line.tlsrpt), CHANGE_MAX)}`];
  return [fields.join(' · '), ...tlsrpt, ...changes].join('\n');
}
