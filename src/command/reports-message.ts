import type { NoticeMessage } from '../chat/chat-message.js';
import { command } from '../chat/chat-text.js';
import { clip, type DomainSessions, type PolicyTypeSessions, type Tally } from '../tlsrpt/domain-sessions.js';
import { resultTypeFix } from '../tlsrpt/result-type-fixes.js';

export interface DomainReportWindows {
  domain: string;
  last7: DomainSessions;
  last30: DomainSessions;
}

/** Names and counts shown per list; remote names are cut (clip), so the answer always fits one message. */
const SHOWN = 5;

/** `reports <domain>`: sessions per policy type over 7 and 30 days, what failed where, and the top fix. */
export function reportsMessage({ domain, last7, last30 }: DomainReportWindows): NoticeMessage {
  if (last30.reports === 0) {
    const text = [
      `No TLS-RPT reports for ${domain} in this channel in the last 30 days. `,
      command('reports endpoint'),
      ' gives the rua address to publish; report files (.json, .json.gz) uploaded here count too.',
    ];
    return { kind: 'notice', code: 'no-reports', tone: 'neutral', private: false, text };
  }
  const lines = [
    `TLS-RPT reports for ${domain}: ${count(last30.reports, 'report')} from ${count(last30.reporters.length, 'reporter')} in the last 30 days`,
    `Last 7 days: ${sessionsText(last7.byPolicyType)}`,
    `Last 30 days: ${sessionsText(last30.byPolicyType)}`,
  ];
  if (last30.failed > 0) {
    lines.push(
      `Failures by result type: ${tallyText(last30.failuresByResultType)}`,
      `Failing MX hosts: ${tallyText(last30.failingMxHosts)}`,
      `Sending MTAs: ${tallyText(last30.sendingMtas)}`,
      topFailure(domain, last30),
    );
  }
  lines.push(
    `Reporters: ${last30.reporters
      .slice(0, SHOWN)
      .map((r) => clip(r.name))
      .join(' · ')}${more(last30.reporters)}`,
  );
  const tone = last30.failed > 0 ? 'warning' : 'good';
  return { kind: 'notice', code: 'reports', tone, private: false, text: [lines.join('\n')] };
}

function sessionsText(types: PolicyTypeSessions[]): string {
  if (types.length === 0) return 'no reports';
  return types
    .map((t) => `${clip(t.policyType)} ${number(t.successful)} succeeded · ${number(t.failed)} failed`)
    .join('; ');
}

function topFailure(domain: string, sessions: DomainSessions): string {
  const [top] = sessions.failuresByResultType;
  const [mx] = sessions.failingMxHosts.filter((host) => host.name !== '(unknown)');
  if (top === undefined) return 'Top failure: the reports give no result types.';
  const where = mx === undefined ? '' : `, most at ${clip(mx.name)}`;
  return `Top failure: ${clip(top.name)} (${count(top.count, 'session')}${where}). Fix: ${resultTypeFix(clip(top.name), domain, mx ? clip(mx.name) : null)}`;
}

function tallyText(tallies: Tally[]): string {
  if (tallies.length === 0) return 'none given';
  return `${tallies
    .slice(0, SHOWN)
    .map((t) => `${clip(t.name)} ${number(t.count)}`)
    .join(' · ')}${more(tallies)}`;
}

function more(list: unknown[]): string {
  return list.length > SHOWN ? ` · +${list.length - SHOWN} more` : '';
}

export function count(n: number, noun: string): string {
  return `${number(n)} ${n === 1 ? noun : `${noun}s`}`;
}

function number(n: number): string {
  return n.toLocaleString('en-US');
}
