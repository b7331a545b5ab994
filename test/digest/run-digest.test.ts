import { describe, expect, it } from 'vitest';
import { runDigest } from '../../src/digest/run-digest.js';
import type { Report } from '../../src/report/report.js';
import { reportFixture } from './digest-fixtures.js';

const NOW = () => new Date('2026-11-30T09:00:00.000Z');

describe('runDigest', () => {
  it('scans every domain, never more at once than the concurrency, and keeps the order of the domains', async () => {
    let running = 0;
    let peak = 0;
    const scan = async (domain: string): Promise<Report> => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return reportFixture(domain);
    };
    const domains = Array.from({ length: 20 }, (_, i) => `d${i}.example`);
    const outcomes = await runDigest(domains, { scan, concurrency: 3, deadlineMs: 10_000, now: NOW });
    expect(outcomes.map((o) => o.domain)).toEqual(domains);
    expect(outcomes.every((o) => o.status === 'scanned')).toBe(true);
    expect(peak).toBe(3);
  });

  it('reports a domain that misses the deadline as timed out and goes on with the others', async () => {
    const scan = (domain: string): Promise<Report> =>
      domain === 'stuck.example' ? new Promise<Report>(() => undefined) : Promise.resolve(reportFixture(domain));
    const outcomes = await runDigest(['a.example', 'stuck.example', 'b.example'], {
      scan,
      concurrency: 1,
      deadlineMs: 100,
      now: NOW,
    });
    expect(outcomes.map((o) => [o.domain, o.status])).toEqual([
      ['a.example', 'scanned'],
      ['stuck.example', 'timed-out'],
      ['b.example', 'scanned'],
    ]);
  });

  it('reports a scan that throws as failed, and logs why', async () => {
    const logged: object[] = [];
    const scan = (domain: string): Promise<Report> => {
      if (domain === 'bad.example') throw new Error('database is locked');
      return Promise.resolve(reportFixture(domain));
    };
    const outcomes = await runDigest(['bad.example', 'a.example'], {
      scan,
      concurrency: 2,
      deadlineMs: 10_000,
      now: NOW,
      logger: { error: (details) => void logged.push(details) },
    });
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'scanned']);
    expect(logged).toEqual([{ err: new Error('database is locked'), domain: 'bad.example' }]);
  });

  it('keeps the snapshot and findings of a scanned domain, with the MX hosts its policy leaves uncovered', async () => {
    const report = reportFixture('a.example', {
      verdict: 'broken',
      mx: [
        { host: 'mx1.a.example', priority: 10, matchedBy: 'mx1.a.example', smtp: null, dane: null },
        { host: 'mx2.a.example', priority: 20, matchedBy: null, smtp: null, dane: null },
      ],
      findings: [{ code: 'mx-mismatch', severity: 'error', title: 't', detail: 'd', fix: 'f' }],
    });
    const [outcome] = await runDigest(['a.example'], {
      scan: async () => report,
      concurrency: 4,
      deadlineMs: 10_000,
      now: NOW,
    });
    expect(outcome).toMatchObject({
      status: 'scanned',
      snapshot: {
        domain: 'a.example',
        verdict: 'broken',
        codes: ['mx-mismatch'],
        mx: ['mx1.a.example', 'mx2.a.example'],
        uncoveredMx: ['mx2.a.example'],
        scannedAt: '2026-11-30T09:00:00.000Z',
      },
      findings: report.findings,
    });
  });

  it('finishes at once for a channel that watches nothing', async () => {
    expect(
      await runDigest([], { scan: async (d) => reportFixture(d), concurrency: 4, deadlineMs: 10, now: NOW }),
    ).toEqual([]);
  });
});
