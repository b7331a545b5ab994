import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { type Report, reportSchema } from '../../src/report/report.js';
import type { Channel, DomainSnapshot } from '../../src/store/watch-store.js';

export const CHANNEL: Channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' };

/** A digest's memory of a healthy enforced domain; overrides replace whole fields. */
export function snapshotFixture(over: Partial<DomainSnapshot> = {}): DomainSnapshot {
  const domain = over.domain ?? 'example.com';
  return {
    domain,
    scannedAt: '2026-11-30T09:00:00.000Z',
    verdict: 'enforced',
    codes: [],
    policyId: '20261101T000000',
    sha256: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    mode: 'enforce',
    mx: [`mx1.${domain}`],
    certSerial: '01',
    certNotAfter: '2027-02-28T00:00:00.000Z',
    tlsrpt: `v=TLSRPTv1; rua=mailto:tls@${domain}`,
    uncoveredMx: [],
    ...over,
  };
}

/** A healthy enforced report; overrides replace whole top-level fields. Validated by reportSchema. */
export function reportFixture(domain: string, over: Partial<Report> = {}): Report {
  return reportSchema.parse({
    domain,
    verdict: 'enforced',
    findings: [],
    txt: { record: 'v=STSv1; id=20261101T000000', id: '20261101T000000' },
    policy: { sha256: 'b'.repeat(64), mode: 'enforce', mx: [`mx1.${domain}`], maxAge: 604_800 },
    mx: [{ host: `mx1.${domain}`, priority: 10, matchedBy: `mx1.${domain}`, smtp: null, dane: null }],
    cert: {
      subject: `CN=mta-sts.${domain}`,
      issuer: 'CN=Fixture CA',
      san: [`mta-sts.${domain}`],
      notBefore: '2026-11-01T00:00:00.000Z',
      notAfter: '2027-02-28T00:00:00.000Z',
      trusted: true,
      sanMatch: true,
      serial: '01',
    },
    tlsrpt: { record: `v=TLSRPTv1; rua=mailto:tls@${domain}`, rua: [`mailto:tls@${domain}`] },
    suggestions: { txtName: '', txt: '', policy: '', tlsrptName: '', tlsrpt: '' },
    ...over,
  });
}

/** A fresh folder per test for database files, removed after it. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtasts-digest-'));
    dirs.push(dir);
    return join(dir, 'mtasts.db');
  };
}
