import { SEVERITY_MARKS } from '../../src/render/terminal-marks.js';
import { type Colour, paint } from '../../src/render/terminal-style.js';
import { gatePasses, gateSummary } from '../../src/report/gate-summary.js';
import { pasteRecordLines } from '../../src/report/paste-record.js';
import { policyModeNote } from '../../src/report/policy-mode-note.js';
import { hasPolicyToMatch, policyUnusableBecause } from '../../src/report/policy-usability.js';
import type { Report, Verdict } from '../../src/report/report.js';
import { escapeUnsafe as clean } from '../../src/text/escape-unsafe.js';

const VERDICT_STYLE: Record<Verdict, { label: string; colour: Colour }> = {
  enforced: { label: 'ENFORCED', colour: 'green' },
  testing: { label: 'TESTING', colour: 'blue' },
  none: { label: 'NONE (opt-out)', colour: 'grey' },
  'not-configured': { label: 'NOT CONFIGURED', colour: 'grey' },
  broken: { label: 'BROKEN', colour: 'yellow' },
};

/** A Report for a person at a terminal: verdict first, every remote string neutralised. */
export function renderTextReport(report: Report, colour: boolean): string {
  const verdict = VERDICT_STYLE[report.verdict];
  // A name that does not exist has nothing to configure: no records to publish, and it says so instead of BROKEN.
  const notFound = report.findings.some((f) => f.code === 'domain-not-found');
  const label = notFound ? 'DOMAIN NOT FOUND' : verdict.label;
  const lines = [`${paint(colour, 'bold', clean(report.domain))}  ${paint(colour, verdict.colour, label)}`, ''];
  lines.push(...summary(report), '');
  lines.push(...mxTable(report, colour));
  if (report.findings.length) lines.push('', paint(colour, 'bold', 'Findings'));
  for (const f of report.findings) {
    const [mark, markColour] = SEVERITY_MARKS[f.severity];
    lines.push(`  ${paint(colour, markColour, `${mark} ${f.severity.padEnd(7)}`)}  ${f.title} [${f.code}]`);
    lines.push(`             ${clean(f.detail)}`, `             Fix: ${clean(f.fix)}`);
  }
  if (!notFound && (report.verdict !== 'enforced' || report.findings.length))
    lines.push('', ...suggestionLines(report, colour));
  return `${lines.join('\n')}\n`;
}

function summary(r: Report): string[] {
  const txt = r.txt ? `${clean(r.txt.record)}` : 'none';
  const id = r.txt?.id ? `id ${clean(r.txt.id)}` : 'no valid id';
  const unusable = policyUnusableBecause(r);
  const policy = r.policy
    ? `${id}  sha256 ${r.policy.sha256.slice(0, 16)}…  mode ${r.policy.mode ?? '?'}  max_age ${r.policy.maxAge ?? '?'}${unusable ? `  (not usable by senders: ${unusable})` : ''}`
    : 'not fetched';
  const cert = r.cert
    ? `${clean(r.cert.subject)}  issuer ${clean(r.cert.issuer)}  valid to ${r.cert.notAfter}  trusted ${mark(r.cert.trusted)}  name ${mark(r.cert.sanMatch)}`
    : 'none';
  const tlsrpt = r.tlsrpt ? clean(r.tlsrpt.record) : 'none';
  return [`  TXT      ${txt}`, `  Policy   ${policy}`, `  Cert     ${cert}`, `  TLS-RPT  ${tlsrpt}`];
}

function mxTable(r: Report, colour: boolean): string[] {
  if (r.mx.length === 0) return ['  MX       none'];
  const width = Math.min(60, Math.max(...r.mx.map((row) => clean(row.host).length)));
  const matching = hasPolicyToMatch(r);
  return [
    `  ${'MX'.padEnd(width + 2)}  prio  policy pattern`,
    ...r.mx.flatMap((row) => {
      const ok = row.matchedBy !== null;
      const tick = !matching ? '·' : paint(colour, ok ? 'green' : 'red', ok ? '✓' : '✗');
      const gate = gatePasses(row);
      const gateMark = gate === null ? '?' : paint(colour, gate ? 'green' : 'red', gate ? '✓' : '✗');
      return [
        `  ${tick} ${clean(row.host).padEnd(width)}  ${String(row.priority).padStart(4)}  ${!matching ? 'no policy to match against' : ok ? clean(row.matchedBy!) : '—'}`,
        `      ${gateMark} ${clean(gateSummary(row))}`,
      ];
    }),
  ];
}

function suggestionLines(r: Report, colour: boolean): string[] {
  const indent = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => (line ? `      ${clean(line)}` : ''));
  return [
    paint(colour, 'bold', 'Suggested records'),
    '  TXT record:',
    ...indent(pasteRecordLines(r.suggestions.txtName, r.suggestions.txt).join('\n')),
    `  Policy (https://mta-sts.${clean(r.domain)}/.well-known/mta-sts.txt):`,
    ...(policyModeNote(r) ? [`    ${policyModeNote(r)}`] : []),
    ...indent(r.suggestions.policy),
    ...(r.suggestions.tlsrpt === null
      ? []
      : ['  TLS-RPT record:', ...indent(pasteRecordLines(r.suggestions.tlsrptName, r.suggestions.tlsrpt).join('\n'))]),
  ];
}

function mark(ok: boolean): string {
  return ok ? '✓' : '✗';
}
