import type { ParseResult } from '../parsers/parse-result.js';
import { parseStsPolicy, type StsPolicy } from '../parsers/sts-policy.js';
import type { PolicyProbeResult } from '../probes/policy-probe.js';
import { inlineCode as code } from '../text/inline-code.js';
import type { UnreachableCause } from './finding-codes.js';
import { makeFinding } from './make-finding.js';
import type { Finding, Report } from './report.js';

const MIN_MAX_AGE = 86_400;
const RECOMMENDED_MAX_AGE = 604_800;

export interface PolicyEvaluation {
  policy: Report['policy'];
  parsed: StsPolicy | null;
  /** The host served something that is meant as an MTA-STS policy (valid, or at least declaring STSv1). */
  served: boolean;
  /** The fetch ended before anything definite was learnt (DNS failure or timeout): a policy may exist. */
  unknown: boolean;
  findings: Finding[];
}

export function evaluatePolicy(probe: PolicyProbeResult, domain: string): PolicyEvaluation {
  if (!probe.ok) {
    const unknown = probe.cause === 'dns' || probe.cause === 'timeout';
    return { policy: null, parsed: null, served: false, unknown, findings: [unreachable(probe, domain)] };
  }
  const { body, sha256 } = probe.value;
  const text = decodeUtf8(body);
  const parsed = text === null ? invalidUtf8 : parseStsPolicy(text);
  if (!parsed.ok) {
    const served = /^version:[ \t]*STSv1[ \t]*\r?$/m.test(body.toString('latin1'));
    const policy = { sha256, mode: null, mx: [], maxAge: null };
    return {
      policy,
      parsed: null,
      served,
      unknown: false,
      findings: [makeFinding('policy-invalid', parsed.reason, { domain })],
    };
  }
  const { mode, mx, maxAge } = parsed.value;
  const policy = { sha256, mode, mx, maxAge };
  return { policy, parsed: parsed.value, served: true, unknown: false, findings: maxAgeFindings(maxAge, domain) };
}

const invalidUtf8: ParseResult<never> = { ok: false, reason: 'the policy is not valid UTF-8' };

/** Strict: a malformed byte sequence must not turn into U+FFFD and slip past the parser. */
function decodeUtf8(body: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return null;
  }
}

function unreachable(probe: Extract<PolicyProbeResult, { ok: false }>, domain: string): Finding {
  if (probe.cause === 'blocked-address') return makeFinding('blocked-address', probe.detail, { domain });
  const patience =
    probe.cause === 'timeout'
      ? ' Senders may wait longer: RFC 8461 §3.3 suggests up to a minute, though many give up sooner.'
      : '';
  const cause: UnreachableCause = probe.cause === 'no-such-host' ? 'dns' : probe.cause;
  return { ...makeFinding('policy-unreachable', `${sentence(probe.detail)}${patience}`, { domain }), cause };
}

/** The probe's phrase as a sentence of its own: capital first letter, closing full stop. */
function sentence(phrase: string): string {
  const text = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function maxAgeFindings(maxAge: number, domain: string): Finding[] {
  if (maxAge < MIN_MAX_AGE) {
    return [
      makeFinding(
        'max-age-too-low',
        `${code('max_age')} is ${maxAge} s; Google ignores policies below ${MIN_MAX_AGE} s (one day).`,
        { domain },
      ),
    ];
  }
  if (maxAge < RECOMMENDED_MAX_AGE) {
    return [
      makeFinding(
        'max-age-short',
        `${code('max_age')} is ${maxAge} s, under the week (${RECOMMENDED_MAX_AGE} s) RFC 8461 recommends.`,
        { domain },
      ),
    ];
  }
  return [];
}
