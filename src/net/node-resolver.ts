import { Resolver } from 'node:dns/promises';
import type { TlsaData } from 'dns-packet';
import type { DnsAnswer, DnsFailureCause, DnsResolver, MxAnswer, TlsaRecord } from './dns-resolver.js';
import { decodeTxtBytes } from './txt-bytes.js';
import { parseWireServer, wireQuery } from './wire-dns.js';

export interface NodeResolverOptions {
  /** `ip`, `ip:port` or `[v6]:port`; empty or absent → the system's resolvers. */
  servers?: string[];
  /** Upper bound for one lookup, retries included. */
  timeoutMs?: number;
}

const TRIES = 2;

const CAUSES: Record<string, DnsFailureCause> = {
  ENOTFOUND: 'nxdomain',
  ENODATA: 'nodata',
  ESERVFAIL: 'servfail',
  EREFUSED: 'refused',
  ETIMEOUT: 'timeout',
  // Only the lookup deadline cancels a channel.
  ECANCELLED: 'timeout',
};

/** A DnsResolver on c-ares. Throws only at creation, on a malformed server address. */
export function createNodeResolver(options: NodeResolverOptions = {}): DnsResolver {
  const timeoutMs = options.timeoutMs ?? 5000;
  const servers = options.servers?.length ? options.servers : undefined;
  // c-ares stretches the per-try timeout (backoff, server latency history): t = bound/6 leaves room for both
  // tries in the common case, and the deadline below holds the bound whatever c-ares does.
  const perTryMs = Math.max(50, Math.floor(timeoutMs / 6));
  const channel = (): Resolver => {
    const resolver = new Resolver({ timeout: perTryMs, tries: TRIES });
    if (servers) resolver.setServers(servers);
    return resolver;
  };
  // Built once up front so a malformed server address throws here; without `servers` it holds the system's
  // servers, as c-ares read them from /etc/resolv.conf, which the wire path uses too.
  const wireServers = channel().getServers().map(parseWireServer);

  // One channel per lookup, so the deadline can cancel it without touching other lookups.
  const withChannel = async <T>(run: (resolver: Resolver) => Promise<T>): Promise<T> => {
    const resolver = channel();
    const deadline = setTimeout(() => resolver.cancel(), timeoutMs);
    try {
      return await run(resolver);
    } finally {
      clearTimeout(deadline);
    }
  };

  return {
    // Joined before decoding: a UTF-8 character may straddle two 255-byte character-strings.
    txt: (name) =>
      withChannel((r) =>
        settle(r.resolveTxt(name), (records) => records.map((strings) => decodeTxtBytes(strings.join('')))),
      ),
    mx: (name) => withChannel((r) => settle(r.resolveMx(name), (records) => records.map(toMxAnswer))),
    addresses: (name) =>
      withChannel((r) => Promise.all([settle(r.resolve4(name), (a) => a), settle(r.resolve6(name), (a) => a)])).then(
        ([v4, v6]) => mergeAddresses(v4, v6),
      ),
    // c-ares can neither ask for TLSA nor show the AD bit: the same servers, asked on the wire.
    tlsa: async (name) => {
      const answer = await wireQuery(name, 'TLSA', wireServers, timeoutMs);
      if (!answer.ok) return answer;
      const records = answer.value.answers.flatMap((a) => (a.type === 'TLSA' ? [toTlsa(a.data)] : []));
      if (records.length === 0) return { ok: false, cause: 'nodata', detail: `no TLSA records at ${name}` };
      return { ok: true, value: { records, authenticated: answer.value.authenticated } };
    },
  };
}

function toTlsa(data: TlsaData): TlsaRecord {
  return { usage: data.usage, selector: data.selector, matchingType: data.matchingType, data: data.certificate };
}

function toMxAnswer(record: { exchange: string; priority: number }): MxAnswer {
  return { exchange: record.exchange.toLowerCase().replace(/\.$/, ''), priority: record.priority };
}

async function settle<R, T>(promise: Promise<R>, map: (raw: R) => T): Promise<DnsAnswer<T>> {
  try {
    return { ok: true, value: map(await promise) };
  } catch (error) {
    return failure(error);
  }
}

/** IPv4 then IPv6; fails only when both fail: NXDOMAIN first, then a real failure, then NODATA. */
function mergeAddresses(v4: DnsAnswer<string[]>, v6: DnsAnswer<string[]>): DnsAnswer<string[]> {
  if (v4.ok || v6.ok) return { ok: true, value: [...(v4.ok ? v4.value : []), ...(v6.ok ? v6.value : [])] };
  const failures = [v4, v6];
  return failures.find((f) => f.cause === 'nxdomain') ?? failures.find((f) => f.cause !== 'nodata') ?? v4;
}

function failure(error: unknown): DnsAnswer<never> {
  const { code, message } = error as NodeJS.ErrnoException;
  const cause = (code && CAUSES[code]) || 'error';
  const detail =
    code === 'ECANCELLED' ? `no answer before the lookup deadline (${message})` : `${code ?? 'EUNKNOWN'}: ${message}`;
  return { ok: false, cause, detail };
}
