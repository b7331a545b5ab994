import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { type ScanOptions, scan } from '../../src/scan/scan.js';
import {
  type DomainSpec,
  type FixtureInternet,
  publishDomain,
  startFixtureInternet,
} from '../fixture/fixture-internet.js';

/** One fixture internet per test file; every scenario gets a fresh domain so scenarios never see each other. */
export function useFixtureScanner(tag: string) {
  let internet: FixtureInternet | undefined;
  let count = 0;
  beforeAll(async () => {
    internet = await startFixtureInternet();
  });
  afterAll(async () => {
    await internet?.close();
  });
  const net = (): FixtureInternet => {
    if (!internet) throw new Error('fixture internet not started');
    return internet;
  };
  return {
    net,
    newDomain: () => `${tag}${++count}.example`,
    /** Publishes the deployment built for a fresh domain and scans it the way the CLI would. */
    async scanOf(build: (domain: string) => DomainSpec, options: Partial<ScanOptions> = {}): Promise<Report> {
      const domain = `${tag}${++count}.example`;
      await publishDomain(net(), domain, build(domain));
      return scan(domain, { ...net().scanOptions, ...options });
    },
  };
}

export const CRLF_POLICY = (mode: string, mx: string[], maxAge = 604800): string =>
  ['version: STSv1', `mode: ${mode}`, ...mx.map((m) => `mx: ${m}`), `max_age: ${maxAge}`, ''].join('\r\n');

/** A clean deployment: one MX covered exactly, TLS-RPT published. */
export function healthy(mode: 'enforce' | 'testing' | 'none' = 'enforce') {
  return (d: string): DomainSpec => ({
    txt: 'v=STSv1; id=20261130T000000;',
    policy: CRLF_POLICY(mode, mode === 'none' ? [] : [`mx1.${d}`]),
    mx: [[10, `mx1.${d}`]],
    tlsrpt: `v=TLSRPTv1; rua=mailto:tls-reports@${d}`,
  });
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export function codes(report: Report): string[] {
  return report.findings.map((f) => f.code);
}

/** What the fixture's default MX host (STARTTLS, a fresh 90-day certificate for its name from the run's CA) looks like. */
export function cleanGate(host: string) {
  return {
    reached: true,
    error: null,
    address: '127.0.0.1',
    starttls: true,
    tlsVersion: 'TLSv1.3',
    cipher: expect.stringMatching(/^TLS_/),
    cert: {
      subject: `CN=${host}`,
      issuer: 'CN=mtasts fixture CA',
      san: [host],
      notBefore: expect.any(String),
      notAfter: expect.any(String),
      serial: expect.stringMatching(/^[0-9A-F]+$/),
      trusted: true,
      nameMatch: true,
      daysLeft: 89,
    },
  };
}
