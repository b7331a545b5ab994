import { inlineCode as code } from '../text/inline-code.js';
import {
  clip,
  domainRow,
  domainSessions,
  type ReceivedReport,
  reporterOf,
  sorted,
  type Tally,
} from '../tlsrpt/domain-sessions.js';
import { MX_REFUSAL_TYPES, resultTypeFix } from '../tlsrpt/result-type-fixes.js';
import { makeFinding } from './make-finding.js';
import type { Finding, Report } from './report.js';
import { freshId } from './suggestions.js';

const DAY_MS = 86_400_000;
/** Failures this recent speak for the deployment as it is now. */
const RECENT_DAYS = 7;
const CLEAN_DAYS = 14;
const CLEAN_REPORTERS = 2;
/** A clean run must reach (nearly) today: reports that stopped coming prove nothing about now. */
const CURRENT_DAYS = 3;
const LISTED = 5;

/**
 * What senders' reports say about a deployment in its current mode: in testing, failures that enforce would turn
 * into bounces (premature-enforce-risk) or a clean run long and wide enough to switch (ready-to-enforce); in
 * enforce, any failure (tlsrpt-failures). `reports` are the domain's reports of the last 30 days, in any order.
 */
export function evaluateTlsRptReports(report: Report, reports: readonly ReceivedReport[], now: Date): Finding[] {
  const { domain } = report;
  const mode = report.policy?.mode ?? null;
  const recent = reports.filter((r) => Date.parse(r.end) > now.getTime() - RECENT_DAYS * DAY_MS);
  if (mode === 'enforce') return enforceFailures(domain, recent);
  if (mode !== 'testing') return [];
  const risk = prematureEnforceRisk(domain, recent);
  if (risk.length > 0) return risk;
  return readyToEnforce(report, reports, now);
}

function enforceFailures(domain: string, recent: readonly ReceivedReport[]): Finding[] {
  const sessions = domainSessions(recent, domain);
  if (sessions.failed === 0) return [];
  const [top] = sessions.failuresByResultType;
  const mx = knownHosts(sessions.failingMxHosts);
  const detail = `Reports of the last ${RECENT_DAYS} days: ${sessions.failed} of ${sessions.successful + sessions.failed} sessions failed${top ? ` (most: ${top.name})` : ''}, from ${senders(sessions.reporters)}${mx.length > 0 ? `; failing MX hosts: ${listed(mx, code)}` : ''}.`;
  return [
    makeFinding('tlsrpt-failures', detail, {
      domain,
      note: top ? resultTypeFix(top.name, domain, mx[0]?.name ?? null) : undefined,
    }),
  ];
}

/** Sessions refused at an MX host (or at one the policy does not cover): under enforce, no delivery there. */
function prematureEnforceRisk(domain: string, recent: readonly ReceivedReport[]): Finding[] {
  const byReporter = new Map<string, number>();
  const byType = new Map<string, number>();
  const hosts = new Map<string, number>();
  for (const report of recent) {
    const row = domainRow(report.summary, domain);
    if (row === null || row.failed === 0) continue;
    const refusals = Object.entries(row.failuresByResultType).filter(([type]) => MX_REFUSAL_TYPES.has(type));
    const uncovered = row.uncoveredFailingMxHosts ?? [];
    if (refusals.length === 0 && uncovered.length === 0) continue;
    const refused = Math.min(row.failed, refusals.reduce((sum, [, n]) => sum + n, 0) || row.failed);
    byReporter.set(reporterOf(report), (byReporter.get(reporterOf(report)) ?? 0) + refused);
    for (const [type, n] of refusals) byType.set(type, (byType.get(type) ?? 0) + n);
    for (const [host, n] of Object.entries(row.failingMxHosts)) {
      if (host !== '(unknown)') hosts.set(host, (hosts.get(host) ?? 0) + n);
    }
  }
  if (byReporter.size === 0) return [];
  const types = sorted(byType);
  const mx = sorted(hosts);
  const detail = `Reports of the last ${RECENT_DAYS} days show sessions failing at MX hosts that enforce would refuse${types.length > 0 ? ` (${listed(types)})` : ''}: flipping to enforce now would bounce mail from these senders: ${listed(sorted(byReporter))}${mx.length > 0 ? `. Failing MX hosts: ${listed(mx, code)}` : ''}.`;
  const [top] = types;
  const note = top
    ? resultTypeFix(top.name, domain, mx[0]?.name ?? null)
    : `add the failing MX hosts to the policy's ${code('mx:')} lines.`;
  return [makeFinding('premature-enforce-risk', detail, { domain, note })];
}

/** Clean reports, from enough senders, for long enough, up to now: the exact change to make. */
function readyToEnforce(report: Report, reports: readonly ReceivedReport[], now: Date): Finding[] {
  const { domain, policy } = report;
  if (policy === null) return [];
  const rows = [...reports]
    .map((r) => ({ report: r, row: domainRow(r.summary, domain) }))
    .filter((entry) => entry.row !== null)
    .sort((a, b) => Date.parse(a.report.end) - Date.parse(b.report.end));
  const lastFailure = rows.findLastIndex((entry) => entry.row!.failed > 0);
  const clean = rows.slice(lastFailure + 1);
  if (clean.length === 0) return [];
  const from = Math.min(...clean.map((entry) => Date.parse(entry.report.start)));
  const to = Math.max(...clean.map((entry) => Date.parse(entry.report.end)));
  const reporters = new Set(clean.map((entry) => reporterOf(entry.report)));
  const sessions = clean.reduce((sum, entry) => sum + entry.row!.successful, 0);
  if (to - from < CLEAN_DAYS * DAY_MS || reporters.size < CLEAN_REPORTERS || to < now.getTime() - CURRENT_DAYS * DAY_MS)
    return [];
  const body = [
    'version: STSv1',
    'mode: enforce',
    ...policy.mx.map((mx) => `mx: ${mx}`),
    `max_age: ${policy.maxAge ?? 604_800}`,
  ];
  const detail = `${sessions} sessions and no failure since ${new Date(from).toISOString().slice(0, 10)}, reported by ${reporters.size} senders (${[...reporters].sort().slice(0, LISTED).join(', ')}). New policy: ${body.map((line) => code(line)).join(' / ')}; then ${code(`_mta-sts.${domain} TXT "v=STSv1; id=${freshId(now)}"`)}.`;
  return [makeFinding('ready-to-enforce', detail, { domain })];
}

function senders(reporters: Tally[]): string {
  return listed(reporters.filter((r) => r.count > 0));
}

function knownHosts(hosts: Tally[]): Tally[] {
  return hosts.filter((host) => host.name !== '(unknown)');
}

/** "Google Inc. (12), Microsoft Corporation (3)", at most five, remote names cut (and shown as code when hosts). */
function listed(items: Tally[], show: (name: string) => string = (name) => name): string {
  const shown = items.slice(0, LISTED).map((item) => `${show(clip(item.name))} (${item.count})`);
  return items.length > LISTED ? `${shown.join(', ')} and ${items.length - LISTED} more` : shown.join(', ');
}
