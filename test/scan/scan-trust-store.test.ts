import { describe, expect, it } from 'vitest';
import { createTestCa } from '../fixture/test-ca.js';
import { healthy, useFixtureScanner } from './scan-harness.js';

const fixture = useFixtureScanner('trust');

describe("the trust store is the scan's own", () => {
  it('scans running at once with different anchors each judge by their own (no store shared between scans)', async () => {
    const stranger = await createTestCa();
    const [trusting, distrusting, trustingAgain] = await Promise.all([
      fixture.scanOf(healthy()),
      fixture.scanOf(healthy(), { ca: [stranger.certPem] }),
      fixture.scanOf(healthy()),
    ]);
    expect([trusting, distrusting, trustingAgain].map((report) => report.cert?.trusted)).toEqual([true, false, true]);
    // The MX hosts' certificates come from the same run CA and are judged with the same per-scan store.
    expect([trusting, distrusting].map((report) => report.mx.map((host) => host.smtp?.cert?.trusted))).toEqual([
      [true],
      [false],
    ]);
  });
});
