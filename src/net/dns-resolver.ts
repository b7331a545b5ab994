/** The scanner's one path to DNS. Every probe resolves through this, so tests and `--dns` steer all lookups. */

export type DnsFailureCause = 'nxdomain' | 'nodata' | 'servfail' | 'refused' | 'timeout' | 'error';

export type DnsAnswer<T> = { ok: true; value: T } | { ok: false; cause: DnsFailureCause; detail: string };

export interface MxAnswer {
  exchange: string;
  priority: number;
}

export interface DnsResolver {
  /** TXT records at name, each record's character-strings joined. */
  txt(name: string): Promise<DnsAnswer<string[]>>;
  mx(name: string): Promise<DnsAnswer<MxAnswer[]>>;
  /** A and AAAA addresses of name (IPv4 first). */
  addresses(name: string): Promise<DnsAnswer<string[]>>;
}
