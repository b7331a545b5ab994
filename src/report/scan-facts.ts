import type { DnsProbeResult, MxProbeResult } from '../probes/dns-probes.js';
import type { MxGateFacts } from '../probes/mx-gate-probe.js';
import type { PolicyProbeResult } from '../probes/policy-probe.js';

/** What the probes saw, plus what history says: the whole input of the pure report step. */
export interface ScanFacts {
  domain: string;
  now: Date;
  txt: DnsProbeResult<string[]>;
  policy: PolicyProbeResult;
  tlsrpt: DnsProbeResult<string[]>;
  mx: MxProbeResult;
  /** Each live MX host's gate (SMTP probe, null when off) and TLSA records, by host name. */
  gates: ReadonlyMap<string, MxGateFacts>;
  history: HistoryFacts;
}

export interface HistoryFacts {
  /** Bodies recorded earlier under the TXT id published now, whose hash differs from the body served now. */
  otherBodiesUnderId: { sha256: string; firstSeen: string }[];
  /** Earlier scans exist and none of them was broken. */
  clean: boolean;
}
