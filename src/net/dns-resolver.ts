import type { Result } from '../result.js';

/** The scanner's one path to DNS. Every probe resolves through this, so tests and `--dns` steer all lookups. */

export type DnsFailureCause = 'nxdomain' | 'nodata' | 'servfail' | 'refused' | 'timeout' | 'error';

export type DnsAnswer<T> = Result<T, { cause: DnsFailureCause; detail: string }>;

export interface MxAnswer {
  exchange: string;
  priority: number;
}

/** A TLSA record (RFC 6698 §2.1): certificate usage, selector, matching type and the association data. */
export interface TlsaRecord {
  usage: number;
  selector: number;
  matchingType: number;
  data: Buffer;
}

export interface TlsaAnswer {
  records: TlsaRecord[];
  /** The resolver set the AD bit: it validated the answer with DNSSEC (meaningful only from a validating resolver). */
  authenticated: boolean;
}

export interface DnsResolver {
  /** TXT records at name, each record's character-strings joined. */
  txt(name: string): Promise<DnsAnswer<string[]>>;
  mx(name: string): Promise<DnsAnswer<MxAnswer[]>>;
  /** A and AAAA addresses of name (IPv4 first). */
  addresses(name: string): Promise<DnsAnswer<string[]>>;
  /** TLSA records at name (e.g. _25._tcp.mx.example.com), asked with EDNS0 and DO so the AD bit is reported. */
  tlsa(name: string): Promise<DnsAnswer<TlsaAnswer>>;
}
