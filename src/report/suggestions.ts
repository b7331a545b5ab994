import { checkMxValue } from '../parsers/policy-mx-value.js';
import { hostedMx } from './hosted-providers.js';
import type { Report } from './report.js';

export interface SuggestionInput {
  domain: string;
  now: Date;
  /** Live MX hosts. */
  mxHosts: string[];
  /** The valid TLS-RPT record already published, if any. */
  tlsrptRecord: string | null;
  /** Earlier scans exist and none was broken: safe to suggest enforce. */
  cleanHistory: boolean;
}

const SUGGESTED_MAX_AGE = 604_800;

/** Ready-to-paste zone lines and policy body built from what is live now. */
export function suggestions(input: SuggestionInput): Report['suggestions'] {
  const { domain } = input;
  const tlsrpt = input.tlsrptRecord ?? `v=TLSRPTv1; rua=mailto:tls-reports@${domain}`;
  return {
    txt: `_mta-sts.${domain}. IN TXT "v=STSv1; id=${freshId(input.now)}"`,
    policy: policyBody(input),
    tlsrpt: `_smtp._tls.${domain}. IN TXT "${tlsrpt.replace(/["\\]/g, '\\$&')}"`,
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

function policyBody({ mxHosts: live, cleanHistory }: SuggestionInput): string {
  const mxHosts = live.filter(isHostName);
  if (mxHosts.length === 0) return ['version: STSv1', 'mode: none', `max_age: ${SUGGESTED_MAX_AGE}`, ''].join('\n');
  const patterns = [...new Set(mxHosts.map((host) => hostedMx(host)?.pattern ?? host))];
  return [
    'version: STSv1',
    `mode: ${cleanHistory ? 'enforce' : 'testing'}`,
    ...patterns.map((p) => `mx: ${p}`),
    `max_age: ${SUGGESTED_MAX_AGE}`,
    '',
  ].join('\n');
}
