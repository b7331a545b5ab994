import { aLabelName } from '../domain/a-label-name.js';
import type { MxAnswer } from '../net/dns-resolver.js';
import { mxPatternMatches } from '../parsers/mx-pattern.js';
import { inlineCode as code } from '../text/inline-code.js';
import { hostedMx } from './hosted-providers.js';
import type { MxRow } from './report.js';

/** An MX host no policy pattern covers, with the pattern that would cover it. */
export interface UncoveredMx {
  host: string;
  pattern: string;
  /** mx-wildcard-missing: a provider whose hosts need a wildcard, or a policy wildcard one label too high. */
  wildcard: boolean;
  note?: string;
}

/** An MX row before the gate is added to it. */
export type CoverageRow = Pick<MxRow, 'host' | 'priority' | 'matchedBy'>;

export function mxRows(hosts: MxAnswer[], patterns: string[]): CoverageRow[] {
  return hosts.map(({ exchange, priority }) => ({
    host: exchange,
    priority,
    matchedBy: patterns.find((p) => mxPatternMatches(p, exchange)) ?? null,
  }));
}

/**
 * The mx: patterns a policy needs for these rows: the live pattern that covers a host, else the one its finding
 * asks to add (a provider's or a one-label-deeper wildcard, or the exact host), so a suggestion and a fix agree.
 */
export function neededPatterns(rows: CoverageRow[], patterns: string[]): string[] {
  return [...new Set(rows.map((r) => r.matchedBy ?? explain(r.host, patterns).pattern))];
}

export function uncoveredMx(rows: CoverageRow[], patterns: string[]): UncoveredMx[] {
  return rows.filter((r) => r.matchedBy === null).map((r) => explain(r.host, patterns));
}

function explain(host: string, patterns: string[]): UncoveredMx {
  const name = aLabelName(host).toLowerCase();
  const tooHigh = patterns.find(
    (p) => p.startsWith('*.') && name.endsWith(aLabelName(p).slice(1).toLowerCase().replace(/\.$/, '')),
  );
  const tooHighNote = tooHigh && `${code(tooHigh)} does not cover ${code(host)}: a wildcard matches exactly one label.`;
  const hosted = hostedMx(host);
  if (hosted) {
    const note = tooHighNote || hosted.note;
    return {
      host,
      pattern: hosted.pattern,
      wildcard: hosted.needsWildcard || tooHigh !== undefined,
      ...(note ? { note } : {}),
    };
  }
  if (tooHigh) return { host, pattern: `*.${host.slice(host.indexOf('.') + 1)}`, wildcard: true, note: tooHighNote };
  return { host, pattern: host, wildcard: false };
}
