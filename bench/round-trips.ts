/**
 * The round-trip model the scan is held to. One round trip (RTT) is 2 × the one-way delay the latency relays add.
 *
 *   DNS query                     1 RTT  (A and AAAA are asked at once by the scan: 1 RTT together); an answer too
 *                                        large for UDP is asked again over TCP: + connect + query = 3 RTT in all
 *   TCP connect                   1 RTT
 *   TLS 1.3 handshake             1 RTT
 *   HTTP request → response       1 RTT
 *   SMTP greeting                 1 RTT after connect, plus the server's own pause before it greets (server time)
 *   EHLO, STARTTLS                1 RTT each
 *   QUIT                          0: written, never waited for
 *
 * What scan() runs at once (src/scan/scan.ts): four chains start at t = 0 and the fifth follows the MX answer.
 *   _mta-sts TXT                                   1
 *   _smtp._tls TXT                                 1
 *   policy: A+AAAA → TCP → TLS → GET               4 (1 when the policy host has no address)
 *   MX → per host, all at once (up to 8):          1 + max(TLSA 1, gate)
 *        gate: A+AAAA → TCP → greeting → EHLO → STARTTLS → TLS = 6 + pause
 * The bound is the longest chain. A sequential scanner asks the same things one after another, A and AAAA apart.
 */
export interface ScanShape {
  /** The policy host has an address (mta-sts.<d> resolves). */
  policyHost: boolean;
  /** MX hosts (each with its own name); 0 for a domain without MX. */
  mxHosts: number;
  /** The sender gate (SMTP) is probed. */
  smtp: boolean;
  /** The MX answer is truncated over UDP and asked again over TCP (many MX hosts). */
  mxOverTcp?: boolean;
}

/** How many MX hosts the scan probes at once (MX_PROBE_CONCURRENCY in src/probes/mx-gate-probe.ts). */
const MX_AT_ONCE = 8;
const GATE_RTT = 6;

export interface Bound {
  /** Round trips on the critical path. */
  rtt: number;
  /** Server pauses on the critical path (SMTP greetings waited for one after another). */
  pauses: number;
}

/** The critical path of scan() for a domain of this shape. */
export function parallelBound(shape: ScanShape): Bound {
  const policy = shape.policyHost ? 4 : 1;
  const rounds = Math.ceil(shape.mxHosts / MX_AT_ONCE);
  const perHost = shape.smtp ? GATE_RTT : 1;
  const mx = mxLookup(shape) + rounds * perHost;
  const mxChain = { rtt: mx, pauses: shape.smtp ? rounds : 0 };
  return mxChain.rtt >= policy ? mxChain : { rtt: policy, pauses: 0 };
}

/** Every query and exchange one after another (A and AAAA as two queries). */
export function sequentialBound(shape: ScanShape): Bound {
  const txt = 2;
  const policy = shape.policyHost ? 2 + 3 : 2;
  const perHost = 1 + (shape.smtp ? 2 + 5 : 0);
  return { rtt: txt + policy + mxLookup(shape) + shape.mxHosts * perHost, pauses: shape.smtp ? shape.mxHosts : 0 };
}

function mxLookup(shape: ScanShape): number {
  return shape.mxOverTcp ? 3 : 1;
}

/** The bound in ms for a one-way delay and the servers' greeting pause. */
export function boundMs(bound: Bound, oneWayMs: number, pauseMs: number): number {
  return bound.rtt * 2 * oneWayMs + bound.pauses * pauseMs;
}
