import { describe, expect, it } from 'vitest';
import { trustingAlso } from '../../src/probes/tls-handshake.js';
import { createTestCa } from '../fixture/test-ca.js';
import { healthy, useFixtureScanner } from './scan-harness.js';

const fixture = useFixtureScanner('trust');

describe("the trust store is the scan's own", () => {
  it('scans running at once with different anchors each judge by their own (no store shared between scans)', async () => {
    const stranger = await createTestCa();
    const [trusting, distrusting, trustingAgain, fromCa] = await Promise.all([
      fixture.scanOf(healthy()),
      fixture.scanOf(healthy(), { trust: trustingAlso([stranger.certPem]) }),
      fixture.scanOf(healthy()),
      // Without a prebuilt store, the scan builds its own from `ca`.
      fixture.scanOf(healthy(), { ca: [stranger.certPem], trust: undefined }),
    ]);
    expect([trusting, distrusting, trustingAgain, fromCa].map((report) => report.cert?.trusted)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    // The MX hosts' certificates come from the same run CA and are judged with the same per-scan store.
    expect([trusting, distrusting].map((report) => report.mx.map((host) => host.smtp?.cert?.trusted))).toEqual([
      [true],
      [false],
    ]);
  });
});
