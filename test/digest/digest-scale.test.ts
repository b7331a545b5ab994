import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createResultCache } from '../../src/command/result-cache.js';
import { channelDigest } from '../../src/digest/channel-digest.js';
import type { Report } from '../../src/report/report.js';
import { scan } from '../../src/scan/scan.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { publishDomain } from '../fixture/fixture-internet.js';
import { healthy, useFixtureScanner } from '../scan/scan-harness.js';
import { CHANNEL } from './digest-fixtures.js';

const fixture = useFixtureScanner('scale');
const DOMAINS = 500;
const MB = 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

describe('a digest for a channel watching 500 fixture domains', () => {
  it('completes with every domain accounted for while the heap stays bounded', { timeout: 120_000 }, async () => {
    const store = openSqliteStore(':memory:');
    const domains: string[] = [];
    for (let i = 0; i < DOMAINS; i++) {
      const domain = fixture.newDomain();
      const spec = healthy()(domain);
      // Every tenth domain has a second MX host its policy does not cover; every twenty-fifth has no MTA-STS.
      if (i % 10 === 0)
        spec.mx = [
          [10, `mx1.${domain}`],
          [20, `backup.${domain}`],
        ];
      await publishDomain(fixture.net(), domain, i % 25 === 1 ? { mx: spec.mx } : spec);
      await store.watch(CHANNEL, domain, { perChannel: DOMAINS, perWorkspace: DOMAINS }, new Date().toISOString());
      domains.push(domain);
    }
    // The way the chat core scans: through the per-domain cache, which keeps every report for its TTL.
    const cache = createResultCache<Report>({ ttlMs: 5 * 60_000, now: Date.now });
    const options = { ...fixture.net().scanOptions, history: store };
    const cachedScan = (domain: string) => cache.fill(domain, () => scan(domain, options));

    const baseline = heapAfterGc();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 25);
    try {
      const { message, digest } = await channelDigest(CHANNEL, {
        store,
        scan: cachedScan,
        concurrency: 8,
        deadlineMs: 15_000,
        now: () => new Date(),
      });
      clearInterval(sampler);
      await store.saveDigest(CHANNEL, digest);

      // The 50 broken domains in full, the healthy ones folded by verdict: every domain named once.
      expect(message.lines).toHaveLength(50);
      const named = [...message.lines.map((line) => line.domain), ...(message.folded ?? []).flatMap((f) => f.domains)];
      expect(named).toHaveLength(DOMAINS);
      expect(new Set(named)).toEqual(new Set(domains));
      expect(message.counts).toEqual({
        enforced: 430,
        testing: 0,
        none: 0,
        'not-configured': 20,
        broken: 50,
        'timed-out': 0,
        failed: 0,
      });
      expect(message.details).toHaveLength(50);
      expect(digest.snapshots).toHaveLength(DOMAINS);
      expect((await store.lastDigest(CHANNEL))?.snapshots).toHaveLength(DOMAINS);

      // Generous bounds (about 25 MB peak and 5 MB kept, cached reports included, when written): the point is
      // that no domain leaves sockets, buffers or certificates behind, not a tight budget.
      expect(peak - baseline).toBeLessThan(160 * MB);
      expect(heapAfterGc() - baseline).toBeLessThan(32 * MB);
    } finally {
      clearInterval(sampler);
      store.close();
    }
  });
});
