import type { PolicyProbeResult } from '../probes/policy-probe.js';
import { inlineCode as code } from '../text/inline-code.js';
import { evaluateCert } from './evaluate-cert.js';
import { evaluateGate } from './evaluate-gate.js';
import { evaluateMx } from './evaluate-mx.js';
import { evaluatePolicy } from './evaluate-policy.js';
import { evaluateTlsRpt, type TlsRptEvaluation } from './evaluate-tlsrpt.js';
import { evaluateTxt } from './evaluate-txt.js';
import { makeFinding } from './make-finding.js';
import type { Finding, PolicyMode, Report } from './report.js';
import type { HistoryFacts, ScanFacts } from './scan-facts.js';
import { suggestions } from './suggestions.js';
import { verdictOf } from './verdict.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The pure step: what the probes saw (and history) in, the Report out. Judges the domain the way a sender would. */
export function buildReport(facts: ScanFacts): Report {
  const { domain, now } = facts;
  const txt = evaluateTxt(facts.txt, domain);
  const policy = evaluatePolicy(facts.policy, domain);
  const tlsrpt = evaluateTlsRpt(facts.tlsrpt, domain);
  // A failed TXT lookup is not-configured only when the policy host answered that no policy is served there.
  const configured = txt.present || policy.served || (txt.lookupFailed && policy.unknown);
  const mx = evaluateMx(facts.mx, configured ? policy.parsed : null, domain);
  const cert = configured ? certOf(facts.policy) : null;
  const certEval = cert ? evaluateCert(cert, `mta-sts.${domain}`, domain, now) : null;
  const mode = policy.parsed?.mode ?? null;
  // Judged only where nothing at all is published: an NXDOMAIN apex beside a served policy is judged as usual.
  const missing = !configured && !facts.mx.ok && facts.mx.cause === 'nxdomain';
  const gate = evaluateGate(mx.rows, facts.gates, configured ? mode : null, domain, now);

  const findings: Finding[] = missing
    ? [makeFinding('domain-not-found', `${code(domain)} does not exist in DNS (NXDOMAIN).`, { domain })]
    : configured
      ? [
          ...txt.findings,
          ...(txt.present || txt.lookupFailed ? [] : [txtMissing(domain)]),
          ...policy.findings,
          ...(certEval?.findings ?? []),
          ...(txt.id !== null && facts.policy.ok
            ? stale(txt.id, facts.policy.value.sha256, facts.history, domain)
            : []),
          ...mx.findings,
          ...tlsrpt.findings,
          ...tlsrptAbsence(tlsrpt, facts.tlsrpt.ok, mode, domain),
          ...gate.findings,
        ]
      : [...tlsrpt.findings, ...gate.findings];

  return {
    domain,
    verdict: verdictOf(findings, configured, mode),
    findings: sortBySeverity(findings),
    txt: configured ? txt.txt : null,
    policy: configured ? policy.policy : null,
    mx: gate.rows,
    cert: certEval?.cert ?? null,
    tlsrpt: tlsrpt.tlsrpt,
    suggestions: suggestions({
      domain,
      now,
      mxRows: mx.rows,
      policyMx: configured ? (policy.parsed?.mx ?? []) : [],
      liveMode: mode,
      tlsrptValid: tlsrpt.valid,
      cleanHistory: facts.history.clean,
    }),
  };
}

function certOf(probe: PolicyProbeResult) {
  return probe.ok ? probe.value.cert : probe.cert;
}

function txtMissing(domain: string): Finding {
  const detail = `${code(`https://mta-sts.${domain}/.well-known/mta-sts.txt`)} serves a policy, but ${code(`_mta-sts.${domain}`)} has no ${code('v=STSv1')} TXT record, so no sender will fetch it.`;
  return makeFinding('txt-missing', detail, { domain });
}

function stale(id: string, sha256: string, history: HistoryFacts, domain: string): Finding[] {
  const earlier = history.otherBodiesUnderId;
  const [first] = earlier;
  if (!first) return [];
  const detail = `${code(`id=${id}`)} has served ${earlier.length + 1} different bodies: ${code(short(first.sha256))} (first seen ${first.firstSeen}) and now ${code(short(sha256))}. Senders that cached the old body keep it until ${code('max_age')} runs out.`;
  return [makeFinding('stale-policy-id', detail, { domain })];
}

function tlsrptAbsence(
  tlsrpt: TlsRptEvaluation,
  lookedUp: boolean,
  mode: PolicyMode | null,
  domain: string,
): Finding[] {
  if (tlsrpt.valid) return [];
  if (mode === 'enforce') {
    return [
      makeFinding(
        'enforce-without-tlsrpt',
        `The policy is in ${code('mode: enforce')} but ${code(`_smtp._tls.${domain}`)} has no valid TLS-RPT record, so nobody hears about rejected mail.`,
        { domain },
      ),
    ];
  }
  if (tlsrpt.tlsrpt === null && lookedUp) {
    return [
      makeFinding('tlsrpt-missing', `${code(`_smtp._tls.${domain}`)} has no ${code('v=TLSRPTv1')} record.`, { domain }),
    ];
  }
  return [];
}

export function sortBySeverity(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function short(sha256: string): string {
  return sha256.slice(0, 12);
}
