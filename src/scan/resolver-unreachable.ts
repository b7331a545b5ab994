import type { DnsAnswer, DnsFailureCause, DnsResolver } from '../net/dns-resolver.js';

/**
 * The resolver itself could not be reached (every lookup refused at the socket or timed out): the scan did not run,
 * and nothing was judged. scan() throws it instead of returning a Report built from no answers.
 */
export class ResolverUnreachableError extends Error {
  override name = 'ResolverUnreachableError';
  /** Stable, for callers that branch on it (the message names the server and the failure). */
  readonly code = 'resolver-unreachable';
}

/** Causes that mean a DNS server answered, even if the answer was a failure. */
const ANSWERED: ReadonlySet<DnsFailureCause> = new Set(['nxdomain', 'nodata', 'servfail', 'refused']);

export interface WatchedResolver {
  resolver: DnsResolver;
  /** Whether any lookup so far got an answer from a DNS server. */
  answered(): boolean;
  /** The first failure seen without an answer, for the message. */
  firstFailure(): string | null;
}

/** Wraps a resolver to note whether any answer came back at all, which is what tells a domain from no network. */
export function watchAnswers(inner: DnsResolver): WatchedResolver {
  let answered = false;
  let firstFailure: string | null = null;
  const note = <T>(answer: DnsAnswer<T>): DnsAnswer<T> => {
    if (answer.ok || ANSWERED.has(answer.cause)) answered = true;
    else firstFailure ??= answer.detail || answer.cause;
    return answer;
  };
  return {
    resolver: {
      txt: (name) => inner.txt(name).then(note),
      mx: (name) => inner.mx(name).then(note),
      addresses: (name) => inner.addresses(name).then(note),
      tlsa: (name) => inner.tlsa(name).then(note),
    },
    answered: () => answered,
    firstFailure: () => firstFailure,
  };
}
