import type { SecureContext } from 'node:tls';
import { normalizeDomainInput } from '../domain/normalize-domain.js';
import type { DnsResolver } from '../net/dns-resolver.js';
import { createNodeResolver } from '../net/node-resolver.js';
import { probeMx, probeTxt } from '../probes/dns-probes.js';
import { probeMxGates } from '../probes/mx-gate-probe.js';
import { fetchPolicy, type PolicyProbeResult } from '../probes/policy-probe.js';
import { trustingAlso } from '../probes/tls-handshake.js';
import { buildReport } from '../report/build-report.js';
import { evaluateTxt } from '../report/evaluate-txt.js';
import type { Report } from '../report/report.js';
import type { HistoryFacts } from '../report/scan-facts.js';
import { type ScanHistory, scanRecord } from '../store/scan-history.js';
import { ResolverUnreachableError, watchAnswers } from './resolver-unreachable.js';
import { markHistoryUnsaved } from './unsaved-history.js';

export { ResolverUnreachableError } from './resolver-unreachable.js';

export interface ScanOptions {
  /** Every lookup goes through this resolver; default: one built from `dns` (or the system configuration). */
  resolver?: DnsResolver;
  /** DNS servers as `ip` or `ip:port` (`[v6]:port`). */
  dns?: string[];
  /** Allow connecting to loopback, private, link-local and other non-public addresses. */
  allowPrivate?: boolean;
  /** Deadline of the policy fetch and of each DNS lookup, in ms. */
  timeoutMs?: number;
  /** Port of the policy host (443; tests inject their own). */
  httpsPort?: number;
  /** Extra trust anchors (PEM) besides the system roots; one trust store is built from them per scan. */
  ca?: string[];
  /**
   * The same, built once with trustingAlso(ca) and shared by many scans (building one parses every root: tens of ms
   * and megabytes per scan). Wins over `ca`.
   */
  trust?: SecureContext;
  /** Probe the sender's gate (SMTP, STARTTLS, certificate) at every MX host; default true. Off: port 25 is never touched. */
  smtp?: boolean;
  /** Port of the MX hosts (25; tests inject their own). */
  smtpPort?: number;
  /** Where earlier scans are kept; without it there is no stale-policy-id check and no clean history. */
  history?: ScanHistory;
  now?: () => Date;
}

export const DEFAULT_TIMEOUT_MS = 5_000;
const CLEAN_HISTORY_SCANS = 10;
const SMTP_PORT = 25;

/** Input that is not a domain; the message says why. */
export class InvalidDomainError extends Error {
  override name = 'InvalidDomainError';
  /** Stable, for callers that branch on it. */
  readonly code = 'invalid-domain';
}

/**
 * Scans one domain: all probes start at once, the report is judged from what they saw, the summary is recorded.
 * Throws InvalidDomainError for input that is not a domain, and ResolverUnreachableError when no DNS server answered
 * at all (then nothing is judged or recorded). A history write that fails does not lose the scan: the report is
 * returned, marked (historyWriteFailure), so the answer can say it was not kept.
 */
export async function scan(input: string, options: ScanOptions = {}): Promise<Report> {
  const normalized = normalizeDomainInput(input);
  if (!normalized.ok) throw new InvalidDomainError(normalized.reason);
  const domain = normalized.value;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const watched = watchAnswers(options.resolver ?? createNodeResolver({ servers: options.dns, timeoutMs }));
  const { resolver } = watched;
  const now = options.now ?? (() => new Date());

  const mxLookup = probeMx(resolver, domain);
  const secureContext = options.trust ?? (options.ca ? trustingAlso(options.ca) : undefined);
  const [txt, policy, tlsrpt, mx, gates] = await Promise.all([
    probeTxt(resolver, `_mta-sts.${domain}`),
    fetchPolicy({
      host: `mta-sts.${domain}`,
      resolver,
      port: options.httpsPort,
      allowPrivate: options.allowPrivate ?? false,
      timeoutMs,
      secureContext,
    }),
    probeTxt(resolver, `_smtp._tls.${domain}`),
    mxLookup,
    mxLookup.then((answer) =>
      probeMxGates(answer, {
        resolver,
        smtp:
          options.smtp === false
            ? null
            : {
                port: options.smtpPort ?? SMTP_PORT,
                allowPrivate: options.allowPrivate ?? false,
                timeoutMs,
                secureContext,
              },
      }),
    ),
  ]);

  // A domain is judged only on answers. When none came, one lookup the resolver surely answers (the TLD) tells a
  // domain whose servers are all silent from a resolver that cannot be reached.
  if (!watched.answered()) {
    await resolver.txt(domain.slice(domain.lastIndexOf('.') + 1));
    if (!watched.answered()) throw unreachable(options.dns, watched.firstFailure());
  }
  const scannedAt = now();
  const history = await historyFacts(options.history, domain, evaluateTxt(txt, domain).id, policy);
  const report = buildReport({ domain, now: scannedAt, txt, policy, tlsrpt, mx, gates, history });
  try {
    await options.history?.record(scanRecord(report, scannedAt));
  } catch (error) {
    markHistoryUnsaved(report, error);
  }
  return report;
}

function unreachable(dns: string[] | undefined, failure: string | null): ResolverUnreachableError {
  const where = dns?.length ? `the DNS server ${dns.join(', ')}` : 'the DNS resolver';
  return new ResolverUnreachableError(`could not reach ${where} (${failure ?? 'no answer'}); the scan did not run`);
}

async function historyFacts(
  history: ScanHistory | undefined,
  domain: string,
  policyId: string | null,
  policy: PolicyProbeResult,
): Promise<HistoryFacts> {
  if (!history) return { otherBodiesUnderId: [], clean: false };
  const [bodies, recent] = await Promise.all([
    policyId !== null && policy.ok ? history.bodiesUnderId(domain, policyId) : [],
    history.recentScans(domain, CLEAN_HISTORY_SCANS),
  ]);
  const current = policy.ok ? policy.value.sha256 : null;
  return {
    otherBodiesUnderId: bodies.filter((b) => b.sha256 !== current),
    clean: recent.length > 0 && recent.every((r) => r.verdict === 'enforced' || r.verdict === 'testing'),
  };
}
