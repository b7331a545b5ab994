import { gateFailures } from '../report/gate-summary.js';
import type { Report, Verdict } from '../report/report.js';

/** The summary of one scan that history keeps: enough to spot drift between scans. */
export interface ScanRecord {
  domain: string;
  scannedAt: string;
  verdict: Verdict;
  codes: string[];
  policyId: string | null;
  sha256: string | null;
  mode: string | null;
  mx: string[];
  /** Live MX hosts the served policy does not cover; empty when no policy is served. */
  uncoveredMx: string[];
  certSerial: string | null;
  certNotAfter: string | null;
  tlsrpt: string | null;
  /**
   * The gate at each probed MX host: the serial of the certificate it presented and the gate findings about it.
   * Kept in digest snapshots (JSON), not in the scans table; absent in records from before the SMTP probe.
   */
  mxGates?: MxGateRecord[];
}

export interface MxGateRecord {
  host: string;
  certSerial: string | null;
  /** Finding codes of the gate at this host (starttls-missing, mx-cert-*), smtp-unreachable aside. */
  failures: string[];
}

export interface BodySeen {
  sha256: string;
  firstSeen: string;
}

/** Scan history behind a small async interface, so a shared (e.g. Postgres) store can replace SQLite. */
export interface ScanHistory {
  /** Every distinct policy body recorded for this domain under this TXT id, oldest first. */
  bodiesUnderId(domain: string, policyId: string): Promise<BodySeen[]>;
  /** The most recent scans of the domain, newest first. */
  recentScans(domain: string, limit: number): Promise<ScanRecord[]>;
  record(scan: ScanRecord): Promise<void>;
}

export function scanRecord(report: Report, scannedAt: Date): ScanRecord {
  return {
    domain: report.domain,
    scannedAt: scannedAt.toISOString(),
    verdict: report.verdict,
    codes: report.findings.map((f) => f.code),
    policyId: report.txt?.id ?? null,
    sha256: report.policy?.sha256 ?? null,
    mode: report.policy?.mode ?? null,
    mx: report.mx.map((row) => row.host),
    // Without a policy nothing is covered, and that is the verdict's story, not an MX change.
    uncoveredMx: report.policy === null ? [] : report.mx.filter((row) => row.matchedBy === null).map((row) => row.host),
    certSerial: report.cert?.serial ?? null,
    certNotAfter: report.cert?.notAfter ?? null,
    tlsrpt: report.tlsrpt?.record ?? null,
    mxGates: mxGates(report),
  };
}

/** Undefined when no host was probed (--no-smtp), so a later probed scan is not compared with nothing. */
function mxGates(report: Report): MxGateRecord[] | undefined {
  const probed = report.mx.filter((row) => row.smtp !== null);
  if (probed.length === 0) return undefined;
  return probed.map((row) => ({
    host: row.host,
    certSerial: row.smtp?.cert?.serial ?? null,
    failures: gateFailures(row),
  }));
}
