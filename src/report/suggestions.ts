import { checkMxValue } from '../parsers/policy-mx-value.js';
import { type CoverageRow, neededPatterns } from './mx-coverage.js';
import type { PolicyMode, Report } from './report.js';

export interface SuggestionInput {
  domain: string;
  now: Date;
  /** Live MX hosts, with the live pattern covering each. */
  mxRows: CoverageRow[];
  /** The mx: patterns of the policy served now (none without one). */
  policyMx: string[];
  /** The mode of the policy served now, if one parsed. */
  liveMode: PolicyMode | null;
  /** A valid TLS-RPT record is published, so there is none to suggest. */
  tlsrptValid: boolean;
  /** Earlier scans exist and none was broken: safe to suggest enforce. */
  cleanHistory: boolean;
}

const SUGGESTED_MAX_AGE = 604_800;

/** Ready-to-paste DNS records (name and value, as a provider's form asks) and policy body, from what is live now. */
export function suggestions(input: SuggestionInput): Report['suggestions'] {
  const { domain } = input;
  return {
    txtName: `_mta-sts.${domain}`,
    txt: `v=STSv1; id=${freshId(input.now)};`,
    policy: policyBody(input),
    tlsrptName: `_smtp._tls.${domain}`,
    // A visible placeholder mailbox of the domain, for the owner to replace.
    tlsrpt: input.tlsrptValid ? null : `v=TLSRPTv1; rua=mailto:tls-reports@${domain}`,
  };
}

/** A timestamp id: alphanumeric, ≤32 characters, and always newer than the one before. */
export function freshId(now: Date): string {
  return now.toISOString().replace(/\D/g, '').slice(0, 14);
}

/** A live MX name that is not a valid host name (a control byte, a space, a "*") never enters a suggested record. */
function isHostName(name: string): boolean {
  return !name.includes('*') && checkMxValue(name).ok;
}

function policyBody({ mxRows: live, policyMx, liveMode, cleanHistory }: SuggestionInput): string {
  const mxRows = live.filter((row) => isHostName(row.host));
  if (mxRows.length === 0) return ['version: STSv1', 'mode: none', `max_age: ${SUGGESTED_MAX_AGE}`, ''].join('\n');
  const patterns = neededPatterns(mxRows, policyMx);
  return [
    'version: STSv1',
    `mode: ${suggestedMode(liveMode, cleanHistory)}`,
    ...patterns.map((p) => `mx: ${p}`),
    `max_age: ${SUGGESTED_MAX_AGE}`,
    '',
  ].join('\n');
}

/**
 * Never weaker than what is live: enforce and none (a deliberate opt-out) are kept; testing, or no live policy,
 * moves to enforce only once earlier scans were clean, and otherwise starts (or stays) in testing.
 */
function suggestedMode(live: PolicyMode | null, cleanHistory: boolean): PolicyMode {
  if (live === 'enforce' || live === 'none') return live;
  return cleanHistory ? 'enforce' : 'testing';
}
