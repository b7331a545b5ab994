import type { MxAnswer } from '../net/dns-resolver.js';
import type { DnsProbeResult } from '../probes/dns-probes.js';
import type { PolicyProbeResult } from '../probes/policy-probe.js';
import type { SmtpProbeResult } from '../probes/smtp-probe.js';

/** What the probes saw, plus what history says: the whole input of the pure report step. */
export interface ScanFacts {
  domain: string;
  now: Date;
  txt: DnsProbeResult<string[]>;
  policy: PolicyProbeResult;
  tlsrpt: DnsProbeResult<string[]>;
  mx: DnsProbeResult<MxAnswer[]>;
  /** The SMTP probe of each live MX host, by host name; null when the probe was off. */
  smtp: ReadonlyMap<string, SmtpProbeResult> | null;
  history: HistoryFacts;
}

export interface HistoryFacts {
  /** Bodies recorded earlier under the TXT id published now, whose hash differs from the body served now. */
  otherBodiesUnderId: { sha256: string; firstSeen: string }[];
  /** Earlier scans exist and none of them was broken. */
  clean: boolean;
}
